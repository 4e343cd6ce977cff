import { getBattery, PersonaAgent, resolvePersonas, type TaskBattery } from '@emocrowd/agents';
import { createRng, type ModelRequest, SyntheticModel } from '@emocrowd/models';
import { FakeModel } from '@emocrowd/models/testing';
import { lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { CrowdEvent } from '../events/CrowdEvent.js';
import { type ResponseRecord, recordKey } from '../events/ResponseRecord.js';
import type { RunDescriptor } from '../events/RunDescriptor.js';
import type { RunSummary } from '../events/RunSummary.js';
import { median } from '../stats/median.js';
import { runCrowd } from './runCrowd.js';
import { summarizeRecords } from './summarizeRecords.js';
import { taskDescriptor } from './taskDescriptor.js';

const lorenz = getBattery('lorenz-2011');

function descriptor(task: TaskBattery, overrides: Partial<RunDescriptor> = {}): RunDescriptor {
  return {
    runId: 'battery',
    task: taskDescriptor(task),
    model: { id: 'synthetic', backend: 'synthetic', model: 'synthetic', isLanguageModel: false },
    personas: { spec: '40', space: 'default', condition: 'combined', count: 40 },
    seed: 11,
    replicates: 1,
    rounds: 1,
    influence: { kind: 'none' },
    generation: {},
    strategies: [],
    ...overrides,
  };
}

const crowd = (n: number) =>
  resolvePersonas(String(n), { condition: 'combined', rng: createRng(11).fork('personas') });

const records = (events: CrowdEvent[]): ResponseRecord[] =>
  events.flatMap((e) => (e.type === 'estimateSubmitted' || e.type === 'estimateFailed' ? [e.record] : []));

const summaryOf = (events: CrowdEvent[]): RunSummary => {
  const last = events[events.length - 1];
  if (last?.type !== 'runCompleted') throw new Error(`last event is ${last?.type}`);
  return last.summary;
};

const stable = (summary: RunSummary): Omit<RunSummary, 'timing'> => {
  const { timing: _timing, ...rest } = summary;
  return rest;
};

describe('runCrowd on a battery', () => {
  it('asks every persona every item once, persona by persona, and summarises each item', async () => {
    const personas = crowd(40);
    const events = await lastValueFrom(
      runCrowd({
        descriptor: descriptor(lorenz),
        task: lorenz,
        personas,
        agent: new PersonaAgent({ backend: new SyntheticModel() }),
        concurrency: 1,
        summary: { subsets: 10 },
      }).pipe(toArray()),
    );
    const answers = records(events);
    expect(answers).toHaveLength(240);
    expect(new Set(answers.map(recordKey)).size).toBe(240);
    // One worker: the slots in order, each persona's six items together.
    expect(answers.slice(0, 7).map((r) => [r.personaIndex, r.item])).toEqual([
      ...lorenz.items.map((item) => [personas.at(0).index, item.id]),
      [personas.at(1).index, 'density'],
    ]);
    const finished = events.flatMap((e) => (e.type === 'roundFinished' ? [e.stats] : []));
    expect(finished.map((s) => s.item)).toEqual(lorenz.items.map((i) => i.id));
    const summary = summaryOf(events);
    expect(summary.counts).toMatchObject({ personas: 40, expected: 240, missing: 0 });
    expect(summary.aggregates).toBeUndefined();
    expect(summary.items?.map((i) => [i.id, i.truth])).toEqual(
      lorenz.items.map((i) => [i.id, i.truth.value]),
    );
    for (const item of summary.items ?? []) {
      const values = answers
        .filter((r) => r.item === item.id && r.status === 'ok')
        .map((r) => r.estimate as number);
      expect(item.n).toBe(values.length);
      expect(item.summary?.aggregates.median?.estimate).toBe(median(values));
      expect(item.summary?.subsets?.B).toBe(10);
    }
    const snapshot = events.findLast((e) => e.type === 'crowdUpdated');
    expect(snapshot?.type === 'crowdUpdated' && snapshot.snapshot.items?.map((i) => i.total)).toEqual(
      lorenz.items.map(() => 40),
    );
  });

  it('gives items with the same truth their own draws (the item is part of the seed)', async () => {
    const twins: TaskBattery = {
      id: 'twins',
      title: 'two jars with the same count',
      source: 'test',
      items: [
        { ...(lorenz.items[3] as TaskBattery['items'][number]), id: 'a' },
        { ...(lorenz.items[3] as TaskBattery['items'][number]), id: 'b' },
      ],
    };
    const answers = records(
      await lastValueFrom(
        runCrowd({
          descriptor: descriptor(twins),
          task: twins,
          personas: crowd(40),
          agent: new PersonaAgent({ backend: new SyntheticModel() }),
          summary: { subsets: 0 },
        }).pipe(toArray()),
      ),
    );
    const byPersona = new Map<number, number[]>();
    for (const r of answers)
      if (r.status === 'ok')
        byPersona.set(r.personaIndex, [...(byPersona.get(r.personaIndex) ?? []), r.estimate as number]);
    const differ = [...byPersona.values()].filter((v) => v.length === 2 && v[0] !== v[1]).length;
    expect(differ).toBeGreaterThan(30);
  });

  it('shows each agent the aggregate of the same item in the next round', async () => {
    const seen: { truth: number; anchor: number | undefined }[] = [];
    const synthetic = new SyntheticModel();
    const backend = new FakeModel({
      answers: async (request: ModelRequest) => {
        seen.push({ truth: request.hints?.truth ?? 0, anchor: request.hints?.socialAnchor });
        return synthetic.generate(request);
      },
    });
    const events = await lastValueFrom(
      runCrowd({
        descriptor: descriptor(lorenz, { rounds: 2, influence: { kind: 'aggregate', aggregate: 'median' } }),
        task: lorenz,
        personas: crowd(30),
        agent: new PersonaAgent({ backend }),
        summary: { subsets: 0 },
      }).pipe(toArray()),
    );
    const answers = records(events);
    for (const item of lorenz.items) {
      const first = answers
        .filter((r) => r.round === 0 && r.item === item.id && r.status === 'ok')
        .map((r) => r.estimate as number);
      const anchors = new Set(
        seen.filter((s) => s.truth === item.truth.value && s.anchor !== undefined).map((s) => s.anchor),
      );
      expect([...anchors]).toEqual([median(first)]);
    }
    const summary = summaryOf(events);
    expect(summary.rounds.map((r) => `${r.round}:${r.item}`)).toEqual([
      ...lorenz.items.map((i) => `0:${i.id}`),
      ...lorenz.items.map((i) => `1:${i.id}`),
    ]);
  });

  it('resumes to the summary of the uninterrupted run, and summarizeRecords rebuilds it', async () => {
    const personas = crowd(40);
    const run = (completed?: ResponseRecord[]) =>
      lastValueFrom(
        runCrowd({
          descriptor: descriptor(lorenz, { rounds: 2, influence: { kind: 'neighbours', neighbours: 3 } }),
          task: lorenz,
          personas,
          agent: new PersonaAgent({ backend: new SyntheticModel() }),
          summary: { subsets: 10 },
          ...(completed ? { completed } : {}),
        }).pipe(toArray()),
      );
    const whole = await run();
    const all = records(whole);
    const partial = all.filter((r) => r.round === 0 && r.personaIndex % 2 === 0);
    const resumed = await run(partial);
    expect(records(resumed)).toHaveLength(all.length - partial.length);
    expect(stable(summaryOf(resumed))).toEqual(stable(summaryOf(whole)));
    const rebuilt = summarizeRecords({
      descriptor: descriptor(lorenz, { rounds: 2, influence: { kind: 'neighbours', neighbours: 3 } }),
      personas,
      records: [...all].reverse(),
      task: lorenz,
      options: { subsets: 10 },
    });
    expect(stable(rebuilt)).toEqual(stable(summaryOf(whole)));
    // Fidelity compares each item's round-0 answers with its human crowd (Lorenz E1, 144 subjects).
    expect(summaryOf(whole).items?.map((i) => i.fidelity?.human.n)).toEqual(lorenz.items.map(() => 144));
    expect(() =>
      summarizeRecords({
        descriptor: descriptor(lorenz),
        personas,
        records: [{ ...(all[0] as ResponseRecord), item: 'moon' }],
      }),
    ).toThrow(/item moon\) is not part of run battery/);
  });
});

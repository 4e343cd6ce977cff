import {
  createEmotionState,
  createPersonaListSpace,
  getTask,
  PersonaAgent,
  resolvePersonas,
} from '@emocrowd/agents';
import { createRng, ModelError, SyntheticModel } from '@emocrowd/models';
import { FakeModel } from '@emocrowd/models/testing';
import { lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { CrowdEvent } from '../events/CrowdEvent.js';
import type { ResponseRecord } from '../events/ResponseRecord.js';
import type { RunDescriptor } from '../events/RunDescriptor.js';
import type { RunSummary } from '../events/RunSummary.js';
import { buildNetwork } from '../networks/networks.js';
import { runCrowd } from './runCrowd.js';

const task = getTask('fargo-seattle');

function descriptor(overrides: Partial<RunDescriptor> = {}): RunDescriptor {
  return {
    runId: 'test',
    task: {
      id: task.id,
      question: task.question,
      unit: task.unit,
      truth: task.truth.value,
      truthSource: task.truth.source,
    },
    model: { id: 'synthetic', backend: 'synthetic', model: 'synthetic', isLanguageModel: false },
    personas: { spec: '200', space: 'default', condition: 'combined', count: 200 },
    seed: 7,
    replicates: 1,
    rounds: 1,
    influence: { kind: 'none' },
    generation: {},
    strategies: [],
    ...overrides,
  };
}

function crowd(n: number, seed = 7) {
  return resolvePersonas(String(n), { condition: 'combined', rng: createRng(seed).fork('personas') });
}

const records = (events: CrowdEvent[]): ResponseRecord[] =>
  events.flatMap((e) => (e.type === 'estimateSubmitted' || e.type === 'estimateFailed' ? [e.record] : []));

const completed = (events: CrowdEvent[]): Extract<CrowdEvent, { type: 'runCompleted' }> => {
  const last = events[events.length - 1];
  if (last?.type !== 'runCompleted') throw new Error(`last event is ${last?.type}`);
  return last;
};

/** A summary without the parts that legitimately vary between two runs. */
const stable = (summary: RunSummary): Omit<RunSummary, 'timing'> => {
  const { timing: _timing, ...rest } = summary;
  return rest;
};

describe('runCrowd', () => {
  it('asks every persona once and streams runStarted, answers, snapshots, roundFinished, runCompleted', async () => {
    const personas = crowd(200);
    const events = await lastValueFrom(
      runCrowd({
        descriptor: descriptor(),
        task,
        personas,
        agent: new PersonaAgent({ backend: new SyntheticModel() }),
        summary: { subsets: 20 },
      }).pipe(toArray()),
    );
    expect(events[0]?.type).toBe('runStarted');
    const answers = records(events);
    expect(answers).toHaveLength(200);
    expect(new Set(answers.map((r) => r.personaIndex)).size).toBe(200);
    expect(events.filter((e) => e.type === 'crowdUpdated').length).toBeGreaterThan(1);
    expect(events.filter((e) => e.type === 'roundFinished')).toHaveLength(1);
    const done = completed(events);
    expect(done.cancelled).toBe(false);
    const ok = answers.filter((r) => r.status === 'ok');
    expect(done.summary.counts).toMatchObject({
      personas: 200,
      expected: 200,
      answered: ok.length,
      missing: 0,
    });
    expect(done.summary.counts.unparsed + done.summary.counts.failed).toBe(200 - ok.length);
    const sorted = ok.map((r) => r.estimate as number).sort((a, b) => a - b);
    const mid = sorted.length / 2;
    const median =
      sorted.length % 2
        ? sorted[Math.floor(mid)]
        : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
    expect(done.summary.aggregates.median?.estimate).toBe(median);
    expect(done.summary.subsets?.B).toBe(20);
  });

  it('is reproducible: the same seed gives the same answers and summary, another seed does not', async () => {
    const run = async (seed: number) =>
      completed(
        await lastValueFrom(
          runCrowd({
            descriptor: descriptor({ seed }),
            task,
            personas: crowd(150, seed),
            agent: new PersonaAgent({ backend: new SyntheticModel() }),
            summary: { subsets: 10 },
          }).pipe(toArray()),
        ),
      ).summary;
    const a = await run(3);
    const b = await run(3);
    const c = await run(4);
    expect(stable(a)).toEqual(stable(b));
    expect(a.aggregates.mean?.estimate).not.toBe(c.aggregates.mean?.estimate);
  });

  it('turns model failures into estimateFailed events with their reason, never a stream error', async () => {
    const synthetic = new SyntheticModel();
    const backend = new FakeModel({
      answers: async (request, call) =>
        call % 5 === 0
          ? new ModelError('server', `HTTP 500 from http://x (call ${call})`)
          : synthetic.generate(request),
    });
    const events = await lastValueFrom(
      runCrowd({
        descriptor: descriptor(),
        task,
        personas: crowd(100),
        agent: new PersonaAgent({ backend }),
        summary: { subsets: 0 },
      }).pipe(toArray()),
    );
    const failed = events
      .filter((e) => e.type === 'estimateFailed')
      .map((e) => (e as { record: ResponseRecord }).record);
    expect(failed.filter((r) => r.status === 'failed')).toHaveLength(20);
    expect(failed.every((r) => r.reason && r.reason.length > 0)).toBe(true);
    expect(completed(events).summary.counts.failed).toBe(20);
  });

  it('never has more than `concurrency` calls in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    const synthetic = new SyntheticModel();
    const backend = new FakeModel({
      answers: async (request) => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await new Promise((r) => setTimeout(r, 1));
        inFlight--;
        return synthetic.generate(request);
      },
    });
    await lastValueFrom(
      runCrowd({
        descriptor: descriptor(),
        task,
        personas: crowd(60),
        agent: new PersonaAgent({ backend }),
        concurrency: 4,
        summary: { subsets: 0 },
      }),
    );
    expect(peak).toBe(4);
  });

  it('asks the crowd in order, one worker per concurrent call, skipping answers already made', async () => {
    const personas = crowd(50);
    const asked: number[] = [];
    const synthetic = new SyntheticModel();
    const backend = new FakeModel({
      answers: async (request) => {
        asked.push((request.options?.seed ?? 0) - 7); // answerSeed = run seed 7 + persona index
        await new Promise((r) => setTimeout(r, 1));
        return synthetic.generate(request);
      },
    });
    const first = records(
      await lastValueFrom(
        runCrowd({
          descriptor: descriptor(),
          task,
          personas,
          agent: new PersonaAgent({ backend }),
          concurrency: 3,
          summary: { subsets: 0 },
        }).pipe(toArray()),
      ),
    );
    const order = Array.from({ length: 50 }, (_, p) => personas.at(p).index);
    expect(asked).toEqual(order);
    asked.length = 0;
    const done = first.filter((r) => r.personaIndex % 3 === 0);
    await lastValueFrom(
      runCrowd({
        descriptor: descriptor(),
        task,
        personas,
        agent: new PersonaAgent({ backend }),
        concurrency: 3,
        completed: done,
        summary: { subsets: 0 },
      }),
    );
    expect(asked).toEqual(order.filter((index) => index % 3 !== 0));
  });

  it('lets every call in flight listen to the run signal without a MaxListenersExceededWarning', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error): void => {
      warnings.push(warning.name);
    };
    process.on('warning', onWarning);
    const synthetic = new SyntheticModel();
    let peak = 0;
    let listening = 0;
    const backend = new FakeModel({
      answers: async (request) => {
        // What a backend's deadline does: listen to the caller's signal while the call runs.
        const onAbort = (): void => undefined;
        request.signal?.addEventListener('abort', onAbort);
        peak = Math.max(peak, ++listening);
        await new Promise((r) => setTimeout(r, 2));
        listening--;
        request.signal?.removeEventListener('abort', onAbort);
        return synthetic.generate(request);
      },
    });
    try {
      await lastValueFrom(
        runCrowd({
          descriptor: descriptor(),
          task,
          personas: crowd(64),
          agent: new PersonaAgent({ backend }),
          concurrency: 32,
          summary: { subsets: 0 },
        }),
      );
      await new Promise((r) => setImmediate(r));
    } finally {
      process.off('warning', onWarning);
    }
    expect(peak).toBe(32);
    expect(warnings).not.toContain('MaxListenersExceededWarning');
  });

  it('summarises independently of the order answers arrive in', async () => {
    const synthetic = new SyntheticModel();
    const jittery = (seed: number) =>
      new FakeModel({
        answers: async (request, call) => {
          await new Promise((r) => setTimeout(r, createRng(seed).fork(call).int(4)));
          return synthetic.generate(request);
        },
      });
    const run = async (seed: number) => {
      const events = await lastValueFrom(
        runCrowd({
          descriptor: descriptor(),
          task,
          personas: crowd(80),
          agent: new PersonaAgent({ backend: jittery(seed) }),
          concurrency: 16,
          summary: { subsets: 10 },
        }).pipe(toArray()),
      );
      return { order: records(events).map((r) => r.personaIndex), summary: completed(events).summary };
    };
    const a = await run(1);
    const b = await run(2);
    expect(a.order).not.toEqual(b.order);
    expect(stable(a.summary)).toEqual(stable(b.summary));
  });

  it('continues a run from completed records without asking them again, ending with the same summary', async () => {
    const personas = crowd(120);
    const full = await lastValueFrom(
      runCrowd({
        descriptor: descriptor(),
        task,
        personas,
        agent: new PersonaAgent({ backend: new SyntheticModel() }),
        summary: { subsets: 10 },
      }).pipe(toArray()),
    );
    const firstHalf = records(full).slice(0, 70);
    const backend = new FakeModel({ answers: (request) => new SyntheticModel().generate(request) });
    const resumed = await lastValueFrom(
      runCrowd({
        descriptor: descriptor(),
        task,
        personas,
        agent: new PersonaAgent({ backend }),
        completed: firstHalf,
        summary: { subsets: 10 },
      }).pipe(toArray()),
    );
    expect(backend.calls).toBe(50);
    const asked = new Set(records(resumed).map((r) => r.personaIndex));
    for (const r of firstHalf) expect(asked.has(r.personaIndex)).toBe(false);
    expect(stable(completed(resumed).summary)).toEqual(stable(completed(full).summary));
  });

  it('stops gracefully: no new questions after stop, answers in flight still arrive, runCompleted is cancelled', async () => {
    const stop = new AbortController();
    const synthetic = new SyntheticModel();
    let asked = 0;
    const backend = new FakeModel({
      answers: async (request) => {
        asked++;
        if (asked === 30) stop.abort();
        await new Promise((r) => setTimeout(r, 2));
        return synthetic.generate(request);
      },
    });
    const events = await lastValueFrom(
      runCrowd({
        descriptor: descriptor(),
        task,
        personas: crowd(200),
        agent: new PersonaAgent({ backend }),
        concurrency: 5,
        stop: stop.signal,
        summary: { subsets: 0 },
      }).pipe(toArray()),
    );
    const done = completed(events);
    expect(done.cancelled).toBe(true);
    expect(asked).toBe(30);
    expect(records(events)).toHaveLength(30);
    expect(done.summary.counts.missing).toBe(170);
  });

  it('gives the event loop turns during a run on a model that answers at once, so a timer can stop it', async () => {
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 0);
    const events = await lastValueFrom(
      runCrowd({
        descriptor: descriptor({ replicates: 4 }),
        task,
        personas: crowd(2000),
        agent: new PersonaAgent({ backend: new SyntheticModel() }),
        concurrency: 64,
        stop: stop.signal,
        summary: { subsets: 0 },
      }).pipe(toArray()),
    );
    const done = completed(events);
    expect(done.cancelled).toBe(true);
    expect(records(events).length).toBeLessThan(8000);
    expect(done.summary.counts.missing).toBe(8000 - records(events).length);
  });

  it('aborts calls in flight when the subscriber unsubscribes', async () => {
    const signals: AbortSignal[] = [];
    const backend = new FakeModel({
      answers: (request) => {
        if (request.signal) signals.push(request.signal);
        return new Promise(() => {});
      },
    });
    const subscription = runCrowd({
      descriptor: descriptor(),
      task,
      personas: crowd(20),
      agent: new PersonaAgent({ backend }),
      concurrency: 3,
    }).subscribe();
    await new Promise((r) => setTimeout(r, 20));
    expect(signals).toHaveLength(3);
    expect(signals.every((s) => !s.aborted)).toBe(true);
    subscription.unsubscribe();
    expect(signals.every((s) => s.aborted)).toBe(true);
  });

  it('lowers diversity across social-influence rounds when agents see the aggregate', async () => {
    const events = await lastValueFrom(
      runCrowd({
        descriptor: descriptor({ rounds: 3, influence: { kind: 'aggregate', aggregate: 'median' } }),
        task,
        personas: crowd(300),
        agent: new PersonaAgent({ backend: new SyntheticModel() }),
        summary: { subsets: 0 },
      }).pipe(toArray()),
    );
    const rounds = events.flatMap((e) => (e.type === 'roundFinished' ? [e.stats] : []));
    expect(rounds.map((r) => r.round)).toEqual([0, 1, 2]);
    expect((rounds[1] as { logDiversity: number }).logDiversity).toBeLessThan(
      (rounds[0] as { logDiversity: number }).logDiversity,
    );
    expect((rounds[2] as { logDiversity: number }).logDiversity).toBeLessThan(
      (rounds[1] as { logDiversity: number }).logDiversity,
    );
    const later = records(events).filter((r) => r.round === 2);
    expect(later).toHaveLength(300);
    expect(completed(events).summary.rounds).toHaveLength(3);
  });

  it('shows each agent a seeded sample of neighbours and updates emotions between rounds', async () => {
    const prompts: string[] = [];
    const synthetic = new SyntheticModel();
    const backend = new FakeModel({
      answers: (request) => {
        prompts.push(request.messages.map((m) => m.content).join('\n'));
        return synthetic.generate(request);
      },
    });
    const space = createPersonaListSpace(
      'three',
      ['joy', 'anger', 'fear'].map((label) => ({
        emotion: createEmotionState(label),
        attributes: { region: 'outside-us' },
      })),
    );
    const list = { count: space.count, at: (i: number) => space.at(i) };
    const events = await lastValueFrom(
      runCrowd({
        descriptor: descriptor({
          rounds: 2,
          influence: { kind: 'neighbours', neighbours: 2 },
          personas: { spec: 'x', space: 'three', condition: 'combined', count: 3 },
        }),
        task,
        personas: list,
        agent: new PersonaAgent({ backend }),
        concurrency: 1,
        summary: { subsets: 0 },
      }).pipe(toArray()),
    );
    const second = records(events).filter((r) => r.round === 1);
    expect(second).toHaveLength(3);
    const firstRoundEstimates = records(events)
      .filter((r) => r.round === 0 && r.status === 'ok')
      .map((r) => r.estimate);
    const before = records(events).filter((r) => r.round === 0);
    const changed = second.filter((r) => {
      const b = before.find((x) => x.personaIndex === r.personaIndex);
      return b && (b.emotion !== r.emotion || b.intensity !== r.intensity);
    });
    expect(changed.length).toBeGreaterThan(0);
    expect(
      prompts
        .slice(3)
        .some((p) =>
          firstRoundEstimates.some(
            (x) => x !== undefined && p.includes(Math.round(x).toLocaleString('en-US')),
          ),
        ),
    ).toBe(true);
  });

  it('shows each agent its network neighbours’ previous answers of its own replicate, and records what was shown', async () => {
    const personas = crowd(40);
    const network = buildNetwork('random-regular:4', 40, createRng(7).fork('network'));
    const events = await lastValueFrom(
      runCrowd({
        descriptor: descriptor({
          rounds: 2,
          replicates: 2,
          personas: { spec: '40', space: 'default', condition: 'combined', count: 40 },
          influence: {
            kind: 'neighbours',
            show: 'values',
            network: {
              spec: network.spec,
              kind: network.kind,
              nodes: 40,
              edges: network.edgeCount,
              degree: network.degreeRange(),
              file: 'network.csv',
              sha256: 'x',
            },
          },
        }),
        task,
        personas,
        network,
        agent: new PersonaAgent({ backend: new SyntheticModel() }),
        summary: { subsets: 0 },
      }).pipe(toArray()),
    );
    const all = records(events);
    const position = new Map(Array.from({ length: 40 }, (_, p) => [personas.at(p).index, p]));
    const first = new Map(
      all.filter((r) => r.round === 0).map((r) => [`${r.replicate}:${position.get(r.personaIndex)}`, r]),
    );
    const second = all.filter((r) => r.round === 1);
    expect(second).toHaveLength(80);
    for (const record of second) {
      const node = position.get(record.personaIndex) as number;
      const seen = [...network.neighbours(node)]
        .map((n) => first.get(`${record.replicate}:${n}`))
        .filter((r) => r?.status === 'ok')
        .map((r) => r?.estimate as number);
      expect(record.shown).toBeCloseTo(seen.reduce((s, v) => s + v, 0) / seen.length, 9);
    }
    expect(all.filter((r) => r.round === 0).every((r) => r.shown === undefined)).toBe(true);
  });
});

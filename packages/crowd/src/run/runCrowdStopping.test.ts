import { getBattery, getTask, PersonaAgent, resolvePersonas } from '@emocrowd/agents';
import { createRng, type ModelBackend, SyntheticModel } from '@emocrowd/models';
import { lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { CrowdEvent } from '../events/CrowdEvent.js';
import type { ResponseRecord } from '../events/ResponseRecord.js';
import type { RunDescriptor } from '../events/RunDescriptor.js';
import type { RunSummary } from '../events/RunSummary.js';
import { median } from '../stats/median.js';
import type { StopRule } from '../stopping/StopRule.js';
import { stopOrder } from '../stopping/stopOrder.js';
import { runCrowd } from './runCrowd.js';
import { taskDescriptor } from './taskDescriptor.js';

const task = getTask('fargo-seattle');
const N = 2000;
const rule: StopRule = { strategy: 'median', precision: 0.1, level: 0.95, checkEvery: 50 };

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
    personas: { spec: String(N), space: 'default', condition: 'combined', count: N },
    seed: 7,
    replicates: 1,
    rounds: 1,
    influence: { kind: 'none' },
    generation: {},
    strategies: [],
    stop: rule,
    ...overrides,
  };
}

const personas = resolvePersonas(String(N), { condition: 'combined', rng: createRng(7).fork('personas') });

/** The synthetic model answering after a delay set by the request's seed: answers arrive out of order. */
function slowSynthetic(): ModelBackend {
  const model = new SyntheticModel();
  return {
    info: () => model.info(),
    async generate(request) {
      await new Promise((resolve) => setTimeout(resolve, (request.options?.seed ?? 0) % 4));
      return model.generate(request);
    },
  };
}

async function run(options: {
  backend?: ModelBackend;
  concurrency?: number;
  completed?: ResponseRecord[];
  descriptor?: RunDescriptor;
}): Promise<{ records: ResponseRecord[]; summary: RunSummary; cancelled: boolean }> {
  const events: CrowdEvent[] = await lastValueFrom(
    runCrowd({
      descriptor: options.descriptor ?? descriptor(),
      task,
      personas,
      agent: new PersonaAgent({ backend: options.backend ?? new SyntheticModel() }),
      concurrency: options.concurrency ?? 8,
      ...(options.completed ? { completed: options.completed } : {}),
      summary: { subsets: 0, bootstrap: 0 },
    }).pipe(toArray()),
  );
  const last = events[events.length - 1];
  if (last?.type !== 'runCompleted') throw new Error('no runCompleted');
  const records = events.flatMap((e) =>
    e.type === 'estimateSubmitted' || e.type === 'estimateFailed' ? [e.record] : [],
  );
  return { records, summary: last.summary, cancelled: last.cancelled };
}

const stable = ({ timing: _t, usage: _u, ...rest }: RunSummary) => ({
  ...rest,
  // Answers still in flight at the stop are stored and counted (answers, calls, tokens): how
  // many depends on timing.
  counts: {
    ...rest.counts,
    answered: 0,
    modelCalls: 0,
    cached: 0,
    skipped: 0,
    modelPromptTokens: 0,
    modelCompletionTokens: 0,
  },
  stopping: rest.stopping && { ...rest.stopping, asked: 0, callsSaved: 0 },
});

describe('runCrowd with a stop rule (--stop-at-precision)', () => {
  it('asks in the seeded random order and stops once the interval of the median is narrow enough', async () => {
    const { records, summary, cancelled } = await run({});
    const stopping = summary.stopping;
    expect(stopping?.reason).toBe('precision');
    expect(cancelled).toBe(false);
    const crowd = stopping?.crowd as number;
    expect(crowd).toBeLessThan(N / 2);
    expect(crowd % rule.checkEvery).toBe(0);
    // The first slots asked are the first of the random order, not persona 0, 1, 2, ...
    const order = Array.from(stopOrder(N, 7), (position) => personas.at(position).index);
    const firstAsked = records.slice(0, 8).map((r) => r.personaIndex);
    expect(firstAsked.every((p) => order.slice(0, 16).includes(p))).toBe(true);
    const spaceOrder = Array.from({ length: 16 }, (_, i) => personas.at(i).index);
    expect(firstAsked.some((p) => !spaceOrder.includes(p))).toBe(true);
    // The summary is over the stopped crowd: the first `crowd` slots of the order.
    const inCrowd = new Set(order.slice(0, crowd));
    const crowdValues = records
      .filter((r) => inCrowd.has(r.personaIndex) && r.status === 'ok')
      .map((r) => r.estimate as number);
    expect(summary.metrics?.n).toBe(crowdValues.length);
    expect(summary.aggregates?.median?.estimate).toBe(median(crowdValues));
    const [interval] = stopping?.intervals ?? [];
    expect(interval?.estimate).toBe(median(crowdValues));
    expect(interval?.relativeWidth).toBeLessThan(rule.precision);
    // Calls saved: everything not asked; nothing counts as missing.
    expect(stopping?.asked).toBe(records.length);
    expect(stopping?.callsSaved).toBe(N - records.length);
    expect(summary.counts.skipped).toBe(N - records.length);
    expect(summary.counts.missing).toBe(0);
    // The whole crowd's median lies in the interval the run stopped on.
    const full = await run({ descriptor: descriptor({ stop: undefined }) });
    const fullMedian = full.summary.aggregates?.median?.estimate as number;
    expect(fullMedian).toBeGreaterThanOrEqual(interval?.lower as number);
    expect(fullMedian).toBeLessThanOrEqual(interval?.upper as number);
  });

  it('stops at the same slot, with the same summary, whatever order the answers arrive in', async () => {
    const inOrder = await run({ concurrency: 1 });
    const shuffled = await run({ backend: slowSynthetic(), concurrency: 16 });
    expect(shuffled.summary.stopping?.crowd).toBe(inOrder.summary.stopping?.crowd);
    // In flight at the stop: stored, not summarised.
    expect(shuffled.records.length).toBeGreaterThanOrEqual(inOrder.records.length);
    expect(stable(shuffled.summary)).toEqual(stable(inOrder.summary));
  });

  it('a resumed run reaches the same stop from its stored answers, and a stopped one asks nothing more', async () => {
    const whole = await run({});
    const cut = whole.records.slice(0, Math.floor(whole.records.length / 3));
    const resumed = await run({ completed: cut });
    expect(resumed.records.length + cut.length).toBe(whole.records.length);
    expect(stable(resumed.summary)).toEqual(stable(whole.summary));
    const again = await run({ completed: whole.records });
    expect(again.records).toHaveLength(0);
    expect(stable(again.summary)).toEqual(stable(whole.summary));
  });

  it('asks everyone when the precision is never reached (exhausted)', async () => {
    const small = descriptor({
      personas: { spec: '300', space: 'default', condition: 'combined', count: 300 },
      stop: { ...rule, precision: 1e-9 },
    });
    const events = await lastValueFrom(
      runCrowd({
        descriptor: small,
        task,
        personas: resolvePersonas('300', { condition: 'combined', rng: createRng(7).fork('personas') }),
        agent: new PersonaAgent({ backend: new SyntheticModel() }),
        summary: { subsets: 0, bootstrap: 0 },
      }).pipe(toArray()),
    );
    const last = events[events.length - 1];
    if (last?.type !== 'runCompleted') throw new Error('no runCompleted');
    expect(last.summary.stopping).toMatchObject({
      reason: 'exhausted',
      crowd: 300,
      asked: 300,
      callsSaved: 0,
    });
    expect(last.summary.counts).toMatchObject({ skipped: 0, missing: 0 });
  });

  it('stops a battery when every item is precise enough, and refuses more than one round', async () => {
    const lorenz = getBattery('lorenz-2011');
    const items = lorenz.items.slice(0, 2);
    const small = { ...lorenz, items };
    const events = await lastValueFrom(
      runCrowd({
        descriptor: descriptor({
          task: taskDescriptor(small),
          stop: { ...rule, precision: 0.25 },
        }),
        task: small,
        personas,
        agent: new PersonaAgent({ backend: new SyntheticModel() }),
        summary: { subsets: 0, bootstrap: 0 },
      }).pipe(toArray()),
    );
    const last = events[events.length - 1];
    if (last?.type !== 'runCompleted') throw new Error('no runCompleted');
    const stopping = last.summary.stopping;
    expect(stopping?.reason).toBe('precision');
    expect(stopping?.intervals.map((i) => i.item)).toEqual(items.map((i) => i.id));
    for (const interval of stopping?.intervals ?? []) expect(interval.relativeWidth).toBeLessThan(0.25);
    await expect(
      lastValueFrom(
        runCrowd({
          descriptor: descriptor({ rounds: 2, influence: { kind: 'aggregate', aggregate: 'median' } }),
          task,
          personas,
          agent: new PersonaAgent({ backend: new SyntheticModel() }),
        }),
      ),
    ).rejects.toThrow(/one round/);
  });
});

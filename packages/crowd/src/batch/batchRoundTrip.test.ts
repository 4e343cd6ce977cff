import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getBattery, getTask, PersonaAgent, resolvePersonas, type Task } from '@emocrowd/agents';
import { createRng, decodeBatchOutputLine, OpenAICompatibleBackend, ResponseCache } from '@emocrowd/models';
import { type OllamaTestServer, runBatchFile, startOllamaTestServer } from '@emocrowd/models/testing';
import { lastValueFrom, toArray } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResponseRecord } from '../events/ResponseRecord.js';
import { recordKey } from '../events/ResponseRecord.js';
import type { RunDescriptor } from '../events/RunDescriptor.js';
import type { RunSummary } from '../events/RunSummary.js';
import { runCrowd } from '../run/runCrowd.js';
import { summarizeRecords } from '../run/summarizeRecords.js';
import { taskDescriptor } from '../run/taskDescriptor.js';
import type { BatchCrowd } from './BatchCrowd.js';
import { parseBatchCustomId } from './batchCustomId.js';
import { exportBatch } from './exportBatch.js';
import { BatchImportError, type BatchOutputLine, importBatch } from './importBatch.js';

const MODEL = 'llama3.2:1b';
const task = getTask('fargo-seattle');
let server: OllamaTestServer;
let dir = '';
beforeAll(async () => {
  server = await startOllamaTestServer({ models: [MODEL] });
  dir = mkdtempSync(join(tmpdir(), 'emocrowd-batch-round-trip-'));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

function descriptor(overrides: Partial<RunDescriptor> = {}): RunDescriptor {
  return {
    runId: 'batch-test',
    task: {
      id: task.id,
      question: task.question,
      unit: task.unit,
      truth: task.truth.value,
      truthSource: task.truth.source,
    },
    model: { id: `openai:${MODEL}`, backend: 'openai', model: MODEL, isLanguageModel: true },
    personas: { spec: '40', space: 'default', condition: 'combined', count: 40 },
    seed: 3,
    replicates: 1,
    rounds: 1,
    influence: { kind: 'none' },
    generation: { temperature: 0.8, maxTokens: 256 },
    strategies: [],
    ...overrides,
  };
}

function crowdOf(
  d: RunDescriptor,
  completed: readonly ResponseRecord[] = [],
  extra: Partial<BatchCrowd> = {},
): BatchCrowd {
  return {
    descriptor: d,
    task: taskOf(d),
    personas: resolvePersonas(d.personas.spec, {
      condition: 'combined',
      rng: createRng(d.seed).fork('personas'),
    }),
    condition: 'combined',
    completed,
    adapter: new OpenAICompatibleBackend({ model: MODEL, baseUrl: server.url }),
    ...extra,
  };
}

const battery = getBattery('lorenz-2011');
const taskOf = (d: RunDescriptor): Task => (d.task.id === battery.id ? battery : task);

/** The run done online against the test server. */
async function online(d: RunDescriptor): Promise<{ records: ResponseRecord[]; summary: RunSummary }> {
  const crowd = crowdOf(d);
  const events = await lastValueFrom(
    runCrowd({
      descriptor: d,
      task: crowd.task,
      personas: crowd.personas,
      agent: new PersonaAgent({ backend: crowd.adapter, condition: 'combined' }),
      summary: { subsets: 20 },
    }).pipe(toArray()),
  );
  const records = events.flatMap((e) =>
    e.type === 'estimateSubmitted' || e.type === 'estimateFailed' ? [e.record] : [],
  );
  const last = events[events.length - 1];
  if (last?.type !== 'runCompleted') throw new Error('no runCompleted');
  return { records, summary: last.summary };
}

/** Exports the next round to a file, answers it with the offline runner, and reads the output. */
async function exportAndAnswer(crowd: BatchCrowd, name: string, options: { includeFailed?: boolean } = {}) {
  const lines: string[] = [];
  const exported = await exportBatch(crowd, { write: (l) => lines.push(l), ...options });
  const input = join(dir, `${name}.requests.jsonl`);
  const output = join(dir, `${name}.results.jsonl`);
  writeFileSync(input, `${lines.join('\n')}\n`);
  if (lines.length > 0) await runBatchFile({ input, output, model: MODEL });
  else writeFileSync(output, '');
  return { exported, lines, outputs: readOutputs(output) };
}

function readOutputs(path: string): BatchOutputLine[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .flatMap((text, i) =>
      text.trim() ? [{ output: decodeBatchOutputLine(text), file: 'results.jsonl', line: i + 1 }] : [],
    );
}

const withoutTiming = ({ timing: _t, ...rest }: RunSummary) => rest;
const byKey = (records: ResponseRecord[]) =>
  new Map(records.map(({ latencyMs: _l, host: _h, ...r }) => [recordKey(r), r]));

describe('batch export, an external runner, and import', () => {
  it('gives the answers and the summary of the same run online', async () => {
    const d = descriptor();
    const live = await online(d);
    const { exported, lines, outputs } = await exportAndAnswer(crowdOf(d), 'one-round');
    expect(exported).toMatchObject({ round: 0, requests: 40, fromCache: [], retried: 0 });
    expect(lines).toHaveLength(40);
    const ids = lines.map((l) => (JSON.parse(l) as { custom_id: string }).custom_id);
    expect(new Set(ids).size).toBe(40);
    expect(parseBatchCustomId(ids[0] as string)?.identity).toMatchObject({ replicate: 0, round: 0 });
    const imported = await importBatch(crowdOf(d), outputs);
    expect(imported.records).toHaveLength(40);
    expect(imported).toMatchObject({ round: 0, missingCount: 0, failedCount: 0, alreadyStored: 0 });
    expect(byKey(imported.records)).toEqual(byKey(live.records));
    const summary = summarizeRecords({
      descriptor: d,
      personas: crowdOf(d).personas,
      records: imported.records,
      task: taskOf(d),
      options: { subsets: 20 },
    });
    expect(withoutTiming(summary)).toEqual(withoutTiming(live.summary));
    // A second import of the same file adds nothing.
    const again = await importBatch(crowdOf(d, imported.records), outputs);
    expect(again.records).toEqual([]);
    expect(again.alreadyStored).toBe(40);
    // ... and there is nothing left to export.
    const none = await exportBatch(crowdOf(d, imported.records), { write: () => expect.unreachable() });
    expect(none).toMatchObject({ round: undefined, requests: 0 });
  });

  it('exports round r + 1 only once round r is imported, and ends with the online summary', async () => {
    const d = descriptor({
      runId: 'rounds',
      rounds: 3,
      influence: { kind: 'aggregate', aggregate: 'median' },
      personas: { spec: '25', space: 'default', condition: 'combined', count: 25 },
    });
    const live = await online(d);
    let stored: ResponseRecord[] = [];
    for (const round of [0, 1, 2]) {
      const { exported, outputs } = await exportAndAnswer(crowdOf(d, stored), `round${round}`);
      expect(exported).toMatchObject({ round, requests: 25 });
      const imported = await importBatch(crowdOf(d, stored), outputs);
      expect(imported.round).toBe(round);
      stored = [...stored, ...imported.records];
    }
    expect(byKey(stored)).toEqual(byKey(live.records));
    expect(stored.filter((r) => r.round === 2).every((r) => r.shown !== undefined)).toBe(true);
    const summary = summarizeRecords({
      descriptor: d,
      personas: crowdOf(d).personas,
      records: stored,
      task: taskOf(d),
      options: { subsets: 20 },
    });
    expect(withoutTiming(summary)).toEqual(withoutTiming(live.summary));
  });

  it('names the item of a battery in the custom_id, and a battery imports as it runs online', async () => {
    const d = descriptor({
      runId: 'battery',
      task: taskDescriptor(battery),
      personas: { spec: '6', space: 'default', condition: 'combined', count: 6 },
    });
    const live = await online(d);
    const { lines, outputs } = await exportAndAnswer(crowdOf(d), 'battery');
    expect(lines).toHaveLength(6 * battery.items.length);
    const items = lines.map((l) => parseBatchCustomId(JSON.parse(l).custom_id)?.identity.item);
    expect(new Set(items)).toEqual(new Set(battery.items.map((i) => i.id)));
    const imported = await importBatch(crowdOf(d), outputs);
    expect(byKey(imported.records)).toEqual(byKey(live.records));
    const summary = summarizeRecords({
      descriptor: d,
      personas: crowdOf(d).personas,
      records: imported.records,
      task: taskOf(d),
      options: { subsets: 20 },
    });
    expect(withoutTiming(summary)).toEqual(withoutTiming(live.summary));
  });

  it('refuses lines of another run, altered lines, and lines of a round not asked yet, storing nothing', async () => {
    const d = descriptor({
      runId: 'refusals',
      rounds: 2,
      influence: { kind: 'aggregate', aggregate: 'mean' },
      personas: { spec: '10', space: 'default', condition: 'combined', count: 10 },
    });
    const { outputs } = await exportAndAnswer(crowdOf(d), 'refusals');
    const other = descriptor({
      runId: 'someone-else',
      rounds: 2,
      influence: { kind: 'aggregate', aggregate: 'mean' },
      personas: { spec: '10', space: 'default', condition: 'combined', count: 10 },
    });
    await expect(importBatch(crowdOf(other), outputs)).rejects.toThrow(
      /results\.jsonl:1: custom_id "ec-[0-9a-f]{8}_p\d+_r0_t0_[0-9a-f]{12}" belongs to another run/,
    );
    const foreign = [
      { ...outputs[0], output: { ...outputs[0]?.output, customId: 'request-1' } },
    ] as BatchOutputLine[];
    await expect(importBatch(crowdOf(d), foreign)).rejects.toThrow(/is not a request emocrowd exported/);
    // The same run with another temperature asks other requests: the lines mismatch.
    const reseeded = { ...d, generation: { temperature: 0.5, maxTokens: 256 } };
    const error = await importBatch(crowdOf(reseeded), outputs).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BatchImportError);
    expect((error as Error).message).toMatch(
      /answers a request this run no longer asks for persona \d+, replicate 0, round 0 \(its prompt, seed or options differ\)/,
    );
    // Round 1 lines before round 0 is answered.
    const round0 = await importBatch(crowdOf(d), outputs);
    const round1 = await exportAndAnswer(crowdOf(d, round0.records), 'refusals-1');
    const halfRound0 = round0.records.slice(0, 5);
    const early = await importBatch(crowdOf(d, halfRound0), round1.outputs).catch((e: unknown) => e);
    expect((early as Error).message).toMatch(/round 1 is asked once round 0 is answered/);
  });

  it('stores failed lines as failed answers, lists what is missing, and replaces failures re-exported on their own', async () => {
    const d = descriptor({
      runId: 'failures',
      personas: { spec: '12', space: 'default', condition: 'combined', count: 12 },
    });
    const { outputs } = await exportAndAnswer(crowdOf(d), 'failures');
    const failing = outputs.slice(0, 2).map((o) => ({
      ...o,
      output: {
        kind: 'failed' as const,
        customId: o.output.customId,
        statusCode: 503,
        message: 'server busy',
      },
    }));
    const expired = {
      ...outputs[2],
      output: {
        kind: 'not-run',
        customId: outputs[2]?.output.customId,
        code: 'batch_expired',
        message: 'expired',
      },
    } as BatchOutputLine;
    const first = await importBatch(crowdOf(d), [...failing, expired, ...outputs.slice(3, 10)]);
    expect(first.records).toHaveLength(9);
    expect(first.records.filter((r) => r.status === 'failed').map((r) => r.reason)).toEqual([
      'results.jsonl:1 is busy (503: server busy) — lower the concurrency or retry later',
      'results.jsonl:2 is busy (503: server busy) — lower the concurrency or retry later',
    ]);
    expect(first).toMatchObject({ notRun: 1, missingCount: 3, failedCount: 2 });
    const stored = first.records;
    // The same failures again add nothing.
    const again = await importBatch(crowdOf(d, stored), failing);
    expect(again.records).toEqual([]);
    // Export again: the 3 missing; with includeFailed, the 2 failed too.
    const missing = await exportBatch(crowdOf(d, stored), { write: () => {} });
    expect(missing).toMatchObject({ round: 0, requests: 3, retried: 0 });
    const retry = await exportAndAnswer(crowdOf(d, stored), 'failures-retry', { includeFailed: true });
    expect(retry.exported).toMatchObject({ round: 0, requests: 5, retried: 2 });
    const fixed = await importBatch(crowdOf(d, stored), retry.outputs);
    expect(fixed.records).toHaveLength(5);
    expect([...fixed.replaced].sort()).toEqual(
      stored
        .filter((r) => r.status === 'failed')
        .map(recordKey)
        .sort(),
    );
    expect(fixed).toMatchObject({ missingCount: 0, failedCount: 0 });
  });

  it('answers what the response cache holds at export, and caches what it imports', async () => {
    const d = descriptor({
      runId: 'cached',
      personas: { spec: '8', space: 'default', condition: 'combined', count: 8 },
    });
    const cache = new ResponseCache(join(dir, 'cache.sqlite'));
    try {
      const { outputs } = await exportAndAnswer(crowdOf(d, [], { cache }), 'cached');
      expect(outputs).toHaveLength(8);
      const imported = await importBatch(crowdOf(d, [], { cache }), outputs.slice(0, 5));
      expect(imported.records.every((r) => !r.cached)).toBe(true);
      // A new run directory of the same run: the 5 imported answers come from the cache.
      const lines: string[] = [];
      const second = await exportBatch(crowdOf(d, [], { cache }), { write: (l) => lines.push(l) });
      expect(second.fromCache).toHaveLength(5);
      expect(second.fromCache.every((r) => r.cached)).toBe(true);
      expect(lines).toHaveLength(3);
      expect(byKey(second.fromCache)).toEqual(byKey(imported.records.map((r) => ({ ...r, cached: true }))));
    } finally {
      cache.close();
    }
  });
});

import { DEFAULT_CODE_OF_CONDUCT, type Persona, resolvePersonas } from '@emocrowd/agents';
import { createRng } from '@emocrowd/models';
import { describe, expect, it } from 'vitest';
import type { ResponseRecord } from '../events/ResponseRecord.js';
import type { RunDescriptor } from '../events/RunDescriptor.js';
import { flattenRecords } from '../store/flattenRecords.js';
import { summarizeRecords } from './summarizeRecords.js';

const personas = resolvePersonas('30', { condition: 'combined', rng: createRng(3).fork('personas') });
const descriptor: RunDescriptor = {
  runId: 'r',
  task: { id: 't', question: 'q', unit: 'mi', truth: 1000, truthSource: 's' },
  model: { id: 'm', backend: 'synthetic', model: 'm', isLanguageModel: false },
  personas: { spec: '30', space: 'default', condition: 'combined', count: 30 },
  seed: 3,
  replicates: 1,
  rounds: 1,
  influence: { kind: 'none' },
  generation: {},
  strategies: [],
};
const recordOf = (persona: Persona, estimate: number): ResponseRecord => ({
  personaId: persona.id,
  personaIndex: persona.index,
  ...(persona.emotion ? { emotion: persona.emotion.label, emotionModel: persona.emotion.model } : {}),
  attributes: persona.attributes,
  replicate: 0,
  round: 0,
  status: 'ok',
  estimate,
  latencyMs: 1,
  tokens: { prompt: 1, completion: 1 },
  cached: false,
  model: 'm',
});
const records = Array.from({ length: 30 }, (_, p) => recordOf(personas.at(p), 800 + 17 * p));

describe('summarizeRecords', () => {
  it('gives the same summary whatever order the answers come in, and ignores duplicates', () => {
    const options = { subsets: 20, strategies: ['mean', 'median', 'trimmedMean'] };
    const inOrder = summarizeRecords({ descriptor, personas, records, options });
    const shuffled = createRng(9).shuffle([...records, records[4] as ResponseRecord]);
    const again = summarizeRecords({ descriptor, personas, records: shuffled, options });
    expect(again).toEqual(inOrder);
    expect(inOrder.counts).toMatchObject({ personas: 30, expected: 30, answered: 30, missing: 0 });
    expect(inOrder.aggregates.median?.estimate).toBe(800 + 17 * 14.5);
  });

  it('sums the tokens of every answer in usage, and of the calls that reached the model in counts', () => {
    // 30 answers: persona p has prompt 100 + p, completion 10 + p; every third came from the cache.
    const withTokens = records.map((r, p) => ({
      ...r,
      tokens: { prompt: 100 + p, completion: 10 + p },
      cached: p % 3 === 0,
    }));
    const duplicate = { ...(withTokens[1] as ResponseRecord), tokens: { prompt: 9999, completion: 9999 } };
    const summary = summarizeRecords({ descriptor, personas, records: [...withTokens, duplicate] });
    // sum over p = 0..29 of (100 + p) = 3000 + 435; of (10 + p) = 300 + 435
    expect(summary.usage).toEqual({ promptTokens: 3435, completionTokens: 735 });
    // not cached: p % 3 != 0, 20 personas; sum of p over them = 435 - (0 + 3 + ... + 27) = 435 - 135 = 300
    expect(summary.counts).toMatchObject({
      cached: 10,
      modelCalls: 20,
      modelPromptTokens: 2000 + 300,
      modelCompletionTokens: 200 + 300,
    });
  });

  it('counts both persona turns of a revised answer, and the judge calls apart, with the conduct check', () => {
    const judged: RunDescriptor = {
      ...descriptor,
      conduct: {
        code: DEFAULT_CODE_OF_CONDUCT,
        judge: { id: 'ollama:judge', backend: 'ollama', model: 'judge', isLanguageModel: true },
      },
    };
    const t = (prompt: number, completion: number) => ({ prompt, completion });
    const outcome = (p: number): ResponseRecord['conduct'] => {
      const judge = { judge: 'ollama:judge', judgeTokens: t(200, 20), judgeCached: p === 1 };
      if (p === 0)
        // revised: the record's tokens are the revision's, the first answer's are in original
        return {
          verdict: 'violation',
          vice: 'wrath',
          revised: true,
          ...judge,
          original: { status: 'ok', estimate: 700, tokens: t(50, 5), cached: false },
          revision: { status: 'ok', cached: false, tokens: t(100, 10) },
        };
      if (p === 1)
        // the revision gave no number: the record's tokens are the first answer's
        return {
          verdict: 'violation',
          vice: 'wrath',
          revised: false,
          ...judge,
          original: { status: 'ok', estimate: 817, tokens: t(101, 11), cached: true },
          revision: { status: 'unparsed', cached: true, tokens: t(70, 7) },
        };
      return { verdict: 'ok', revised: false, ...judge };
    };
    const withConduct = records.map((r, p) => ({
      ...r,
      tokens: t(100 + p, 10 + p),
      cached: p === 1,
      conduct: outcome(p),
    }));
    const summary = summarizeRecords({ descriptor: judged, personas, records: withConduct });
    // persona calls: the 30 answers' own (3435 + 735 as above) plus persona 0's first answer
    // (50 + 5) and persona 1's revision (70 + 7)
    expect(summary.usage).toEqual({ promptTokens: 3435 + 50 + 70, completionTokens: 735 + 5 + 7 });
    // persona 1's two calls came from the cache; persona 0 made two calls
    expect(summary.counts).toMatchObject({
      cached: 1,
      modelCalls: 29 + 1,
      modelPromptTokens: 3435 - 101 + 50,
      modelCompletionTokens: 735 - 11 + 5,
    });
    expect(summary.judgeUsage).toEqual({
      model: 'ollama:judge',
      calls: 30,
      modelCalls: 29,
      promptTokens: 6000,
      completionTokens: 600,
      modelPromptTokens: 5800,
      modelCompletionTokens: 580,
    });
    expect(summarizeRecords({ descriptor, personas, records }).judgeUsage).toBeUndefined();
  });

  it('counts missing answers and refuses answers of personas outside the crowd', () => {
    expect(summarizeRecords({ descriptor, personas, records: records.slice(0, 20) }).counts.missing).toBe(10);
    const stranger = { ...(records[0] as ResponseRecord), personaIndex: -5 };
    expect(() => summarizeRecords({ descriptor, personas, records: [stranger] })).toThrow(
      /persona -5 .* not part of run r/,
    );
  });
});

describe('flattenRecords', () => {
  it('has a stable column order with attributes between persona and answer, rows by persona index', () => {
    const table = flattenRecords(createRng(1).shuffle([...records]), 'r');
    const attributes = Object.keys(personas.at(0).attributes).sort();
    expect(table.columns).toEqual([
      'runId',
      'round',
      'replicate',
      'personaIndex',
      'personaId',
      'emotion',
      'emotionModel',
      'plutchik',
      'intensity',
      'spectrum',
      'signedIntensity',
      ...attributes,
      'status',
      'estimate',
      'confidence',
      'shown',
      'isRange',
      'reason',
      'latencyMs',
      'promptTokens',
      'completionTokens',
      'cached',
      'model',
      'host',
      'raw',
    ]);
    const at = table.columns.indexOf('personaIndex');
    const indices = table.rows.map((row) => row[at] as number);
    expect(indices).toEqual([...indices].sort((a, b) => a - b));
    expect(table.rows[0]?.[table.columns.indexOf('estimate')]).toBe(
      records.find((r) => r.personaIndex === indices[0])?.estimate,
    );
  });
});

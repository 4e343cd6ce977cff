import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crowdDataPath } from '@emocrowd/data';
import { startOllamaTestServer } from '@emocrowd/models/testing';
import { runCli } from '../../packages/cli/src/testing/runCli.js';
import { type DocumentedCheck, expectDocumentedIn } from './documentedKeys.js';

/**
 * docs/json-output.md cannot drift: every key its tables list appears in the real output of
 * `emocrowd run --json` (and the run directory), and the output has no key the tables omit.
 */

const DOC = readFileSync(fileURLToPath(new URL('../json-output.md', import.meta.url)), 'utf8');

/** Checks one object against the table under `heading` of docs/json-output.md, both ways. */
const expectDocumented = (...args: DocumentedCheck) => expectDocumentedIn(DOC, ...args);

/** Top-level keys only a battery's summary has, and those only a single question's has. */
const BATTERY_ONLY = ['items', 'crossItem', 'skill'];
/** Top-level keys only a run with --stop-at-precision has (checked on such a run below). */
const STOP_ONLY = ['stopping'];
/** Keys only a single question has; `fidelity` only with a human crowd (the default task has none). */
const SINGLE_ONLY = [
  'truth',
  'aggregates',
  'metrics',
  'subsets',
  'groups',
  'effectSizes',
  'effectModel',
  'intensityTrends',
  'fidelity',
  'conduct',
];
/** Top-level keys only a run whose conduct check has a language-model judge has (checked below on the test server). */
const LANGUAGE_MODEL_JUDGE_ONLY = ['judgeUsage'];
/** Keys of `task` only a battery's has, and those only a single question's has. */
const BATTERY_TASK = ['items'];
const SINGLE_TASK = ['unit', 'truth', 'truthSource'];

let dir: string;
let summary: Record<string, unknown>;
let runDir: string;
let battery: Record<string, unknown>;
let batteryDir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'emocrowd-json-doc-'));
  // Two rounds, groups, an intensity sweep and the conduct check so every optional part of the summary is present.
  const { code, stdout, stderr } = await runCli(
    ['run', '--personas', '120', '--intensities', '0.4,0.9', '--conduct', 'default', '--subsets', '10', '--rounds', '2', '--group-by', 'emotion,region', '--json', '--quiet', '--out', 'runs/doc'],
    { cwd: dir },
  );
  expect(code, stderr).toBe(0);
  summary = JSON.parse(stdout) as Record<string, unknown>;
  runDir = join(dir, 'runs', 'doc');
  const b = await runCli(
    ['run', '--task', 'lorenz-2011', '--personas', '30', '--subsets', '5', '--rounds', '2', '--json', '--quiet', '--out', 'runs/battery'],
    { cwd: dir },
  );
  expect(b.code, b.stderr).toBe(0);
  battery = JSON.parse(b.stdout) as Record<string, unknown>;
  batteryDir = join(dir, 'runs', 'battery');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('docs/json-output.md', () => {
  it('lists exactly the top-level keys of emocrowd run --json, for a question and for a battery', () => {
    expectDocumented('### Top-level keys', summary, 'all-optional-present', [
      ...BATTERY_ONLY,
      ...STOP_ONLY,
      'fidelity',
      ...LANGUAGE_MODEL_JUDGE_ONLY,
    ]);
    expectDocumented('### Top-level keys', battery, 'all-optional-present', [
      ...SINGLE_ONLY,
      ...STOP_ONLY,
      ...LANGUAGE_MODEL_JUDGE_ONLY,
    ]);
    for (const key of SINGLE_ONLY) expect(battery[key], key).toBeUndefined();
  });

  it("lists exactly the keys of a battery's task, items[] and each item's summary", () => {
    expectDocumented('### `task`', battery.task, 'all-optional-present', SINGLE_TASK);
    expectDocumented('### `task`', summary.task, 'all-optional-present', BATTERY_TASK);
    const items = battery.items as Record<string, unknown>[];
    expect(items).toHaveLength(6);
    for (const item of items) {
      // An item's intensityTrends needs a sweep (packages/cli/src/commands/run.test.ts runs one), its conduct --conduct.
      expectDocumented('### `items[]`', item, 'all-optional-present', ['intensityTrends', 'conduct']);
      expectDocumented('### `fidelity`', item.fidelity, 'all-optional-present');
      const itemSummary = item.summary as Record<string, unknown>;
      expect(Object.keys(itemSummary).sort()).toEqual(
        ['truth', 'aggregates', 'metrics', 'subsets', 'groups', 'effectSizes', 'effectModel'].sort(),
      );
      expectDocumented('### `metrics`', itemSummary.metrics, 'all-optional-present');
      for (const aggregate of Object.values(itemSummary.aggregates as Record<string, { estimate: unknown }>)) {
        if (aggregate.estimate === null)
          expectDocumented('### `aggregates.<strategy>` when not computed', aggregate, 'all-optional-present');
        else expectDocumented('### `aggregates.<strategy>`', aggregate, 'optional-may-miss');
      }
    }
    const cross = battery.crossItem as Record<string, unknown>;
    expectDocumented('### `crossItem`', cross, 'all-optional-present');
    const strategies = cross.strategies as Record<string, unknown>;
    expect(Object.keys(strategies)).toContain('selectCrowd');
    for (const entry of Object.values(strategies))
      expectDocumented('### `crossItem.strategies.<strategy>`', entry, 'all-optional-present');
    const differences = cross.differences as unknown[];
    expect(differences.length).toBeGreaterThan(0);
    for (const entry of differences) expectDocumented('### `crossItem.differences[]`', entry, 'all-optional-present');
    expectDocumented('### `skill`', battery.skill, 'all-optional-present');
    const rounds = battery.rounds as Record<string, unknown>[];
    expect(rounds).toHaveLength(12);
    for (const round of rounds) expectDocumented('### `rounds[]`', round, 'all-optional-present');
    const lines = readFileSync(join(batteryDir, 'responses.jsonl'), 'utf8').trim().split('\n');
    expect(lines.length).toBe(360);
    for (const line of lines) {
      const record = JSON.parse(line) as Record<string, unknown>;
      expectDocumented('## `responses.jsonl`', record, 'optional-may-miss');
      expect(record.item).toBeTypeOf('string');
    }
  });

  it('lists exactly the keys of subsets, its strategies and their points', () => {
    const subsets = summary.subsets as { strategies: { points: unknown[] }[] };
    expectDocumented('### `subsets`', subsets, 'all-optional-present');
    expect(subsets.strategies.length).toBeGreaterThan(3);
    for (const strategy of subsets.strategies) {
      expectDocumented('### `subsets.strategies[]`', strategy, 'all-optional-present');
      for (const point of strategy.points) expectDocumented('### `subsets.strategies[].points[]`', point, 'all-optional-present');
    }
  });

  it('lists exactly the keys of counts, usage and metrics', () => {
    expectDocumented('### `counts`', summary.counts, 'all-optional-present', ['skipped']);
    expectDocumented('### `usage`', summary.usage, 'all-optional-present');
    expectDocumented('### `metrics`', summary.metrics, 'all-optional-present');
  });

  it('lists exactly the keys of stopping, its intervals[] and the counts of a run with --stop-at-precision', async () => {
    const { code, stdout, stderr } = await runCli(
      ['run', '--personas', '600', '--stop-at-precision', '0.2', '--subsets', '0', '--json', '--quiet', '--out', 'runs/stop'],
      { cwd: dir },
    );
    expect(code, stderr).toBe(0);
    const stopped = JSON.parse(stdout) as { stopping: { intervals: unknown[]; reason: string }; counts: unknown };
    expect(stopped.stopping.reason).toBe('precision');
    expectDocumented('### `stopping`', stopped.stopping, 'all-optional-present');
    for (const interval of stopped.stopping.intervals)
      expectDocumented('### `stopping.intervals[]`', interval, 'all-optional-present', ['item']);
    expectDocumented('### `counts`', stopped.counts, 'all-optional-present');
  });

  it('lists exactly the keys of task, model, timing, rounds[] and each aggregate', () => {
    expectDocumented('### `model`', summary.model, 'all-optional-present');
    expectDocumented('### `timing`', summary.timing, 'all-optional-present');
    const rounds = summary.rounds as unknown[];
    expect(rounds).toHaveLength(2);
    for (const round of rounds) expectDocumented('### `rounds[]`', round, 'all-optional-present', ['item']);
    const aggregates = Object.values(summary.aggregates as Record<string, { estimate: unknown }>);
    for (const aggregate of aggregates) {
      if (aggregate.estimate === null)
        expectDocumented('### `aggregates.<strategy>` when not computed', aggregate, 'all-optional-present');
      else expectDocumented('### `aggregates.<strategy>`', aggregate, 'optional-may-miss');
    }
    // the synthetic run has no ability cue: both kinds occur, so both tables are checked
    expect(aggregates.some((a) => a.estimate === null)).toBe(true);
    expect(aggregates.some((a) => typeof a.estimate === 'number')).toBe(true);
  });

  it('lists exactly the keys of conduct, in the summary and in responses.jsonl', () => {
    expectDocumented('### `conduct`', summary.conduct, 'optional-may-miss');
    expect((summary.conduct as Record<string, unknown>).bySpectrumLevel).toBeUndefined();
    const lines = readFileSync(join(runDir, 'responses.jsonl'), 'utf8').trim().split('\n');
    const conducts = lines.map((l) => (JSON.parse(l) as { conduct?: Record<string, unknown> }).conduct).filter((c) => c !== undefined);
    expect(conducts.length).toBeGreaterThan(0);
    for (const c of conducts) expectDocumented('### `conduct` (responses.jsonl)', c, 'optional-may-miss');
    const revised = conducts.find((c) => c.revised === true) as Record<string, unknown>;
    expect(Object.keys(revised).sort()).toEqual(['judge', 'note', 'original', 'revised', 'revision', 'verdict', 'vice', 'virtue']);
  });

  it('lists exactly the keys of judgeUsage and of a language-model judge in responses.jsonl (test server)', async () => {
    const server = await startOllamaTestServer({ models: ['llama3.2:1b'] });
    try {
      const { code, stdout, stderr } = await runCli(
        ['run', '--model', 'ollama:llama3.2:1b', '--host', server.url, '--personas', '6', '--conduct', 'default', '--no-cache', '--subsets', '0', '--json', '--quiet', '--out', 'runs/judged'],
        { cwd: dir },
      );
      expect(code, stderr).toBe(0);
      const judged = JSON.parse(stdout) as Record<string, unknown>;
      expectDocumented('### Top-level keys', judged, 'optional-may-miss');
      expectDocumented('### `judgeUsage`', judged.judgeUsage, 'all-optional-present');
      expect(judged.judgeUsage).toMatchObject({ model: 'ollama:llama3.2:1b', calls: 6, modelCalls: 6 });
      const lines = readFileSync(join(dir, 'runs', 'judged', 'responses.jsonl'), 'utf8').trim().split('\n');
      const conducts = lines.map((l) => (JSON.parse(l) as { conduct?: Record<string, unknown> }).conduct);
      for (const c of conducts) {
        expectDocumented('### `conduct` (responses.jsonl)', c, 'optional-may-miss');
        expect(c).toHaveProperty('judgeTokens');
      }
    } finally {
      await server.close();
    }
  });

  it('lists exactly the keys of intensityTrends[]', () => {
    const trends = summary.intensityTrends as unknown[];
    expect(trends.length).toBeGreaterThan(0);
    for (const trend of trends) expectDocumented('### `intensityTrends[]`', trend, 'all-optional-present');
  });

  it('lists exactly the keys of emotions express --json and its levels', async () => {
    const { code, stdout } = await runCli(['emotions', 'express', '--text', 'The train was late.', '--json', '--quiet']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { levels: unknown[] };
    expectDocumented('## `emocrowd emotions express --json`', report, 'all-optional-present');
    for (const level of report.levels) expectDocumented('### `levels[]` (express)', level, 'optional-may-miss');
  });

  it('describes summary.json as the same object --json prints', () => {
    const stored = JSON.parse(readFileSync(join(runDir, 'summary.json'), 'utf8')) as Record<string, unknown>;
    const { timing: _a, ...storedRest } = stored;
    const { timing: _b, ...printedRest } = summary;
    expect(storedRest).toEqual(printedRest);
    expect(readdirSync(runDir).sort()).toEqual(['responses.jsonl', 'run.json', 'summary.json']);
  });

  it('lists every key of responses.jsonl lines, and the keys every line has', () => {
    const lines = readFileSync(join(runDir, 'responses.jsonl'), 'utf8').trim().split('\n');
    expect(lines.length).toBe(240);
    for (const line of lines) expectDocumented('## `responses.jsonl`', JSON.parse(line), 'optional-may-miss');
  });

  it('lists exactly the top-level keys of analyze --json on a battery', async () => {
    const { code, stdout, stderr } = await runCli(
      ['analyze', '--input', 'runs/battery', '--subsets', '0', '--json'],
      { cwd: dir },
    );
    expect(code, stderr).toBe(0);
    const report = JSON.parse(stdout) as Record<string, unknown>;
    expectDocumented('## `analyze --json` on a battery', report, 'all-optional-present', ['itemColumns']);
    expect(report.format).toBe('run');
  });

  it('lists exactly the keys of run.json and its descriptor', () => {
    const manifest = JSON.parse(readFileSync(join(runDir, 'run.json'), 'utf8')) as Record<string, unknown>;
    expectDocumented('## `run.json`', manifest, 'all-optional-present');
    expectDocumented('### `descriptor`', manifest.descriptor, 'all-optional-present');
  });
});

describe('docs/json-output.md, analyze --rounds --json', () => {
  it('lists exactly the keys of the round report on Becker et al. 2017', async () => {
    const { code, stdout, stderr } = await runCli(
      [
        'analyze',
        '--input',
        crowdDataPath('becker_2017.csv'),
        '--rounds',
        'response_1,response_2,response_3',
        '--shown-columns',
        'mean.neighbor.time1,mean.neighbor.time2',
        '--truth-column',
        'truth',
        '--split-by',
        'task,group_number',
        '--group-by',
        'network',
        '--json',
      ],
      { cwd: dir },
    );
    expect(code, stderr).toBe(0);
    const report = JSON.parse(stdout) as Record<string, unknown> & {
      crowds: Record<string, unknown>[];
      roundEffects: Record<string, unknown>[];
      roundEffectTests: Record<string, unknown>[];
    };
    expectDocumented('### Round report: top-level keys', report, 'optional-may-miss');
    for (const crowd of report.crowds) {
      expectDocumented('### Round report: `crowds[]`', crowd, 'all-optional-present');
      for (const t of crowd.transitions as Record<string, unknown>[])
        expectDocumented('### Round report: `transitions[]`', t, 'all-optional-present');
      expectDocumented('### Round report: `transitions[]`', crowd.overall, 'all-optional-present');
    }
    for (const effect of report.roundEffects) expectDocumented('### Round report: `roundEffects[]`', effect, 'all-optional-present');
    expect(report.roundEffectTests).toHaveLength(2);
    for (const test of report.roundEffectTests)
      expectDocumented('### Round report: `roundEffectTests[]`', test, 'all-optional-present');
  });
});

describe('docs/json-output.md, emocrowd study report --json and study.json', () => {
  const STUDY = `name: doc-study
description: Two conditions, paired, and a cell of another seed, unpaired.
task: fargo-seattle
personas: 80
subsets: 5
strategies: [mean, median]
cells:
  - { name: emotion, condition: emotion, seed: 42 }
  - { name: social, condition: social, seed: 42 }
  - { name: other-seed, condition: social, seed: 7 }
contrasts:
  - { name: paired, a: emotion, b: social }
  - { name: unpaired, of: seed, a: 7, b: 42, at: { condition: social } }
report: { bootstrap: 200, permutations: 200 }
`;

  it('lists exactly the keys of the report, its study, settings, cells, contrasts and metrics', async () => {
    writeFileSync(join(dir, 'doc-study.yaml'), STUDY);
    const ran = await runCli(['study', 'run', 'doc-study.yaml', '--scale', '1/2', '--out', 'runs/study', '--quiet'], { cwd: dir });
    expect(ran.code, ran.stderr).toBe(0);
    const { code, stdout, stderr } = await runCli(['study', 'report', 'runs/study', '--json'], { cwd: dir });
    expect(code, stderr).toBe(0);
    const report = JSON.parse(stdout) as Record<string, unknown> & {
      study: unknown;
      settings: unknown;
      cells: Record<string, unknown>[];
      contrasts: (Record<string, unknown> & { metrics: Record<string, unknown>; pairing: unknown; histogram: unknown })[];
    };
    expectDocumented('### Study report: top-level keys', report, 'all-optional-present');
    expectDocumented('### Study report: `study`', report.study, 'all-optional-present', ['shard']);
    expectDocumented('### Study report: `settings`', report.settings, 'all-optional-present');
    for (const cell of report.cells) expectDocumented('### Study report: `cells[]`', cell, 'all-optional-present');
    expect(report.contrasts.map((c) => c.name)).toEqual(['paired', 'unpaired']);
    for (const contrast of report.contrasts) {
      expectDocumented('### Study report: `contrasts[]`', contrast, 'optional-may-miss');
      expectDocumented('### Study report: `contrasts[].pairing`', contrast.pairing, 'optional-may-miss');
      expectDocumented('### Study report: `contrasts[].histogram`', contrast.histogram, 'all-optional-present');
      expect(Object.keys(contrast.metrics)).toEqual(['absError.mean', 'absError.median', 'meanAbsLogRatio', 'dispersion']);
      for (const metric of Object.values(contrast.metrics))
        expectDocumented('### Study report: `contrasts[].metrics.<metric>`', metric, 'all-optional-present');
    }
    expectDocumented('### Study report: `contrasts[]`', report.contrasts[1], 'all-optional-present', ['item']);

    const manifest = JSON.parse(readFileSync(join(dir, 'runs', 'study', 'study.json'), 'utf8')) as Record<string, unknown>;
    expectDocumented('## `study.json`', manifest, 'all-optional-present', ['shard']);
    expectDocumented('### `study.json`: `design`', manifest.design, 'all-optional-present');
  });
});

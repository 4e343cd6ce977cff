import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../testing/runCli.js';

const STUDY = `name: emotion-vs-social
seed: 42
task: fargo-seattle
personas: 60
subsets: 10
factors:
  condition: [emotion, social]
  model: [synthetic]
contrasts:
  - { name: emotion-minus-social, of: condition, a: emotion, b: social }
report: { bootstrap: 200, permutations: 200 }
`;

let cwd = '';
const cli = (args: string[]) => runCli(args, { cwd });
const indices = (dir: string) =>
  readFileSync(join(dir, 'responses.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => (JSON.parse(line) as { personaIndex: number }).personaIndex)
    .sort((a, b) => a - b);

beforeAll(() => {
  cwd = mkdtempSync(join(tmpdir(), 'emocrowd-study-cli-'));
  writeFileSync(join(cwd, 'study.yaml'), STUDY);
});
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

describe('emocrowd study run', () => {
  it('runs every cell into runs/<name> and prints one row per cell', async () => {
    const { code, stdout, stderr } = await cli(['study', 'run', 'study.yaml']);
    expect(code, stderr).toBe(0);
    const dir = join(cwd, 'runs', 'emotion-vs-social');
    expect(readdirSync(dir).sort()).toEqual(['emotion', 'social', 'study.json']);
    expect(stdout).toMatch(/emotion\s+emotion\s+complete\s+\d+/);
    expect(stdout).toContain('emotion-minus-social: emotion - social, paired by persona');
    expect(stderr).toContain('cell emotion (1/2): ');
    const study = JSON.parse(readFileSync(join(dir, 'study.json'), 'utf8'));
    expect(study.design.cells.map((c: { name: string }) => c.name)).toEqual(['emotion', 'social']);
    expect(study.source.file).toBe('study.yaml');
  });

  it('makes each cell an ordinary run: analyze, compare and export work on it', async () => {
    const cell = 'runs/emotion-vs-social/social';
    for (const args of [
      ['analyze', '--input', cell, '--subsets', '5', '--json'],
      ['compare', '--input', cell, '--strategies', 'mean,median', '--subsets', '5', '--json'],
      ['export', cell, '--out', 'social.csv'],
    ]) {
      const { code, stderr } = await cli(args);
      expect(code, `${args.join(' ')}: ${stderr}`).toBe(0);
    }
    const run = JSON.parse(readFileSync(join(cwd, cell, 'run.json'), 'utf8'));
    expect(run.descriptor.personas).toMatchObject({ spec: '60', condition: 'social', count: 60 });
  });

  it('asks nothing again when the study is complete', async () => {
    const file = join(cwd, 'runs', 'emotion-vs-social', 'emotion', 'responses.jsonl');
    const before = statSync(file).mtimeMs;
    const { code, stderr } = await cli(['study', 'run', 'study.yaml']);
    expect(code, stderr).toBe(0);
    expect(stderr).toContain('(2 complete already)');
    expect(statSync(file).mtimeMs).toBe(before);
  });

  it('refuses to continue a directory with a study made differently (exit 2, one line, nothing touched)', async () => {
    const { code, stderr } = await cli([
      'study',
      'run',
      'study.yaml',
      '--out',
      'runs/emotion-vs-social',
      '--set',
      'model.synthetic=synthetic:emotional',
    ]);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(
      'cell emotion: model is "synthetic:emotional" now, "synthetic" in the directory',
    );
  });

  it('--set keeps cell names and goes to its own directory; --scale asks the same fraction in every cell', async () => {
    const { code, stderr } = await cli([
      'study',
      'run',
      'study.yaml',
      '--set',
      'model.synthetic=synthetic:emotional',
      '--scale',
      '1/10',
      '--quiet',
    ]);
    expect(code, stderr).toBe(0);
    const dirs = readdirSync(join(cwd, 'runs')).filter((d) =>
      d.startsWith('emotion-vs-social-scale1of10-set-'),
    );
    expect(dirs).toHaveLength(1);
    const dir = join(cwd, 'runs', dirs[0] as string);
    const emotion = indices(join(dir, 'emotion'));
    expect(emotion).toHaveLength(6);
    expect(indices(join(dir, 'social'))).toEqual(emotion);
    const run = JSON.parse(readFileSync(join(dir, 'emotion', 'run.json'), 'utf8'));
    expect(run.descriptor.model.id).toBe('synthetic:emotional');
    expect(run.descriptor.personas.scale).toEqual({ numerator: 1, denominator: 10 });
  });

  it('--cells runs some cells now and the rest later', async () => {
    const out = 'runs/partial';
    const first = await cli(['study', 'run', 'study.yaml', '--out', out, '--cells', 'social', '--quiet']);
    expect(first.code, first.stderr).toBe(0);
    expect(readdirSync(join(cwd, out)).sort()).toEqual(['social', 'study.json']);
    const plan = await cli(['study', 'plan', 'study.yaml', '--out', out, '--probe', '0', '--json']);
    expect(plan.code, plan.stderr).toBe(0);
    const rows = (
      JSON.parse(plan.stdout) as { cells: { name: string; stored: number; modelCalls: number }[] }
    ).cells;
    expect(rows.map((r) => [r.name, r.stored, r.modelCalls])).toEqual([
      ['emotion', 0, 60],
      ['social', 60, 0],
    ]);
    const rest = await cli(['study', 'run', 'study.yaml', '--out', out, '--quiet']);
    expect(rest.code, rest.stderr).toBe(0);
    expect(readdirSync(join(cwd, out)).sort()).toEqual(['emotion', 'social', 'study.json']);
  });

  it('refuses a non-empty directory that holds no study', async () => {
    mkdirSync(join(cwd, 'other'));
    writeFileSync(join(cwd, 'other', 'notes.txt'), 'mine\n');
    const { code, stderr } = await cli(['study', 'run', 'study.yaml', '--out', 'other']);
    expect(code).toBe(2);
    expect(stderr).toContain('is not empty and holds no study');
  });

  const bad: [string[], RegExp][] = [
    [['study', 'run', 'missing.yaml'], /^emocrowd: study: no such file missing.yaml; give a study file/],
    [['study', 'run', 'study.yaml', '--scale', '2/1'], /^emocrowd: --scale 2\/1: expected a fraction A\/B/],
    [
      ['study', 'run', 'study.yaml', '--cells', 'joy'],
      /^emocrowd: --cells: no cell joy; cells of emotion-vs-social: emotion, social/,
    ],
    [
      ['study', 'run', 'study.yaml', '--set', 'seed=-1'],
      /^emocrowd: --set seed=-1: expected a whole number >= 0/,
    ],
    [['study', 'run', 'study.yaml', '--shard', '3/2'], /^emocrowd: --shard takes I\/N/],
    [['study', 'run'], /^emocrowd: study run needs a study file/],
    [['study', 'frobnicate'], /^emocrowd: study: unknown command "frobnicate"; one of: plan, run/],
  ];
  for (const [args, message] of bad) {
    it(`refuses ${args.slice(1).join(' ')} with one line and exit 2`, async () => {
      const { code, stderr } = await cli(args);
      expect(code).toBe(2);
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(message);
    });
  }
});

describe('emocrowd study run --shard and study merge', () => {
  it('runs each shard of every cell apart, and the merged study reports what the whole study does', async () => {
    const whole = await cli(['study', 'run', 'study.yaml', '--out', 'runs/whole', '--quiet', '--json']);
    expect(whole.code, whole.stderr).toBe(0);
    for (const shard of ['1/2', '2/2']) {
      const part = await cli(['study', 'run', 'study.yaml', '--shard', shard, '--quiet']);
      expect(part.code, part.stderr).toBe(0);
    }
    expect(readdirSync(join(cwd, 'runs')).filter((d) => d.includes('-shard'))).toEqual([
      'emotion-vs-social-shard1of2',
      'emotion-vs-social-shard2of2',
    ]);
    expect(indices(join(cwd, 'runs', 'emotion-vs-social-shard1of2', 'emotion'))).toHaveLength(30);
    const merged = await cli([
      'study',
      'merge',
      'runs/emotion-vs-social-shard1of2',
      'runs/emotion-vs-social-shard2of2',
      '--out',
      'runs/merged',
      '--json',
      '--quiet',
    ]);
    expect(merged.code, merged.stderr).toBe(0);
    expect(JSON.parse(merged.stdout)).toEqual(JSON.parse(whole.stdout));
  });

  it('refuses to merge different studies or one shard with itself as the output', async () => {
    const unsharded = await cli([
      'study',
      'merge',
      'runs/emotion-vs-social-shard1of2',
      'runs/partial',
      '--out',
      'runs/bad',
    ]);
    expect(unsharded.code).toBe(2);
    expect(unsharded.stderr.trim()).toBe(
      'emocrowd: study merge: runs/partial is a shard of 1 where runs/emotion-vs-social-shard1of2 is one of 2; merge shards of one split',
    );
    const emotional = await cli([
      'study',
      'run',
      'study.yaml',
      '--shard',
      '2/2',
      '--set',
      'model.synthetic=synthetic:emotional',
      '--out',
      'runs/emotional-2',
      '--quiet',
    ]);
    expect(emotional.code, emotional.stderr).toBe(0);
    const other = await cli([
      'study',
      'merge',
      'runs/emotion-vs-social-shard1of2',
      'runs/emotional-2',
      '--out',
      'runs/bad',
    ]);
    expect(other.code).toBe(2);
    expect(other.stderr.trim()).toBe(
      'emocrowd: study merge: runs/emotional-2 is not a shard of the study in runs/emotion-vs-social-shard1of2 (cell emotion: model is "synthetic:emotional" in runs/emotional-2, "synthetic" in runs/emotion-vs-social-shard1of2)',
    );
    const self = await cli(['study', 'merge', 'runs/merged', 'runs/whole', '--out', 'runs/merged']);
    expect(self.code).toBe(2);
    expect(self.stderr).toContain('is one of the studies to merge');
  });
});

describe('emocrowd study report', () => {
  it('refuses what is not a study directory, and unknown strategies', async () => {
    const notStudy = await cli(['study', 'report', 'runs/whole/emotion']);
    expect(notStudy.code).toBe(2);
    expect(notStudy.stderr).toMatch(
      /is not a study directory \(no study.json\); run emocrowd study run FILE --out/,
    );
    const strategy = await cli(['study', 'report', 'runs/whole', '--strategies', 'mean,magic']);
    expect(strategy.code).toBe(2);
    expect(strategy.stderr).toMatch(/^emocrowd: --strategies: unknown strategy magic; known: mean, median/);
  });

  it('reports a study whose cells are not all run: what is there, and which contrasts wait', async () => {
    const out = 'runs/half';
    const ran = await cli([
      'study',
      'run',
      'study.yaml',
      '--out',
      out,
      '--cells',
      'emotion',
      '--quiet',
      '--json',
    ]);
    expect(ran.code, ran.stderr).toBe(0);
    const report = JSON.parse(ran.stdout);
    expect(report.cells.map((c: { state: string }) => c.state)).toEqual(['complete', 'missing']);
    expect(report.contrasts[0]).toMatchObject({
      pairing: null,
      metrics: {},
      notes: ['not computed: cell social is not complete'],
    });
    expect(report.notes).toEqual([
      'cells not complete: social (missing); run emocrowd study run again to finish them',
    ]);
  });
});

describe('emocrowd study plan', () => {
  it('counts answers, model calls and prompt tokens per cell; a probe times the model', async () => {
    const { code, stdout, stderr } = await cli([
      'study',
      'plan',
      'study.yaml',
      '--out',
      'runs/planned',
      '--json',
    ]);
    expect(code, stderr).toBe(0);
    const plan = JSON.parse(stdout);
    expect(plan.cells).toHaveLength(2);
    for (const cell of plan.cells) {
      expect(cell).toMatchObject({ personas: 60, answers: 60, stored: 0, cached: null, modelCalls: 60 });
      expect(cell.promptTokens).toBeGreaterThan(60 * 20);
      expect(cell.seconds).toBeGreaterThanOrEqual(0);
    }
    expect(plan.probes).toEqual([expect.objectContaining({ model: 'synthetic', calls: 3 })]);
    // The emotion-only prompt tells less than the social one: fewer tokens.
    expect(plan.cells[0].promptTokens).not.toBe(plan.cells[1].promptTokens);
  });

  it('counts the answers a shared response cache holds, without asking the model', async () => {
    const cache = join(cwd, 'responses.sqlite');
    const ran = await cli([
      'study',
      'run',
      'study.yaml',
      '--out',
      'runs/cached-a',
      '--cache',
      cache,
      '--quiet',
    ]);
    expect(ran.code, ran.stderr).toBe(0);
    const { code, stdout, stderr } = await cli([
      'study',
      'plan',
      'study.yaml',
      '--out',
      'runs/cached-b',
      '--cache',
      cache,
      '--probe',
      '0',
      '--json',
    ]);
    expect(code, stderr).toBe(0);
    const plan = JSON.parse(stdout);
    expect(plan.cells.map((c: { cached: number; modelCalls: number }) => [c.cached, c.modelCalls])).toEqual([
      [60, 0],
      [60, 0],
    ]);
    expect(plan.totals).toMatchObject({ answers: 120, cached: 120, modelCalls: 0, seconds: null });
    const again = await cli([
      'study',
      'run',
      'study.yaml',
      '--out',
      'runs/cached-b',
      '--cache',
      cache,
      '--json',
      '--quiet',
    ]);
    const cells = (
      JSON.parse(again.stdout) as { cells: { summary: { counts: { cached: number; modelCalls: number } } }[] }
    ).cells;
    expect(cells.map((c) => [c.summary.counts.cached, c.summary.counts.modelCalls])).toEqual([
      [60, 0],
      [60, 0],
    ]);
  });
});

describe('emocrowd study report on a task with a human crowd', () => {
  it("shows each cell's fidelity to the human answers, the KS distance and dispersion ratio of its summary", async () => {
    writeFileSync(
      join(cwd, 'jar.yaml'),
      `name: jar
seed: 3
task: jelly-beans-jb1
personas: 40
subsets: 5
strategies: [median]
factors:
  condition: [emotion, social]
report: { bootstrap: 100, permutations: 100 }
`,
    );
    const ran = await cli(['study', 'run', 'jar.yaml', '--quiet', '--json']);
    expect(ran.code, ran.stderr).toBe(0);
    const report = JSON.parse(ran.stdout) as {
      cells: {
        name: string;
        summary: { fidelity?: { ks: { estimate: number }; dispersionRatio: { estimate: number } } };
      }[];
    };
    const text = await cli(['study', 'report', 'runs/jar', '--html', 'jar.html', '--quiet']);
    expect(text.code, text.stderr).toBe(0);
    const html = readFileSync(join(cwd, 'jar.html'), 'utf8');
    expect(text.stdout).toContain('fidelity to humans');
    expect(html).toContain('<th>fidelity to humans</th>');
    for (const cell of report.cells) {
      const f = cell.summary.fidelity;
      expect(f, cell.name).toBeDefined();
      const shown = `KS ${f?.ks.estimate.toFixed(2)}, sd ratio ${f?.dispersionRatio.estimate.toFixed(2)}`;
      expect(text.stdout.split('\n').find((l) => l.startsWith(cell.name))).toContain(shown);
      expect(html).toContain(`<td>${shown}</td>`);
    }
  });
});

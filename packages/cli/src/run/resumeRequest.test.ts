import { mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../commands/run.js';
import { backendFlags } from '../flags.js';
import { runCli } from '../testing/runCli.js';
import { RESUME_FIXED, RESUME_MAY_CHANGE, RESUME_REFUSED } from './resumeRequest.js';

const TASK = `tasks:
  - id: marbles
    question: How many marbles are in the jar?
    unit: marbles
    truth: { value: 412, source: counted by hand, kind: count }
    plausibleRange: [10, 5000]
`;

/** A run with nothing at its defaults: a task file, 40 personas, seed 5, two rounds, two strategies. */
const SETTINGS = [
  '--task',
  'tasks/marbles.yaml',
  '--personas',
  '40',
  '--seed',
  '5',
  '--rounds',
  '2',
  '--influence',
  'aggregate',
  '--show-aggregate',
  'mean',
  '--strategies',
  'mean,median',
  '--subsets',
  '0',
  '--temperature',
  '0.5',
];

const withoutTiming = (path: string): Record<string, unknown> => {
  const { timing: _timing, ...rest } = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  return rest;
};

describe('emocrowd run --resume DIR', () => {
  let root: string;
  let project: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'emocrowd-resume-rules-'));
    project = join(root, 'project');
    mkdirSync(join(project, 'tasks'), { recursive: true });
    writeFileSync(join(project, 'tasks', 'marbles.yaml'), TASK);
    const reference = await runCli(['run', ...SETTINGS, '--quiet', '--out', 'runs/reference'], {
      cwd: project,
    });
    expect(reference.code, reference.stderr).toBe(0);
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  /** A copy of the reference run cut after `keep` answers, as a crash would leave it. */
  function crashedCopy(name: string, keep: number): string {
    const dir = join(project, 'runs', name);
    mkdirSync(dir);
    const reference = join(project, 'runs', 'reference');
    const manifest = JSON.parse(readFileSync(join(reference, 'run.json'), 'utf8')) as {
      descriptor: { runId: string };
    };
    manifest.descriptor.runId = name;
    writeFileSync(join(dir, 'run.json'), JSON.stringify(manifest));
    const lines = readFileSync(join(reference, 'responses.jsonl'), 'utf8').split('\n').slice(0, keep);
    writeFileSync(join(dir, 'responses.jsonl'), `${lines.join('\n')}\n{"personaIndex": 7, "sta`);
    return dir;
  }

  it('alone takes every setting from run.json, from any directory, and ends as the uninterrupted run', async () => {
    const dir = crashedCopy('alone', 25);
    const elsewhere = join(root, 'elsewhere');
    mkdirSync(elsewhere);
    const resumed = await runCli(['run', '--resume', dir, '--quiet'], { cwd: elsewhere });
    expect(resumed.code, resumed.stderr).toBe(0);
    const expected = withoutTiming(join(project, 'runs', 'reference', 'summary.json'));
    expect(withoutTiming(join(dir, 'summary.json'))).toEqual({ ...expected, runId: 'alone' });
    expect(readFileSync(join(dir, 'responses.jsonl'), 'utf8').trim().split('\n')).toHaveLength(80);
  });

  it('accepts the run own settings repeated, and flags that do not change the answers', async () => {
    const dir = crashedCopy('repeated', 30);
    const resumed = await runCli(
      [
        'run',
        ...SETTINGS,
        '--resume',
        'runs/repeated',
        '--concurrency',
        '3',
        '--timeout',
        '5000',
        '--json',
        '--quiet',
      ],
      { cwd: project },
    );
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(JSON.parse(resumed.stdout).counts.answered).toBeGreaterThan(70);
    expect(JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')).request.concurrency).toBe(16);
  });

  it('refuses a flag that would change the answers, naming it and the run value, before writing anything', async () => {
    const dir = crashedCopy('changed', 20);
    const before = readFileSync(join(dir, 'responses.jsonl'), 'utf8');
    const cases: [string[], RegExp][] = [
      [
        ['--personas', '41'],
        /--resume runs\/changed: the run was made with --personas 40; .*drop --personas/,
      ],
      [['--seed', '6'], /--seed 5/],
      [['--model', 'ollama:llama3'], /--model synthetic/],
      [['--show-aggregate', 'median'], /--show-aggregate mean/],
      [['--strategies', 'mean'], /--strategies mean,median/],
      [['--task', 'fargo-seattle'], /--task tasks\/marbles.yaml/],
      [['--emotions', 'joy'], /--emotions \(not set\)/],
      [['--out', 'runs/other'], /--out cannot be used with --resume/],
    ];
    for (const [flags, message] of cases) {
      const r = await runCli(['run', '--resume', 'runs/changed', ...flags, '--quiet'], { cwd: project });
      expect(r.code, flags.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n'), flags.join(' ')).toHaveLength(1);
      expect(r.stderr, flags.join(' ')).toMatch(message);
    }
    expect(readFileSync(join(dir, 'responses.jsonl'), 'utf8')).toBe(before);
  });

  it('names a directory without a run, and one whose run.json is damaged', async () => {
    const empty = await runCli(['run', '--resume', 'runs/nothing'], { cwd: project });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/--resume runs\/nothing: no run there \(no run.json\)/);
    const dir = crashedCopy('damaged', 5);
    writeFileSync(join(dir, 'run.json'), '{"schemaVersion": 1, "descriptor": {}, "request": {"task": 3}}');
    const damaged = await runCli(['run', '--resume', 'runs/damaged'], { cwd: project });
    expect(damaged.code).toBe(2);
    expect(damaged.stderr).toMatch(/run.json has no usable "request.task"/);
    unlinkSync(join(dir, 'run.json'));
  });

  it('classifies every flag of emocrowd run: may change, fixed, or refused', () => {
    const classified = new Set([
      ...Object.keys(backendFlags),
      ...Object.keys(RESUME_MAY_CHANGE),
      ...Object.keys(RESUME_FIXED),
      ...Object.keys(RESUME_REFUSED),
    ]);
    expect(Object.keys(runCommand.flags).filter((flag) => !classified.has(flag))).toEqual([]);
  });
});

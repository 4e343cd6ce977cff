import { createHash } from 'node:crypto';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { runCli } from './testing/runCli.js';

/**
 * The bad-input suite: generated malformed inputs (persona files, task files, CSVs, flags, config
 * files), each of which must fail as a user error should: exactly one line on stderr starting with
 * "emocrowd: ", exit code 2, no stack trace, nothing on stdout, and not one byte changed in the
 * working directory (a pre-existing run and pre-existing output files stay byte-identical, and no
 * new file appears).
 */

/** One malformed invocation. `files` are written into the case's working directory first. */
interface BadCase {
  name: string;
  args: string[];
  files?: Record<string, string | Buffer>;
}

// ---------------------------------------------------------------- base documents

const PERSONA_SPACE = {
  name: 'locals',
  emotions: { model: 'goemotions', labels: ['joy', 'anger'], intensity: 0.8 },
  dimensions: [
    { id: 'region', values: ['pacific-northwest', 'upper-midwest'] },
    { id: 'age', values: 'all' },
  ],
};

const TASK = {
  id: 'marbles',
  question: 'How many marbles are in the jar?',
  unit: 'marbles',
  truth: { value: 412, source: 'counted by hand', kind: 'count' },
  plausibleRange: [10, 5000],
};

const CSV = 'id,E1,group\n1,120,a\n2,250,b\n3,300,a\n4,180,b\n';

type Doc = Record<string, unknown>;
const clone = <T>(value: T): T => structuredClone(value);
/** A copy of `doc` with `path` (dot-separated, numeric parts index arrays) set to `value`, or removed when `value` is DELETE. */
const DELETE = Symbol('delete');
function mutate(doc: Doc, path: string, value: unknown): Doc {
  const out = clone(doc);
  const parts = path.split('.');
  let at: Record<string, unknown> = out;
  for (const part of parts.slice(0, -1)) at = at[part] as Record<string, unknown>;
  const last = parts[parts.length - 1] as string;
  if (value === DELETE) delete at[last];
  else at[last] = value;
  return out;
}

const BINARY = Buffer.from([
  0x00, 0xff, 0xfe, 0x13, 0x37, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x00, 0x00, 0x9c,
]);

// ---------------------------------------------------------------- persona files

/** Structurally wrong persona documents (each written as JSON and as YAML). */
const personaDocs: Array<[string, unknown]> = [
  ['unknown emotion label', mutate(PERSONA_SPACE, 'emotions.labels', ['joy', 'nostalgia'])],
  ['empty emotion labels', mutate(PERSONA_SPACE, 'emotions.labels', [])],
  ['emotion labels a number', mutate(PERSONA_SPACE, 'emotions.labels', 5)],
  ['intensity above 1', mutate(PERSONA_SPACE, 'emotions.intensity', 1.5)],
  ['intensity a word', mutate(PERSONA_SPACE, 'emotions.intensity', 'high')],
  ['unknown emotion model', mutate(PERSONA_SPACE, 'emotions.model', 'ekman')],
  ['empty dimension values', mutate(PERSONA_SPACE, 'dimensions.0.values', [])],
  ['dimension without id', mutate(PERSONA_SPACE, 'dimensions.0.id', DELETE)],
  ['dimensions a string', mutate(PERSONA_SPACE, 'dimensions', 'region')],
  ['unknown top-level key', mutate(PERSONA_SPACE, 'colour', 'red')],
  ['empty name', mutate(PERSONA_SPACE, 'name', '')],
  ['empty persona list', { personas: [] }],
  ['persona with unknown emotion', { personas: [{ emotion: 'nostalgia' }] }],
  ['persona attribute a number', { personas: [{ emotion: 'joy', attributes: { age: 5 } }] }],
  ['persona a number', { persona: 42 }],
  ['a list instead of an object', [PERSONA_SPACE]],
  ['a bare string', 'hello'],
];

const personaSyntax: Array<[string, string, string | Buffer]> = [
  ['YAML syntax error', 'p.yaml', 'emotions: [joy\ndimensions: {\n'],
  ['JSON syntax error', 'p.json', '{"emotions": '],
  ['JSON trailing comma', 'p.json', '{"name": "x",}'],
  ['empty YAML file', 'p.yaml', ''],
  ['empty JSON file', 'p.json', ''],
  ['binary junk', 'p.yaml', BINARY],
];

function personaCases(): BadCase[] {
  const files: Array<[string, string, string | Buffer]> = [];
  for (const [name, doc] of personaDocs) {
    files.push([`${name} (JSON)`, 'p.json', JSON.stringify(doc, null, 2)]);
    files.push([`${name} (YAML)`, 'p.yaml', stringify(doc)]);
  }
  files.push(...personaSyntax);
  return files.flatMap(([name, file, text]) => [
    { name: `personas validate: ${name}`, args: ['personas', 'validate', file], files: { [file]: text } },
    {
      name: `run --personas FILE: ${name}`,
      args: ['run', '--personas', file, '--subsets', '0'],
      files: { [file]: text },
    },
  ]);
}

// ---------------------------------------------------------------- task files

const taskDocs: Array<[string, unknown]> = [
  ['negative truth', mutate(TASK, 'truth.value', -412)],
  ['zero truth', mutate(TASK, 'truth.value', 0)],
  ['truth a word', mutate(TASK, 'truth.value', 'many')],
  ['truth without source', mutate(TASK, 'truth.source', DELETE)],
  ['missing unit', mutate(TASK, 'unit', DELETE)],
  ['range reversed', mutate(TASK, 'plausibleRange', [5000, 10])],
  ['range of one number', mutate(TASK, 'plausibleRange', [10])],
  ['id with spaces', mutate(TASK, 'id', 'Marbles In Jar')],
  ['empty question', mutate(TASK, 'question', '')],
  ['unknown key', mutate(TASK, 'difficulty', 'hard')],
  ['unknown unit table', mutate(TASK, 'units', 'parsecs')],
  ['empty task list', { tasks: [] }],
  ['repeated ids', { tasks: [TASK, TASK] }],
  ['a bare number', 42],
];

const taskSyntax: Array<[string, string, string | Buffer]> = [
  ['YAML syntax error', 't.yaml', 'id: marbles\nquestion: [How many\n'],
  ['JSON syntax error', 't.json', '{"id": '],
  ['empty file', 't.yaml', ''],
  ['binary junk', 't.json', BINARY],
];

function taskCases(): BadCase[] {
  const files: Array<[string, string, string | Buffer]> = [];
  for (const [name, doc] of taskDocs) {
    files.push([`${name} (YAML)`, 't.yaml', stringify(doc)]);
    files.push([`${name} (JSON)`, 't.json', JSON.stringify(doc)]);
  }
  files.push(...taskSyntax);
  return [
    ...files.flatMap(([name, file, text]) => [
      { name: `tasks validate: ${name}`, args: ['tasks', 'validate', file], files: { [file]: text } },
      {
        name: `run --task FILE: ${name}`,
        args: ['run', '--task', file, '--personas', '20', '--subsets', '0'],
        files: { [file]: text },
      },
    ]),
    { name: 'run --task: unknown built-in id', args: ['run', '--task', 'moon-distance', '--personas', '20'] },
    { name: 'run --task: missing file', args: ['run', '--task', 'absent.yaml', '--personas', '20'] },
    { name: 'tasks show: unknown id', args: ['tasks', 'show', 'moon-distance'] },
    { name: 'tasks validate: no file given', args: ['tasks', 'validate'] },
    { name: 'tasks validate: missing file', args: ['tasks', 'validate', 'absent.yaml'] },
  ];
}

// ---------------------------------------------------------------- CSVs for analyze / compare

const csvFiles: Array<[string, string | Buffer, string[]]> = [
  ['no such column', CSV, ['--column', 'E9', '--truth', '250']],
  ['no numbers in the column', 'id,E1\n1,many\n2,few\n3,lots\n', ['--column', 'E1', '--truth', '250']],
  ['empty file', '', ['--column', 'E1', '--truth', '250']],
  ['header only', 'id,E1\n', ['--column', 'E1', '--truth', '250']],
  ['binary junk', BINARY, ['--column', 'E1', '--truth', '250']],
  ['no --truth for a CSV', CSV, ['--column', 'E1']],
  ['no --column for a CSV', CSV, ['--truth', '250']],
  ['truth zero', CSV, ['--column', 'E1', '--truth', '0']],
  ['truth not a number', CSV, ['--column', 'E1', '--truth', 'lots']],
  ['no such truth column', CSV, ['--column', 'E1', '--truth-column', 'T']],
  ['filter without =', CSV, ['--column', 'E1', '--truth', '250', '--filter', 'group']],
  ['filter on no such column', CSV, ['--column', 'E1', '--truth', '250', '--filter', 'nope=a']],
  ['filter keeps nothing', CSV, ['--column', 'E1', '--truth', '250', '--filter', 'group=z']],
  ['unknown strategy', CSV, ['--column', 'E1', '--truth', '250', '--strategies', 'mean,oracle']],
  ['negative tolerance', CSV, ['--column', 'E1', '--truth', '250', '--tolerance', '-0.1']],
];

function csvCases(): BadCase[] {
  const cases: BadCase[] = [];
  for (const command of ['analyze', 'compare']) {
    for (const [name, text, flags] of csvFiles) {
      cases.push({
        name: `${command} CSV: ${name}`,
        args: [command, '--input', 'in.csv', ...flags],
        files: { 'in.csv': text },
      });
    }
    cases.push(
      { name: `${command}: no --input`, args: [command, '--column', 'E1', '--truth', '250'] },
      {
        name: `${command}: --input missing`,
        args: [command, '--input', 'absent.csv', '--column', 'E1', '--truth', '250'],
      },
      { name: `${command}: --input a directory that is no run`, args: [command, '--input', 'empty-dir'] },
      { name: `${command}: stray positional`, args: [command, 'answers.csv'] },
    );
  }
  cases.push({
    name: 'analyze run: --group-by a dimension the run lacks',
    args: ['analyze', '--input', 'runs/existing', '--group-by', 'shoeSize'],
  });
  return cases;
}

// ---------------------------------------------------------------- flags

/** [flags after `run`, what is wrong]. Every case keeps the crowd small should it wrongly start. */
const runFlagCases: Array<[string, string[]]> = [
  ['unknown flag', ['--crowd-size', '20']],
  ['unknown short flag', ['-z']],
  ['personas not a number, keyword or file', ['--personas', 'lots']],
  ['personas zero', ['--personas', '0']],
  ['personas negative', ['--personas', '-5']],
  ['seed negative', ['--seed', '-1']],
  ['seed fractional', ['--seed', '1.5']],
  ['seed not a number', ['--seed', 'abc']],
  ['concurrency zero', ['--concurrency', '0']],
  ['concurrency huge', ['--concurrency', '100000']],
  ['rounds zero', ['--rounds', '0']],
  ['rounds above 50', ['--rounds', '51']],
  ['replicates zero', ['--replicates', '0']],
  ['temperature above 2', ['--temperature', '3']],
  ['temperature empty', ['--temperature', '']],
  ['timeout zero', ['--timeout', '0']],
  ['retries above 20', ['--retries', '21']],
  ['subsets negative', ['--subsets', '-1']],
  ['tolerance negative', ['--tolerance', '-0.5']],
  ['bad condition', ['--condition', 'happy']],
  ['bad influence', ['--influence', 'everyone']],
  ['bad shown aggregate', ['--show-aggregate', 'mode']],
  ['shard 0/3', ['--shard', '0/3']],
  ['shard 4/3', ['--shard', '4/3']],
  ['shard 1/0', ['--shard', '1/0']],
  ['shard words', ['--shard', 'a/b']],
  ['shard one number', ['--shard', '2']],
  ['model nonsense', ['--model', 'nonsense']],
  ['model ollama without a name', ['--model', 'ollama:']],
  ['model openai without a host', ['--model', 'openai:gpt-x']],
  ['host not a URL', ['--model', 'ollama:llama3.1:8b', '--host', 'not a url']],
  ['unknown strategy', ['--strategies', 'mean,oracle']],
  ['unknown emotion', ['--emotions', 'joy,nostalgia']],
  ['unknown group-by dimension', ['--group-by', 'shoeSize']],
  ['task value missing', ['--task']],
  ['personas value missing', ['--personas']],
  ['switch given a value', ['--json=yes']],
  ['stray positional', ['fargo']],
  ['resume a directory that does not exist', ['--resume', 'runs/absent']],
  ['out over an existing run', ['--out', 'runs/existing']],
];

function flagCases(): BadCase[] {
  return [
    ...runFlagCases.map(([name, flags]) => ({
      name: `run flags: ${name}`,
      args: ['run', '--personas', '20', '--subsets', '0', ...flags],
    })),
    { name: 'unknown command', args: ['simulate'] },
    { name: 'tasks: unknown sub-command', args: ['tasks', 'list'] },
    { name: 'personas: sample zero', args: ['personas', '--sample', '0'] },
    { name: 'personas: two modes at once', args: ['personas', '--count', '--sample', '3'] },
    { name: 'personas: unknown emotion', args: ['personas', '--emotions', 'nostalgia'] },
    { name: 'export: not a run directory', args: ['export', 'empty-dir'] },
    { name: 'export: bad format', args: ['export', 'runs/existing', '--format', 'xlsx'] },
    {
      name: 'export: --out over an existing file',
      args: ['export', 'runs/existing', '--out', 'results.csv'],
    },
    { name: 'merge: one directory only', args: ['merge', 'runs/existing', '--out', 'runs/merged'] },
    {
      name: 'merge: --out over an existing run',
      args: ['merge', 'runs/existing', 'runs/existing', '--out', 'runs/existing'],
    },
    {
      name: 'finetune data: bad objective',
      args: ['finetune', 'data', '--objective', 'dream', '--out', 'x.jsonl'],
    },
    {
      name: 'finetune data: --out over an existing file',
      args: ['finetune', 'data', '--objective', 'express', '--out', 'results.csv'],
    },
    { name: 'serve: port not a number', args: ['serve', '--port', 'http'] },
    { name: 'serve: port out of range', args: ['serve', '--port', '70000'] },
  ];
}

// ---------------------------------------------------------------- config files

const configCases: Array<[string, string]> = [
  ['invalid JSON', '{"run": {"personas": 20,}}'],
  ['a list', '[{"run": {}}]'],
  ['a command mapped to a number', '{"run": 5}'],
  ['a flag the command does not have', '{"run": {"crowdSize": 20}}'],
  ['a command that does not exist', '{"rnu": {"personas": 20}}'],
  ['a flag value of the wrong type', '{"run": {"seed": "soon"}}'],
  ['a flag value out of range', '{"run": {"rounds": 0}}'],
  ['a choice not allowed', '{"run": {"condition": "happy"}}'],
  ['empty file', ''],
  ['binary junk', BINARY.toString('latin1')],
];

function configFileCases(): BadCase[] {
  return [
    ...configCases.flatMap(([name, text]): BadCase[] => [
      {
        name: `--config: ${name}`,
        args: ['run', '--personas', '20', '--subsets', '0', '--config', 'emocrowd.json'],
        files: { 'emocrowd.json': text },
      },
      {
        name: `emocrowd.config.json: ${name}`,
        args: ['run', '--personas', '20', '--subsets', '0'],
        files: { 'emocrowd.config.json': text },
      },
    ]),
    { name: '--config: missing file', args: ['run', '--config', 'absent.json'] },
    { name: '--config: no value', args: ['run', '--config'] },
  ];
}

// ---------------------------------------------------------------- the suite

const cases: BadCase[] = [
  ...personaCases(),
  ...taskCases(),
  ...csvCases(),
  ...flagCases(),
  ...configFileCases(),
];

/** Every file under `dir` with the SHA-256 of its bytes (directories as entries too). */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (at: string): void => {
    for (const entry of readdirSync(at)) {
      const path = join(at, entry);
      const key = relative(dir, path);
      if (statSync(path).isDirectory()) {
        out[`${key}/`] = 'dir';
        walk(path);
      } else out[key] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

let root: string;
let template: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'emocrowd-bad-input-'));
  template = join(root, 'template');
  mkdirSync(join(template, 'empty-dir'), { recursive: true });
  // Results a user already has: a finished run and an exported file.
  const made = await runCli(
    ['run', '--personas', '20', '--subsets', '0', '--quiet', '--out', 'runs/existing'],
    {
      cwd: template,
    },
  );
  expect(made.code, made.stderr).toBe(0);
  writeFileSync(join(template, 'results.csv'), 'earlier,results\n1,2\n');
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('bad input: one line on stderr, exit 2, no stack, nothing overwritten', () => {
  it('has at least 100 generated cases with distinct names', () => {
    expect(cases.length).toBeGreaterThanOrEqual(100);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  let n = 0;
  const check = async (bad: BadCase): Promise<void> => {
    const cwd = join(root, `case-${n++}`);
    cpSync(template, cwd, { recursive: true });
    for (const [file, text] of Object.entries(bad.files ?? {})) writeFileSync(join(cwd, file), text);
    const before = snapshot(cwd);
    const { code, stdout, stderr } = await runCli(bad.args, { cwd });
    const shown = `emocrowd ${bad.args.join(' ')}\n--- stderr:\n${stderr}--- stdout:\n${stdout.slice(0, 500)}`;
    try {
      expect(code, shown).toBe(2);
      expect(stderr.endsWith('\n'), shown).toBe(true);
      expect(stderr.trimEnd().split('\n'), shown).toHaveLength(1);
      expect(stderr, shown).toMatch(/^emocrowd: \S/);
      expect(stderr, shown).not.toMatch(/^\s+at /m);
      expect(stdout, shown).toBe('');
      expect(snapshot(cwd), shown).toEqual(before);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  };
  const table = (list: BadCase[]) => list.map((c) => [c.name, c] as const);
  it.each(table(cases))('%s', async (_name, bad) => check(bad));
});

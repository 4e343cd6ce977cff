import { type ChildProcess, spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Real processes end to end: the Ollama test server, and `emocrowd run` killed and resumed.
const REPO = fileURLToPath(new URL('../../../../', import.meta.url));
const CLI = fileURLToPath(new URL('../cli.ts', import.meta.url));
const SERVER = fileURLToPath(new URL('../../../models/src/testing/ollamaTestServerMain.ts', import.meta.url));
const NODE_ARGS = ['--conditions=@emocrowd/source', '--import', 'tsx'];

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function startCli(args: readonly string[]): { child: ChildProcess; exit: Promise<Exit> } {
  const child = spawn(process.execPath, [...NODE_ARGS, CLI, ...args], {
    cwd: REPO,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exit = new Promise<Exit>((resolvePromise) =>
    child.on('close', (code, signal) => resolvePromise({ code, signal, stdout, stderr })),
  );
  return { child, exit };
}

function lineCount(path: string): number {
  if (!existsSync(path)) return 0;
  const text = readFileSync(path, 'utf8');
  return text.split('\n').length - 1;
}

/** Resolves once `path` has at least `lines` complete lines (or the process ended). */
async function waitForLines(path: string, lines: number, exit: Promise<Exit>): Promise<void> {
  let ended = false;
  void exit.then(() => {
    ended = true;
  });
  while (!ended && lineCount(path) < lines) await new Promise((r) => setTimeout(r, 5));
}

function responseKeys(dir: string): string[] {
  return readFileSync(join(dir, 'responses.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const record = JSON.parse(line) as { round: number; replicate: number; personaIndex: number };
      return `${record.round}:${record.replicate}:${record.personaIndex}`;
    });
}

function summaryWithoutTiming(dir: string): Record<string, unknown> {
  const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as Record<string, unknown>;
  delete summary.timing;
  return summary;
}

function snapshotDir(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    out[name] = `${statSync(path).mtimeMs}:${readFileSync(path, 'utf8')}`;
  }
  return out;
}

// Each test spawns two or three CLI processes; allow for a loaded machine.
const SLOW = 120_000;

describe('emocrowd run: crash safety and resume (real processes)', () => {
  let server: ChildProcess;
  let url = '';
  let model = '';
  let root = '';
  let runArgs: string[] = [];
  let reference = '';

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'emocrowd-resume-'));
    server = spawn(process.execPath, ['--import', 'tsx', SERVER, '--latency-ms', '40'], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    url = await new Promise<string>((resolvePromise, reject) => {
      let text = '';
      server.stdout?.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        const newline = text.indexOf('\n');
        if (newline >= 0) resolvePromise(text.slice(0, newline).trim());
      });
      server.on('exit', (code) => reject(new Error(`test server exited with ${code}`)));
    });
    const tags = (await (await fetch(`${url}/api/tags`)).json()) as { models: { name: string }[] };
    model = tags.models[0]?.name ?? '';
    runArgs = [
      'run',
      '--model',
      `ollama:${model}`,
      '--host',
      url,
      '--personas',
      '300',
      '--no-cache',
      '--concurrency',
      '8',
      '--subsets',
      '20',
      '--quiet',
    ];
    // The uninterrupted reference; every directory is called "run" so runIds agree.
    reference = join(root, 'reference', 'run');
    const done = await startCli([...runArgs, '--out', reference]).exit;
    expect(done.code, done.stderr).toBe(0);
  }, SLOW);

  afterAll(() => {
    server?.kill('SIGTERM');
    if (root) rmSync(root, { recursive: true, force: true });
  });

  const outArgs = (dir: string): string[] => [...runArgs, '--out', dir];
  const resumeArgs = (dir: string): string[] => [...runArgs, '--resume', dir];

  it('the reference run has every persona once', () => {
    const keys = responseKeys(reference);
    expect(keys).toHaveLength(300);
    expect(new Set(keys).size).toBe(300);
  });

  it(
    'after kill -9 mid-run, --resume loses no answer, duplicates none, and ends with the same summary',
    async () => {
      const dir = join(root, 'killed', 'run');
      const { child, exit } = startCli(outArgs(dir));
      await waitForLines(join(dir, 'responses.jsonl'), 20, exit);
      child.kill('SIGKILL');
      const killed = await exit;
      expect(killed.signal).toBe('SIGKILL');
      const before = lineCount(join(dir, 'responses.jsonl'));
      expect(before).toBeGreaterThanOrEqual(20);
      expect(before).toBeLessThan(300);
      expect(existsSync(join(dir, 'summary.json'))).toBe(false);

      // --resume DIR alone: the model, server and crowd come from run.json
      const resumed = await startCli(['run', '--resume', dir, '--quiet']).exit;
      expect(resumed.code, resumed.stderr).toBe(0);
      const keys = responseKeys(dir);
      expect(keys).toHaveLength(300);
      expect(new Set(keys).size).toBe(300);
      expect(new Set(keys)).toEqual(new Set(responseKeys(reference)));
      expect(summaryWithoutTiming(dir)).toEqual(summaryWithoutTiming(reference));
    },
    SLOW,
  );

  it(
    'Ctrl-C stops asking, keeps the answers in flight, says how to resume, exits 130; --resume completes it',
    async () => {
      const dir = join(root, 'interrupted', 'run');
      const { child, exit } = startCli(outArgs(dir));
      await waitForLines(join(dir, 'responses.jsonl'), 20, exit);
      child.kill('SIGINT');
      const stopped = await exit;
      expect(stopped.code).toBe(130);
      expect(stopped.stderr).toContain(`emocrowd run --resume ${dir}`);
      const partial = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as {
        counts: { answered: number; unparsed: number; failed: number; missing: number };
      };
      const lines = lineCount(join(dir, 'responses.jsonl'));
      expect(partial.counts.missing).toBeGreaterThan(0);
      // Everything answered before the process ended is on disk, and nothing else.
      expect(partial.counts.answered + partial.counts.unparsed + partial.counts.failed).toBe(lines);
      expect(lines + partial.counts.missing).toBe(300);

      const kept = readFileSync(join(dir, 'responses.jsonl'), 'utf8');
      // the run's own flags repeated are accepted
      const resumed = await startCli(resumeArgs(dir)).exit;
      expect(resumed.code, resumed.stderr).toBe(0);
      // The answers of the first session stay as they were; only the missing ones are added.
      expect(readFileSync(join(dir, 'responses.jsonl'), 'utf8').startsWith(kept)).toBe(true);
      const keys = responseKeys(dir);
      expect(keys).toHaveLength(300);
      expect(new Set(keys).size).toBe(300);
      expect(summaryWithoutTiming(dir)).toEqual(summaryWithoutTiming(reference));
    },
    SLOW,
  );

  it(
    'the same --out without --resume is refused (exit 2) and the directory is left untouched',
    async () => {
      const before = snapshotDir(reference);
      const again = await startCli(outArgs(reference)).exit;
      expect(again.code).toBe(2);
      expect(again.stderr.trim().split('\n')).toHaveLength(1);
      expect(again.stderr).toContain(`--resume ${reference}`);
      expect(snapshotDir(reference)).toEqual(before);
    },
    SLOW,
  );

  it(
    'an --out directory that holds other files is refused and left untouched',
    async () => {
      const dir = join(root, 'not-a-run');
      mkdirSync(dir);
      writeFileSync(join(dir, 'notes.txt'), 'results of another study\n');
      const before = snapshotDir(dir);
      const again = await startCli(['run', '--personas', '5', '--out', dir, '--quiet', '--subsets', '0'])
        .exit;
      expect(again.code).toBe(2);
      expect(again.stderr).toContain('is not empty');
      expect(snapshotDir(dir)).toEqual(before);
    },
    SLOW,
  );
});

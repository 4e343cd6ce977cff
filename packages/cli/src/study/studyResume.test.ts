import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Real processes: `emocrowd study run` killed with SIGKILL (or interrupted) and run again.
const CLI = fileURLToPath(new URL('../cli.ts', import.meta.url));
const REPO = fileURLToPath(new URL('../../../../', import.meta.url));
// The study runs in a scratch directory, where the bare name "tsx" does not resolve.
const TSX = pathToFileURL(join(REPO, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
const NODE_ARGS = ['--conditions=@emocrowd/source', '--import', TSX];

/** The study of the example: two conditions on the synthetic model, a crowd large enough to stop midway. */
const STUDY = `name: emotion-vs-social
seed: 42
task: fargo-seattle
personas: 2000
subsets: 20
factors:
  condition: [emotion, social]
  model: [synthetic]
contrasts:
  - { name: emotion-minus-social, of: condition, a: emotion, b: social }
report: { strategies: [mean, median], bootstrap: 200, permutations: 200 }
`;
const CELLS = ['emotion', 'social'];
const PER_CELL = 2000;

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function startCli(args: readonly string[], cwd: string): { child: ChildProcess; exit: Promise<Exit> } {
  const child = spawn(process.execPath, [...NODE_ARGS, CLI, ...args], {
    cwd,
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

/** The complete lines of a file (a line cut short by kill -9 has no newline yet). */
function lines(path: string): string[] {
  if (!existsSync(path)) return [];
  const text = readFileSync(path, 'utf8');
  return text
    .slice(0, text.lastIndexOf('\n') + 1)
    .split('\n')
    .filter((line) => line.trim() !== '');
}

function keys(dir: string, cell: string): string[] {
  return lines(join(dir, cell, 'responses.jsonl')).map((line) => {
    const r = JSON.parse(line) as { round: number; replicate: number; personaIndex: number };
    return `${r.round}:${r.replicate}:${r.personaIndex}`;
  });
}

/** Resolves once the study has at least `count` answers on disk (or the process ended). */
async function waitForAnswers(dir: string, count: number, exit: Promise<Exit>): Promise<void> {
  let ended = false;
  void exit.then(() => {
    ended = true;
  });
  const total = () => CELLS.reduce((sum, cell) => sum + lines(join(dir, cell, 'responses.jsonl')).length, 0);
  while (!ended && total() < count) await new Promise((r) => setTimeout(r, 5));
}

function summaryWithoutTiming(dir: string, cell: string): Record<string, unknown> {
  const summary = JSON.parse(readFileSync(join(dir, cell, 'summary.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  delete summary.timing;
  return summary;
}

const SLOW = 180_000;

describe('emocrowd study run: kill -9 and run again (real processes)', () => {
  let root = '';
  const args = (out: string) => ['study', 'run', 'study.yaml', '--out', out, '--quiet', '--json'];
  let reference: Exit;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'emocrowd-study-resume-'));
    writeFileSync(join(root, 'study.yaml'), STUDY);
    // Every study directory is called "study" (in different parents) so run ids agree.
    reference = await startCli(args('reference/study'), root).exit;
    expect(reference.code, reference.stderr).toBe(0);
  }, SLOW);

  afterAll(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('the uninterrupted study has study.json and one ordinary run directory per cell', () => {
    const dir = join(root, 'reference', 'study');
    expect(readdirSync(dir).sort()).toEqual(['emotion', 'social', 'study.json']);
    for (const cell of CELLS) {
      expect(readdirSync(join(dir, cell)).sort()).toEqual(['responses.jsonl', 'run.json', 'summary.json']);
      expect(new Set(keys(dir, cell)).size).toBe(PER_CELL);
    }
  });

  it(
    'after kill -9 midway, the same command asks only what is missing and ends with the same report',
    async () => {
      const dir = join(root, 'killed', 'study');
      const { child, exit } = startCli(args('killed/study'), root);
      await waitForAnswers(dir, 300, exit);
      child.kill('SIGKILL');
      const killed = await exit;
      expect(killed.signal).toBe('SIGKILL');
      const before = Object.fromEntries(
        CELLS.map((cell) => [cell, lines(join(dir, cell, 'responses.jsonl'))]),
      );
      const stored = CELLS.reduce((sum, cell) => sum + (before[cell]?.length ?? 0), 0);
      expect(stored).toBeGreaterThanOrEqual(300);
      expect(stored).toBeLessThan(2 * PER_CELL);

      const again = await startCli(args('killed/study'), root).exit;
      expect(again.code, again.stderr).toBe(0);
      for (const cell of CELLS) {
        // Nothing asked twice: the answers of the first session stay, each key once.
        const after = lines(join(dir, cell, 'responses.jsonl'));
        expect(after.slice(0, before[cell]?.length ?? 0)).toEqual(before[cell]);
        expect(after).toHaveLength(PER_CELL);
        expect(new Set(keys(dir, cell)).size).toBe(PER_CELL);
        expect(summaryWithoutTiming(dir, cell)).toEqual(
          summaryWithoutTiming(join(root, 'reference', 'study'), cell),
        );
      }
      expect(again.stdout).toBe(reference.stdout);
    },
    SLOW,
  );

  it(
    'Ctrl-C stops the study (exit 130, says how to continue); the same command completes it',
    async () => {
      const dir = join(root, 'interrupted', 'study');
      const { child, exit } = startCli(args('interrupted/study'), root);
      await waitForAnswers(dir, 300, exit);
      child.kill('SIGINT');
      const stopped = await exit;
      expect(stopped.code).toBe(130);
      expect(stopped.stderr).toMatch(/continue with the same command/);
      const again = await startCli(args('interrupted/study'), root).exit;
      expect(again.code, again.stderr).toBe(0);
      expect(again.stdout).toBe(reference.stdout);
    },
    SLOW,
  );
});

import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BatchApiClient } from '@emocrowd/models';
import { type OllamaTestServer, startOllamaTestServer } from '@emocrowd/models/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../testing/repoRoot.js';
import { runCli } from '../testing/runCli.js';

// A real `emocrowd batch submit --wait` process, killed with SIGKILL while its batch runs, and
// `emocrowd batch fetch` picking the batch up from what the run directory holds.
const CLI = fileURLToPath(new URL('../cli.ts', import.meta.url));
const MODEL = 'llama3.2:1b';
let server: OllamaTestServer;
let root = '';
beforeAll(async () => {
  // Slow enough that the batch is still running when the CLI is killed.
  server = await startOllamaTestServer({
    models: [MODEL],
    latencyMs: 25,
    batches: { validatingMs: 400, finalizingMs: 100, concurrency: 2 },
  });
  root = mkdtempSync(join(tmpdir(), 'emocrowd-batch-kill-'));
});
afterAll(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

const RUN = [
  'run',
  '--model',
  `openai:${MODEL}`,
  '--host',
  '',
  '--personas',
  '60',
  '--seed',
  '4',
  '--subsets',
  '20',
  '--no-cache',
];
const cli = (args: string[]) => runCli(args, { cwd: root, env: { NO_COLOR: '1' } });

interface Spawned {
  child: ChildProcess;
  exited: Promise<NodeJS.Signals | number | null>;
  stderr: () => string;
}

function spawnCli(args: string[]): Spawned {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1' };
  delete env.NODE_OPTIONS;
  const child = spawn(process.execPath, ['--conditions=@emocrowd/source', '--import', 'tsx', CLI, ...args], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return {
    child,
    exited: new Promise((resolve) => child.on('close', (code, signal) => resolve(signal ?? code))),
    stderr: () => stderr,
  };
}

interface Ledger {
  exports: { files: { batchId?: string }[] }[];
}

/** Resolves with the ledger once `ready` holds for it (the process still running), or rejects. */
async function waitForLedger(
  path: string,
  ready: (ledger: Ledger) => boolean,
  spawned: Spawned,
): Promise<Ledger> {
  let ended = false;
  void spawned.exited.then(() => {
    ended = true;
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && !ended) {
    if (existsSync(path)) {
      const ledger = JSON.parse(readFileSync(path, 'utf8')) as Ledger;
      if (ready(ledger)) return ledger;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(
    ended
      ? `the CLI ended before the batch was submitted: ${spawned.stderr()}`
      : 'no batch submitted within 60 s',
  );
}

describe('a killed emocrowd batch submit --wait', () => {
  it('is picked up by emocrowd batch fetch from the run directory, with the online summary and no second batch', async () => {
    const args = RUN.map((a) => (a === '' ? server.url : a));
    const online = await cli([...args, '--out', 'online', '--quiet']);
    expect(online.code, online.stderr).toBe(0);
    const made = await cli([...args, '--out', 'killed', '--batch-out', 'requests.jsonl', '--quiet']);
    expect(made.code, made.stderr).toBe(0);

    const spawned = spawnCli([
      'batch',
      'submit',
      join(root, 'killed'),
      '--host',
      server.url,
      '--wait',
      '--poll-interval',
      '30',
    ]);
    const { child, exited } = spawned;
    const ledgerPath = join(root, 'killed', 'batch', 'batches.json');
    const ledger = await waitForLedger(ledgerPath, (l) => Boolean(l.exports[0]?.files[0]?.batchId), spawned);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const batchId = ledger.exports[0]?.files[0]?.batchId as string;
    const api = new BatchApiClient({ baseUrl: server.url });
    expect((await api.retrieveBatch(batchId)).status).not.toBe('completed');
    expect(existsSync(join(root, 'killed', 'summary.json'))).toBe(false);

    const fetched = await cli(['batch', 'fetch', 'killed', '--poll-interval', '20', '--json']);
    expect(fetched.code, fetched.stderr).toBe(0);
    expect(JSON.parse(fetched.stdout)).toMatchObject({
      done: true,
      batches: [{ batchId, status: 'completed' }],
    });
    const summary = (dir: string) => {
      const {
        timing: _t,
        runId: _r,
        ...rest
      } = JSON.parse(readFileSync(join(root, dir, 'summary.json'), 'utf8'));
      return rest;
    };
    expect(summary('killed')).toEqual(summary('online'));
    expect((await api.listBatches({ limit: 100 })).data.map((b) => b.id)).toEqual([batchId]);
  }, 120_000);
});

/**
 * Throughput of the three ways to scale a crowd out, measured against the Ollama test server
 * standing in for GPU servers: each server is its own process answering after a fixed latency
 * (`--latency-ms`, default 200), and each is used `--per-host` requests at a time (default 8),
 * so one server answers at most per-host / latency requests a second (40/s by default), as a
 * GPU server does whose batch holds that many sequences.
 *
 * 1. Server pool: one run over one server, then over two (`--host` twice).
 * 2. Batch files: `run --batch-out`, the offline runner (`runBatchMain`, the vllm run-batch
 *    stand-in) at the same per-host parallelism, `batch import`; and `batch submit --wait`
 *    through the test server's /v1/batches.
 * 3. Cluster shards: two `run --shard auto` processes at once (JOB_COMPLETION_INDEX 0 and 1,
 *    --shards 2), one server each, then `merge`.
 *
 * Run on the built packages: npm run build && npx tsx bench/scaleOut.ts [--personas N]
 * [--latency-ms L] [--per-host P]. Prints a Markdown table (docs/guides/scale-out.md quotes it).
 * A measurement, never an assertion.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    personas: { type: 'string', default: '1200' },
    'latency-ms': { type: 'string', default: '200' },
    'per-host': { type: 'string', default: '8' },
  },
});
const N = Number(values.personas);
const L = Number(values['latency-ms']);
const P = Number(values['per-host']);
const MODEL = 'llama3.2:1b';
const cli = join(root, 'packages/cli/dist/cli.js');
const serverMain = join(root, 'packages/models/dist/testing/ollamaTestServerMain.js');
const runBatchMain = join(root, 'packages/models/dist/testing/runBatchMain.js');
const scratch = mkdtempSync(join(os.tmpdir(), 'emocrowd-scale-out-'));

interface Done {
  wallMs: number;
  stdout: string;
}

function exec(args: string[], env: Record<string, string> = {}): Promise<Done> {
  return new Promise((resolvePromise, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, args, {
      cwd: scratch,
      env: { ...process.env, NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`${args.join(' ')} exited ${code}: ${stderr}`));
      else resolvePromise({ wallMs: performance.now() - start, stdout });
    });
  });
}

async function startServer(): Promise<{ url: string; stop: () => void }> {
  const child = spawn(
    process.execPath,
    [serverMain, '--models', MODEL, '--latency-ms', String(L), '--batch-concurrency', String(P), '--batch-validating-ms', '100', '--batch-finalizing-ms', '100'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise<string>((resolveUrl) =>
    child.stdout.once('data', (d: Buffer) => resolveUrl(d.toString().trim().split('\n')[0] as string)),
  );
  return { url, stop: () => child.kill('SIGTERM') };
}

const run = (hosts: string[], extra: string[]) => [
  cli,
  'run',
  '--model',
  `openai:${MODEL}`,
  ...hosts.flatMap((h) => ['--host', h]),
  '--personas',
  String(N),
  '--max-per-host',
  String(P),
  '--concurrency',
  String(P * hosts.length),
  '--no-cache',
  '--subsets',
  '0',
  '--quiet',
  ...extra,
];

const rows: string[][] = [];
const perSecond = (ms: number) => Math.round((N / ms) * 1000 * 10) / 10;
function row(way: string, how: string, ms: number): void {
  rows.push([way, how, (ms / 1000).toFixed(1), String(perSecond(ms))]);
  process.stderr.write(`${way} / ${how}: ${(ms / 1000).toFixed(1)} s\n`);
}

const [a, b] = [await startServer(), await startServer()];
try {
  row('server pool', '1 server', (await exec(run([a.url], ['--out', 'pool1']))).wallMs);
  row('server pool', '2 servers', (await exec(run([a.url, b.url], ['--out', 'pool2']))).wallMs);

  const exported = await exec(run([a.url], ['--out', 'files', '--batch-out', 'requests.jsonl']));
  const answered = await exec([runBatchMain, '-i', 'requests.jsonl', '-o', 'results.jsonl', '--model', MODEL, '--latency-ms', String(L), '--concurrency', String(P)]);
  const imported = await exec([cli, 'batch', 'import', 'files', 'results.jsonl', '--quiet']);
  row('batch files', `export ${(exported.wallMs / 1000).toFixed(1)} s + run-batch (1 server) ${(answered.wallMs / 1000).toFixed(1)} s + import ${(imported.wallMs / 1000).toFixed(1)} s`, exported.wallMs + answered.wallMs + imported.wallMs);
  const api = await exec(run([a.url], ['--out', 'api', '--batch-out', 'api.jsonl']));
  const submitted = await exec([cli, 'batch', 'submit', 'api', '--wait', '--poll-interval', '250', '--max-poll-interval', '1000', '--quiet']);
  row('batch files', '/v1/batches of 1 server, submit --wait (polls 0.25-1 s)', api.wallMs + submitted.wallMs);

  const start = performance.now();
  await Promise.all(
    [a, b].map((server, i) =>
      exec(run([server.url], ['--shard', 'auto', '--shards', '2', '--out', `shard${i}`]), { JOB_COMPLETION_INDEX: String(i) }),
    ),
  );
  const shards = performance.now() - start;
  const merged = await exec([cli, 'merge', 'shard0', 'shard1', '--out', 'merged', '--quiet']);
  row('cluster shards', `2 shards at once, 1 server each (${(shards / 1000).toFixed(1)} s) + merge (${(merged.wallMs / 1000).toFixed(1)} s)`, shards + merged.wallMs);
  const answeredAll = JSON.parse(readFileSync(join(scratch, 'merged', 'summary.json'), 'utf8')).counts;
  process.stderr.write(`merged: ${answeredAll.answered + answeredAll.unparsed} of ${N}\n`);
} finally {
  a.stop();
  b.stop();
  rmSync(scratch, { recursive: true, force: true });
}

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
process.stdout.write(
  [
    `${N} personas; each server answers after ${L} ms, used ${P} requests at a time (at most ${Math.round((P / L) * 1000)} answers/s per server); ${os.cpus().length} cores (${cpu}), Node ${process.version}, ${new Date().toISOString().slice(0, 10)}.`,
    '',
    '| way | how | wall (s) | answers/s |',
    '|---|---|---:|---:|',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    '',
  ].join('\n'),
);

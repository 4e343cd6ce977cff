/**
 * `npm run bench`: emocrowd's benchmarks, run on the BUILT packages (dist), each measurement in
 * its own process, each repeated (default 3) and reported as the median; writes
 * docs/benchmarks.md (overwritten every run) with the machine, the date, every median and its
 * target, and by how much a missed target is missed.
 *
 * The report opens with the four targets (T1 a million answers, T2 a client at the server's
 * pace, T3 crowds that stop when they have the answer, T4 the benchmark suite itself), each
 * figure marked met or missed with the reason, and the 1-minute load average at the time of
 * every figure (a figure taken on a busy machine says so).
 *
 * 0. Start-up: `emocrowd --help` and `emocrowd run --help` as whole processes (T2).
 * 1. Throughput at the server's pace: `emocrowd run` against the test server as a whole process
 *    vs the raw `ollama` client's whole process (T2), and the OpenAI-compatible path (/v1) vs a
 *    raw `fetch` client (T4).
 * 2. Client-side overhead in one process: emocrowd's pipeline vs the raw `ollama` client vs
 *    LangChain `ChatOllama.batch`.
 * 3. Built-in model scale: the CLI end to end with its default summary at 15,064 personas (paper)
 *    and at 1,003,968 answers (T1), and where a million answers' time goes.
 * 4. Stopping at a precision on the paper space over 20 seeds (T3).
 * 5. Subset-size curves over 17,000 estimates, every strategy, B = 1000.
 * 6. Response cache: a rerun's model calls and time.
 *
 * Flags: --reps N (default 3), --only startup,throughput,client,scale,stopping,analysis,cache (re-measure those parts
 * only and keep the other sections of the existing report), --quick (smaller sizes, for a smoke
 * test of the bench itself; the report says so), --out FILE (default docs/benchmarks.md).
 * Benchmarks are measurements, never test assertions.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startOllamaTestServer } from '@emocrowd/models/testing';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values: flags } = parseArgs({
  options: {
    reps: { type: 'string', default: '3' },
    only: { type: 'string' },
    quick: { type: 'boolean', default: false },
    out: { type: 'string', default: join(root, 'docs', 'benchmarks.md') },
  },
});
const reps = Math.max(1, Number(flags.reps));
const quick = flags.quick === true;
const only = new Set(
  (flags.only ?? 'startup,throughput,client,scale,stopping,analysis,cache').split(',').map((s) => s.trim()),
);
const cli = join(root, 'packages/cli/dist/cli.js');
const serverMain = join(root, 'packages/models/dist/testing/ollamaTestServerMain.js');
const TIME = '/usr/bin/time';
const hasTime = existsSync(TIME);
const startedAt = new Date();
const loadAtStart = os.loadavg();
const scratch = mkdtempSync(join(os.tmpdir(), 'emocrowd-bench-'));

// ---------------------------------------------------------------- helpers

interface Measured {
  stdout: string;
  stderr: string;
  code: number | null;
  wallMs: number;
  /** Peak resident set size of the child (MB), from /usr/bin/time -v; undefined without it. */
  peakRssMb?: number;
}

/** Runs a command to completion (optionally under /usr/bin/time -v for the peak RSS). */
function run(command: string, args: string[], opts: { rss?: boolean; timeoutMs?: number } = {}): Promise<Measured> {
  const useTime = opts.rss === true && hasTime;
  const file = useTime ? TIME : command;
  const argv = useTime ? ['-v', command, ...args] : args;
  return new Promise((resolvePromise, reject) => {
    const start = performance.now();
    // Its own process group, so a timeout ends the command and not only /usr/bin/time.
    const child = spawn(file, argv, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const timer = opts.timeoutMs
      ? setTimeout(() => {
          if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
        }, opts.timeoutMs)
      : undefined;
    child.on('error', reject);
    child.on('close', (code) => {
      if (timer) clearTimeout(timer);
      const wallMs = performance.now() - start;
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      resolvePromise({
        stdout,
        stderr,
        code,
        wallMs,
        ...(rss ? { peakRssMb: Math.round(Number(rss[1]) / 1024) } : {}),
      });
    });
  });
}

/** The last JSON line a bench script printed. */
function lastJson<T>(m: Measured, what: string): T {
  const line = m.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as T;
  } catch {
    throw new Error(`${what} printed no JSON (exit ${m.code}):\n${m.stderr.slice(-2000)}`);
  }
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

const fmt = (x: number, digits = 0): string =>
  Number.isFinite(x) ? x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : 'n/a';
const log = (text: string): void => {
  process.stderr.write(`${text}\n`);
};

/** Starts the Ollama test server in its own process; resolves its URL and a stop function. */
async function startServer(latencyMs: number): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [serverMain, '--latency-ms', String(latencyMs)], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolvePromise, reject) => {
    let buffered = '';
    child.stdout.on('data', (d: Buffer) => {
      buffered += d.toString();
      const newline = buffered.indexOf('\n');
      if (newline >= 0) resolvePromise(buffered.slice(0, newline).trim());
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`test server exited (${code})`)));
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolvePromise) => {
        child.once('exit', () => resolvePromise());
        child.kill('SIGTERM');
      }),
  };
}

/** The report's sections by part (`--only` names), in report order. */
const sections = new Map<string, string>();
/** The target lines of each part, appended to its section and gathered at the top of the report. */
const targetLines = new Map<string, string[]>();
let currentPart = '';

/**
 * Records a target: met or missed, by how much, and the load average when it was measured.
 * `label` starts with the target's number (T1-T4) when it is one of the four.
 */
function target(label: string, met: boolean, detail: string, load = loadNow()): string {
  const lines = targetLines.get(currentPart) ?? [];
  lines.push(`- ${met ? 'met' : '**missed**'}: ${label}: ${detail} (load ${load})`);
  targetLines.set(currentPart, lines);
  return met ? `met (${detail})` : `**missed** (${detail})`;
}

/** A part's section with its target lines. */
function sectionOf(part: string): string | undefined {
  const text = sections.get(part);
  if (text === undefined) return undefined;
  const lines = targetLines.get(part) ?? [];
  return lines.length === 0 ? text : [text, '', 'Targets of this section:', '', ...lines].join('\n');
}

/** The range of the 1-minute load averages taken during a measurement's repetitions. */
function loadRange(loads: readonly number[]): string {
  if (loads.length === 0) return '?';
  const lo = Math.min(...loads);
  const hi = Math.max(...loads);
  return lo.toFixed(1) === hi.toFixed(1) ? lo.toFixed(1) : `${lo.toFixed(1)}-${hi.toFixed(1)}`;
}

// ---------------------------------------------------------------- start-up

/** The 1-minute load average now, for the figure measured now. */
const loadNow = (): string => os.loadavg()[0]?.toFixed(1) ?? '?';

/**
 * Wall and CPU milliseconds of one short command, `times` times (CPU from /usr/bin/time when
 * present: user + system of the child).
 */
async function timeCommand(args: string[], times: number): Promise<{ wallMs: number[]; cpuMs: number[] }> {
  const wallMs: number[] = [];
  const cpuMs: number[] = [];
  for (let i = 0; i < times; i++) {
    const m = hasTime
      ? await run(TIME, ['-f', 'cpu %U %S', process.execPath, ...args])
      : await run(process.execPath, args);
    if (m.code !== 0) throw new Error(`node ${args.join(' ')} failed (${m.code}):\n${m.stderr.slice(-2000)}`);
    wallMs.push(m.wallMs);
    const cpu = /cpu ([\d.]+) ([\d.]+)/.exec(m.stderr);
    if (cpu) cpuMs.push((Number(cpu[1]) + Number(cpu[2])) * 1000);
  }
  return { wallMs, cpuMs };
}

async function startup(): Promise<void> {
  const times = quick ? 5 : 20;
  const rows: string[] = [];
  const cases: [string, string[]][] = [
    ['`node -e 0` (Node alone, for reference)', ['-e', '0']],
    ['`emocrowd --help`', [cli, '--help']],
    ['`emocrowd run --help`', [cli, 'run', '--help']],
  ];
  let nodeAlone = Number.NaN;
  for (const [label, args] of cases) {
    const load = loadNow();
    const m = await timeCommand(args, times);
    const wall = median(m.wallMs);
    const cpu = m.cpuMs.length > 0 ? median(m.cpuMs) : Number.NaN;
    const goal = args[0] === cli;
    if (!goal) nodeAlone = wall;
    rows.push(
      `| ${label} | ${fmt(wall)} | ${fmt(Math.min(...m.wallMs))} | ${fmt(cpu)} | ${load} | ${
        goal ? target(`T2 start-up ${label}`, wall < 150, `median ${fmt(wall)} ms vs < 150 ms${wall < 150 ? '' : `; CPU ${fmt(cpu)} ms, and Node alone takes ${fmt(nodeAlone)} ms wall at load ${load}`}`) : '-'
      } |`,
    );
    log(`startup ${label}: ${fmt(wall)} ms wall, ${fmt(cpu)} ms cpu`);
  }
  sections.set(
    'startup',
    [
      '## Start-up: help without loading the commands',
      '',
      `Each command run ${times} times as a whole process (\`node packages/cli/dist/cli.js ...\`); wall`,
      'time median and minimum, CPU (user + system, from `/usr/bin/time`) median. A command\'s definition',
      '(help text and flags) loads no third-party package; its action, with rxjs, LangChain, the ollama',
      'client and SQLite, is imported only when it runs. Target: under 150 ms wall. Under load the wall',
      'time waits for a core; the CPU column is what the command itself costs.',
      '',
      '| command | wall median (ms) | wall min (ms) | CPU median (ms) | load (1 min) | target |',
      '|---|---:|---:|---:|---:|---|',
      ...rows,
    ].join('\n'),
  );
}

// ---------------------------------------------------------------- 1. throughput, whole processes

/** emocrowd's prompt for persona 0 and the answer schema, as the raw clients send them. */
async function writeRawRequest(file: string): Promise<void> {
  const { createPromptBuilder, getTask, resolvePersonas, ANSWER_SCHEMA } = await import('@emocrowd/agents');
  const { createRng } = await import('@emocrowd/models');
  const personas = resolvePersonas('1', { condition: 'combined', rng: createRng(1).fork('personas') });
  const messages = createPromptBuilder()
    .build({ persona: personas.at(0), task: getTask('fargo-seattle'), condition: 'combined' })
    .map((m) => ({ role: m.role === 'system' ? 'system' : 'user', content: m.content }));
  writeFileSync(file, JSON.stringify({ model: 'llama3.2:1b', messages, schema: ANSWER_SCHEMA }));
}

/**
 * T2 and T4: requests per second of whole processes, from spawn to exit, against the test server
 * at 20 ms latency: `emocrowd run` (default summary) vs the raw `ollama` client, and the
 * OpenAI-compatible path (`--model openai:NAME --host URL/v1`) vs a raw `fetch` client.
 */
async function throughput(): Promise<void> {
  const personas = quick ? 500 : 4000;
  const concurrency = 32;
  const latency = 20;
  const requestFile = join(scratch, 'raw-request.json');
  await writeRawRequest(requestFile);
  const server = await startServer(latency);
  const clients: { key: string; label: string; args: () => string[] }[] = [
    { key: 'raw-ollama', label: 'raw `ollama` client (bench/rawClient.mjs ollama)', args: () => [join(root, 'bench/rawClient.mjs'), 'ollama', server.url, String(personas), String(concurrency), requestFile] },
    { key: 'emocrowd', label: '`emocrowd run --model ollama:llama3.2:1b`', args: () => emocrowdArgs(`ollama:llama3.2:1b`, server.url) },
    { key: 'raw-openai', label: 'raw `fetch` client to /v1 (bench/rawClient.mjs openai)', args: () => [join(root, 'bench/rawClient.mjs'), 'openai', server.url, String(personas), String(concurrency), requestFile] },
    { key: 'emocrowd-openai', label: '`emocrowd run --model openai:llama3.2:1b --host URL/v1`', args: () => emocrowdArgs('openai:llama3.2:1b', `${server.url}/v1`) },
  ];
  const emocrowdArgs = (model: string, host: string): string[] => [
    cli, 'run', '--model', model, '--host', host, '--personas', String(personas), '--concurrency', String(concurrency),
    '--no-cache', '--quiet', '--json', '--out', join(mkdtempSync(join(scratch, 'tp-')), 'run'),
  ];
  const walls = new Map<string, number[]>(clients.map((c) => [c.key, []]));
  const loads = new Map<string, number[]>(clients.map((c) => [c.key, []]));
  const notes: string[] = [];
  try {
    for (let r = 0; r < reps; r++) {
      // Interleaved within a repetition, so background load hits every client alike.
      for (const c of clients) {
        loads.get(c.key)?.push(os.loadavg()[0] ?? Number.NaN);
        const m = await run(process.execPath, c.args(), { timeoutMs: 600_000 });
        if (m.code !== 0) throw new Error(`${c.label} failed (${m.code}):\n${m.stderr.slice(-2000)}`);
        const answered = c.key.startsWith('raw')
          ? lastJson<{ answered: number }>(m, c.label).answered
          : (JSON.parse(m.stdout) as RunSummaryJson).counts.answered;
        if (answered !== personas) notes.push(`${c.label}, repetition ${r + 1}: ${answered} of ${personas} answered`);
        walls.get(c.key)?.push(m.wallMs);
      }
    }
  } finally {
    await server.stop();
  }
  const perSecond = (key: string): number => (personas / median(walls.get(key) ?? [])) * 1000;
  const rows = clients.map(
    (c) =>
      `| ${c.label} | ${fmt(median(walls.get(c.key) ?? []) / 1000, 2)} | ${fmt(perSecond(c.key))} | ${loadRange(loads.get(c.key) ?? [])} |`,
  );
  const ratio = perSecond('emocrowd') / perSecond('raw-ollama');
  const openAiRatio = perSecond('emocrowd-openai') / perSecond('raw-openai');
  const load = loadRange([...(loads.get('emocrowd') ?? []), ...(loads.get('raw-ollama') ?? [])]);
  target(
    'T2 `emocrowd run` at the raw `ollama` client\'s pace (whole processes)',
    ratio >= 0.95,
    `${fmt(ratio, 2)} of the raw client's requests/s vs >= 0.95${ratio >= 0.95 ? '' : `: emocrowd's process also loads its commands, builds and parses every persona's prompt and answer, writes responses.jsonl and summarises (subsets, breakdowns); ${fmt((median(walls.get('emocrowd') ?? []) - median(walls.get('raw-ollama') ?? [])) / 1000, 2)} s more in all`}`,
    load,
  );
  target(
    'T4 the OpenAI-compatible path against the test server\'s /v1',
    Number.isFinite(openAiRatio) && notes.length === 0,
    `measured: ${fmt(perSecond('emocrowd-openai'))} requests/s, ${fmt(openAiRatio, 2)} of a raw \`fetch\` client's`,
    loadRange([...(loads.get('emocrowd-openai') ?? []), ...(loads.get('raw-openai') ?? [])]),
  );
  sections.set(
    'throughput',
    [
      '## 1. A client at the server\'s pace: whole processes',
      '',
      `${fmt(personas)} requests, at most ${concurrency} in flight, against the Ollama test server (its own process, ${latency} ms`,
      'latency per request, also serving /v1/chat/completions). Each client is a whole process timed from spawn to',
      'exit (median of ' + reps + ' repetitions, clients interleaved): the raw clients send emocrowd\'s prompt of persona 0',
      'with the answer schema, one non-streaming request each, and do nothing else; `emocrowd run` asks',
      `${fmt(personas)} personas (\`--no-cache\`: every answer from the server) with its default summary and writes its run directory. The machine has ${os.cpus().length} cores, shared by the`,
      'server, the client and anything else running.',
      '',
      '| client | wall (s) | requests/s | load (1 min) |',
      '|---|---:|---:|---:|',
      ...rows,
      '',
      `emocrowd / raw \`ollama\`: **${fmt(ratio, 2)}** (target >= 0.95). OpenAI-compatible path, emocrowd / raw \`fetch\`: ${fmt(openAiRatio, 2)}.`,
      ...(notes.length > 0 ? ['', ...notes.map((n) => `- ${n}`)] : []),
    ].join('\n'),
  );
  log(`throughput: ratio ${fmt(ratio, 2)}, openai ratio ${fmt(openAiRatio, 2)}`);
}

// ---------------------------------------------------------------- 2. client overhead

interface ClientResult {
  client: string;
  requests: number;
  answered: number;
  concurrency: number;
  wallMs: number;
  cpuMs: number;
  perSecond: number;
}

async function clientOverhead(): Promise<void> {
  const clients = ['ollama', 'langchain', 'emocrowd', 'emocrowd-langchain'] as const;
  const latencies = [0, 20];
  const concurrencies = [1, 8, 32, 64];
  const rows: string[] = [];
  const notes: string[] = [];
  for (const latency of latencies) {
    const server = await startServer(latency);
    try {
      for (const c of concurrencies) {
        // At 20 ms and one request in flight, 5,000 requests take 100 s per client and repetition
        // and only measure the latency; 500 say the same.
        const requests = quick ? 500 : latency > 0 && c === 1 ? 500 : 5000;
        const results = new Map<string, ClientResult[]>(clients.map((k) => [k, []]));
        const loads: number[] = [];
        for (let r = 0; r < reps; r++) {
          loads.push(os.loadavg()[0] ?? Number.NaN);
          // Clients interleaved within a repetition, so background load hits them alike.
          for (const client of clients) {
            const m = await run(process.execPath, [
              '--import',
              'tsx',
              'bench/clientOverhead.bench.ts',
              server.url,
              client,
              String(requests),
              String(c),
            ]);
            const res = lastJson<ClientResult>(m, `clientOverhead ${client}`);
            if (res.answered !== requests) notes.push(`${client} at ${latency} ms / ${c}: ${res.answered} of ${requests} answered`);
            results.get(client)?.push(res);
          }
        }
        const per = (k: string): number => median((results.get(k) ?? []).map((x) => x.perSecond));
        const cpu = (k: string): number => median((results.get(k) ?? []).map((x) => (x.cpuMs / x.requests) * 1000));
        const a = per('ollama');
        const b = per('langchain');
        const ratios = (k: string): string => `${fmt(per(k) / a, 2)} of (a), ${fmt(per(k) / b, 2)} of (b)`;
        const e = per('emocrowd');
        const l = per('emocrowd-langchain');
        rows.push(
          `| ${latency} | ${c} | ${fmt(requests)} | ${fmt(a)} | ${fmt(b)} | ${fmt(e)} | ${fmt(l)} | ${fmt(cpu('ollama'))} / ${fmt(cpu('langchain'))} / ${fmt(cpu('emocrowd'))} / ${fmt(cpu('emocrowd-langchain'))} | ${ratios('emocrowd')} | ${fmt(l / b, 2)} of (b) | ${loadRange(loads)} |`,
        );
        log(`client ${latency} ms c=${c}: ollama ${fmt(a)}/s langchain ${fmt(b)}/s emocrowd ${fmt(e)}/s emocrowd-langchain ${fmt(l)}/s`);
      }
    } finally {
      await server.stop();
    }
  }
  target(
    'T4 the raw `ollama` client and LangChain `batch()` rows',
    rows.length > 0,
    `measured at ${latencies.join(' and ')} ms latency, concurrency ${concurrencies.join(', ')}, with the load of every row`,
    loadNow(),
  );
  sections.set(
    'client',
    [
      '## 2. Client-side overhead in one process, against the Ollama test server',
      '',
      'The Ollama test server (packages/models/src/testing) runs in its own process with a fixed latency;',
      '**the machine has only ' +
        os.cpus().length +
        ' cores, so the server, the client and anything else running share them**: the',
      'throughputs below include the server\'s own CPU time. Clients: (a) the raw `ollama` JS client with a',
      'promise pool, one non-streaming `chat` per request; (b) LangChain `ChatOllama.batch(inputs, { maxConcurrency })`',
      '(ChatOllama always streams); and emocrowd = `runCrowd` with a `PersonaAgent` over the Ollama backend stack',
      '(retry, call counter, deadline, OllamaBackend), no cache, prompts built and answers parsed per persona,',
      'summary analysis off - once with the default chat client (`--ollama-client native`: the `ollama` client,',
      'one non-streaming request per answer, the request of (a)) and once with `--ollama-client langchain`',
      '(LangChain\'s `ChatOllama`, streamed, a new instance per call because ChatOllama takes seed, temperature,',
      'num_predict, top_p and keep_alive only as constructor fields). Client CPU µs/request is the client',
      'process\' own CPU time per request: what the client costs, independent of the server.',
      '',
      'Each client is timed inside its process (start-up excluded); the whole-process comparison, the T2 target,',
      'is section 1. The CPU column says where a gap comes from: emocrowd does its own work per answer that (a) does not (prompt building, answer',
      'parsing, the RxJS pipeline, the stack\'s deadline and the adapter\'s per-call abort signals - creating an',
      '`AbortSignal` costs several µs on Node 20, `AbortSignal.any` about 30 µs), while its adapters hand their clients',
      '`httpFetch` (Node\'s HTTP client on kept-alive connections, each answer read whole) where (a) and (b) use the global',
      '`fetch` (undici behind WHATWG streams, about 0.5 ms of client CPU per request on this machine). With `--ollama-client langchain`,',
      'LangChain\'s runnable machinery (callback manager, a message chunk per streamed token, chunk concatenation)',
      'comes on top, as in (b): the last column compares it with (b). The 2 cores are shared with the server',
      'and other processes, so throughputs vary by tens of percent between repetitions.',
      '',
      '| latency (ms) | concurrency | requests | (a) ollama req/s | (b) LangChain req/s | emocrowd req/s | emocrowd langchain req/s | client CPU µs/request (a / b / emocrowd / emocrowd langchain) | emocrowd | emocrowd langchain | load (1 min) |',
      '|---:|---:|---:|---:|---:|---:|---:|---|---|---|---:|',
      ...rows,
      ...(notes.length > 0 ? ['', ...notes.map((n) => `- ${n}`)] : []),
    ].join('\n'),
  );
}

// ---------------------------------------------------------------- 2. scale

interface RunSummaryJson {
  counts: { answered: number; expected: number; modelCalls: number; cached: number };
  timing: { elapsedMs: number; answersPerSecond: number };
}

interface PipelineResult {
  answers: number;
  answeringWallMs: number;
  answeringCpuMs: number;
  summaryWallMs: number;
  summaryCpuMs: number;
  answersPerSecond: number;
  answeringPeakRssMb: number;
  peakRssMb: number;
}

async function cliRun(args: string[], timeoutMs: number): Promise<{ wallMs: number; peakRssMb?: number; summary: RunSummaryJson }> {
  const out = join(mkdtempSync(join(scratch, 'run-')), 'run');
  const m = await run(process.execPath, [cli, 'run', ...args, '--quiet', '--json', '--out', out], { rss: true, timeoutMs });
  if (m.code !== 0) throw new Error(`emocrowd run ${args.join(' ')} failed (${m.code}):\n${m.stderr.slice(-2000)}`);
  const summary = JSON.parse(m.stdout) as RunSummaryJson;
  rmSync(out, { recursive: true, force: true });
  return { wallMs: m.wallMs, ...(m.peakRssMb !== undefined ? { peakRssMb: m.peakRssMb } : {}), summary };
}

async function scale(): Promise<void> {
  const rows: string[] = [];
  // 15,064 personas: the paper space, the CLI's default summary (subsets B = 200, bootstrap 500).
  const paper: { wallMs: number; peakRssMb?: number; summary: RunSummaryJson }[] = [];
  const paperLean: { wallMs: number; peakRssMb?: number; summary: RunSummaryJson }[] = [];
  const paperLoads: number[] = [];
  for (let r = 0; r < reps; r++) {
    paperLoads.push(os.loadavg()[0] ?? Number.NaN);
    paper.push(await cliRun(['--personas', 'paper'], 600_000));
    paperLean.push(await cliRun(['--personas', 'paper', '--subsets', '0'], 600_000));
  }
  const cliRow = (label: string, xs: typeof paper, loads: number[], goal: number | undefined, goalLabel = label): string => {
    const wall = median(xs.map((x) => x.wallMs));
    const answering = median(xs.map((x) => x.summary.timing.elapsedMs));
    const answers = xs[0]?.summary.counts.expected ?? 0;
    const rss = xs.every((x) => x.peakRssMb !== undefined) ? median(xs.map((x) => x.peakRssMb as number)) : Number.NaN;
    return `| ${label} | ${fmt(answers)} | ${fmt(wall / 1000, 2)} | ${fmt(answering / 1000, 2)} | ${fmt((answers / answering) * 1000)} | ${fmt(rss)} | ${loadRange(loads)} | ${
      goal === undefined
        ? '-'
        : target(goalLabel, wall < goal, `${fmt(wall / 1000, 2)} s vs < ${goal / 1000} s${wall < goal ? '' : `, ${fmt(wall / goal, 1)}x`}`, loadRange(loads))
    } |`;
  };
  rows.push(cliRow('CLI `--personas paper` (default summary)', paper, paperLoads, 2000, 'T1 15,064 answers, default summary'));
  rows.push(cliRow('CLI `--personas paper --subsets 0`', paperLean, paperLoads, undefined));
  log(`scale paper: ${fmt(median(paper.map((x) => x.wallMs)))} ms`);

  // A million answers: the 12,096 personas of the default space x 83 replicates = 1,003,968, the
  // CLI's default summary, wall and peak RSS from /usr/bin/time -v.
  const replicates = quick ? '9' : '83';
  const million: { wallMs: number; peakRssMb?: number; summary: RunSummaryJson }[] = [];
  const millionLoads: number[] = [];
  for (let r = 0; r < reps; r++) {
    millionLoads.push(os.loadavg()[0] ?? Number.NaN);
    million.push(await cliRun(['--personas', 'all', '--replicates', replicates], 900_000));
    log(`cli million: ${fmt(million[r]?.wallMs ?? Number.NaN)} ms, rss ${million[r]?.peakRssMb} MB`);
  }
  const millionWall = median(million.map((x) => x.wallMs));
  const millionRss = million.every((x) => x.peakRssMb !== undefined) ? median(million.map((x) => x.peakRssMb as number)) : Number.NaN;
  const millionLoad = loadRange(millionLoads);
  const sizeNote = quick ? `quick mode, ${fmt(million[0]?.summary.counts.expected ?? Number.NaN)} answers, not the target's size: ` : '';
  rows.push(
    `| CLI \`--personas all --replicates ${replicates}\` (default summary) | ${fmt(million[0]?.summary.counts.expected ?? Number.NaN)} | ${fmt(millionWall / 1000, 1)} | ${fmt(median(million.map((x) => x.summary.timing.elapsedMs)) / 1000, 1)} | ${fmt(median(million.map((x) => x.summary.timing.answersPerSecond)))} | ${fmt(millionRss)} | ${millionLoad} | ${target('T1 a million answers, time', millionWall < 30_000, `${sizeNote}${fmt(millionWall / 1000, 1)} s wall vs < 30 s`, millionLoad)}; ${target('T1 a million answers, memory', millionRss < 512, `${sizeNote}${fmt(millionRss)} MB peak RSS vs < 512 MB`, millionLoad)} |`,
  );

  // Where the time goes: the pipeline in one process, answering and the default summary apart.
  const phaseLoad = loadNow();
  const phases = await run(process.execPath, ['--import', 'tsx', 'bench/pipeline.bench.ts', 'all', replicates, 'full'], { timeoutMs: 900_000 });
  const split = phases.code === 0 ? lastJson<PipelineResult>(phases, 'pipeline.bench full') : undefined;
  sections.set(
    'scale',
    [
      '## 3. Built-in model at scale',
      '',
      'The real pipeline: persona space -> prompt -> synthetic model -> text -> parse -> runCrowd -> summary.',
      '`--personas N` samples N distinct personas of the default space (12,096 personas; more is refused, since a',
      'persona asked twice with the same seed gives the same answer). A million *distinct*',
      'answers are therefore asked as `--personas all --replicates 83` (12,096 x 83 = 1,003,968 answers, each',
      'replicate with its own seed). Every CLI run writes its run directory (responses.jsonl, summary.json) and',
      'computes the default summary: every strategy, the metrics, breakdowns by every dimension with their',
      'intervals, effect sizes and the subset analysis (B = 200; its grid capped at 20,000, see docs/metrics.md).',
      'Wall time and peak RSS come from `/usr/bin/time -v`; the answering time is the summary\'s `timing.elapsedMs`',
      '(everything before the summary).',
      '',
      '| run | answers | wall (s) | answering (s) | answers/s | peak RSS (MB) | load (1 min) | target |',
      '|---|---:|---:|---:|---:|---:|---:|---|',
      ...rows,
      '',
      split
        ? `Where a million answers' time goes (bench/pipeline.bench.ts, one process, the same default summary, 1 repetition, load ${phaseLoad}): answering ${fmt(split.answeringWallMs / 1000, 1)} s wall (${fmt(split.answeringCpuMs / 1000, 1)} s CPU, peak RSS ${fmt(split.answeringPeakRssMb)} MB by its end), summary ${fmt(split.summaryWallMs / 1000, 1)} s wall (${fmt(split.summaryCpuMs / 1000, 1)} s CPU), peak RSS ${fmt(split.peakRssMb)} MB overall.`
        : `The phase split (bench/pipeline.bench.ts) failed (exit ${phases.code}).`,
    ].join('\n'),
  );
}

// ---------------------------------------------------------------- 4. stopping

interface StoppingSeed {
  seed: number;
  population: number;
  reason: string;
  crowd: number;
  asked: number;
  callsSaved: number;
  stoppedMedian: number;
  fullMedian: number;
  relError: number;
  lower: number | null;
  upper: number | null;
  covered: boolean;
  naiveStop: number;
}

/** T3: `--stop-at-precision 0.02` on the paper space, the synthetic model, 20 seeds. */
async function stopping(): Promise<void> {
  const precision = 0.02;
  const seeds = quick ? 3 : 20;
  const load = loadNow();
  const m = await run(process.execPath, ['--import', 'tsx', 'bench/stopping.bench.ts', String(precision), String(seeds)], {
    timeoutMs: 1_800_000,
  });
  const result = lastJson<{ precision: number; seeds: StoppingSeed[] }>(m, 'stopping.bench').seeds;
  const loadEnd = loadNow();
  const population = result[0]?.population ?? 15_064;
  const maxAsked = Math.max(...result.map((x) => x.asked));
  const maxError = Math.max(...result.map((x) => Math.abs(x.relError)));
  const saved = result.map((x) => x.callsSaved);
  const covered = result.filter((x) => x.covered).length;
  const loads = `${load}-${loadEnd}`;
  target(
    'T3 `--stop-at-precision 0.02` asks at most a fifth of the paper space',
    maxAsked <= population / 5,
    `at most ${fmt(maxAsked)} of ${fmt(population)} asked over ${seeds} seeds (${fmt((maxAsked / population) * 100, 1)}%, median ${fmt(median(result.map((x) => x.asked)))}) vs <= ${fmt(population / 5)}${
      maxAsked <= population / 5
        ? ''
        : `; even a fixed-sample interval that ignores the repeated looks, not a valid stopping rule, would have needed a median of ${fmt(median(result.map((x) => x.naiveStop)))} answers (at most ${fmt(Math.max(...result.map((x) => x.naiveStop)))}): the synthetic crowd is spread widely around its median (round hundreds from 1,000 to 1,500 hold about 4% of the answers each), so a 95% interval ${precision * 100}% wide needs thousands of answers before any correction for looking often, and the always-valid sequence costs about twice a fixed-sample interval's answers (docs/metrics.md)`
    }`,
    loads,
  );
  target(
    "T3 the stopped crowd's median within 2% of the full crowd's",
    maxError <= 0.02,
    `largest error ${fmt(maxError * 100, 2)}% over ${seeds} seeds vs <= 2%`,
    loads,
  );
  const rows = result.map(
    (x) =>
      `| ${x.seed} | ${x.reason} | ${fmt(x.asked)} | ${fmt(x.callsSaved)} | ${fmt(x.stoppedMedian, 1)} | ${fmt(x.fullMedian, 1)} | ${fmt(x.relError * 100, 2)}% | [${x.lower === null ? '-inf' : fmt(x.lower, 1)}, ${x.upper === null ? 'inf' : fmt(x.upper, 1)}] | ${x.covered ? 'yes' : '**no**'} | ${fmt(x.naiveStop)} |`,
  );
  sections.set(
    'stopping',
    [
      '## 4. Crowds that stop when they have the answer',
      '',
      `The paper space (${fmt(population)} personas), the built-in synthetic model, asked whole and with`,
      `\`--stop-at-precision ${precision}\` (the median's 95% confidence sequence narrower than ${precision * 100}% of the median; a look every`,
      `${fmt(result[0]?.crowd !== undefined ? Math.max(50, Math.ceil(population / 200)) : 50)} answers), for each of ${seeds} seeds (bench/stopping.bench.ts; the seed fixes the answers and the`,
      'random order). Error = (stopped median - full median) / full median. "Covered": the interval at the stop',
      'holds the full crowd\'s median. "Fixed-sample stop": where an interval that ignores the repeated looks',
      '(normal approximation, order statistics) would first have been narrow enough on the same order - not a',
      `valid rule, shown for what the always-valid interval costs. Load ${loads} (1 min, start-end).`,
      '',
      '| seed | reason | asked | calls saved | stopped median | full median | error | interval at the stop | covered | fixed-sample stop |',
      '|---:|---|---:|---:|---:|---:|---:|---|---|---:|',
      ...rows,
      '',
      `Over ${seeds} seeds: asked ${fmt(Math.min(...result.map((x) => x.asked)))}-${fmt(maxAsked)} of ${fmt(population)}; calls saved median ${fmt(median(saved))} (${fmt((median(saved) / population) * 100, 1)}%), least ${fmt(Math.min(...saved))}; |error| median ${fmt(median(result.map((x) => Math.abs(x.relError))) * 100, 2)}%, largest ${fmt(maxError * 100, 2)}%; the interval covered the full median in ${covered} of ${seeds}.`,
    ].join('\n'),
  );
  log(`stopping: max asked ${maxAsked}, max error ${fmt(maxError * 100, 2)}%`);
}

// ---------------------------------------------------------------- 5. analysis

async function analysis(): Promise<void> {
  const results: { wallMs: number; cpuMs: number; strategies: number }[] = [];
  for (let r = 0; r < reps; r++) {
    const m = await run(process.execPath, ['--import', 'tsx', 'bench/analysis.bench.ts', quick ? '5000' : '17000', '1000']);
    results.push(lastJson(m, 'analysis.bench'));
  }
  const wall = median(results.map((x) => x.wallMs));
  const cpu = median(results.map((x) => x.cpuMs));
  log(`analysis: ${fmt(wall)} ms wall, ${fmt(cpu)} ms cpu`);
  sections.set(
    'analysis',
    [
      '## 5. Subset-size analysis',
      '',
      `\`subsetAnalysis\` over ${quick ? '5,000' : '17,000'} estimates (bench/analysis.bench.ts), all ${results[0]?.strategies ?? '?'} registered strategies,`,
      'B = 1000 permutations (strategies without an incremental form use their fallbackB, 100). Target < 2 s.',
      '',
      '| wall (ms) | CPU (ms) | target |',
      '|---:|---:|---|',
      `| ${fmt(wall)} | ${fmt(cpu)} | ${target('subset analysis', wall < 2000, `${fmt(wall / 1000, 2)} s wall vs < 2 s${wall < 2000 ? '' : `, ${fmt(wall / 2000, 1)}x`}`)} |`,
    ].join('\n'),
  );
}

// ---------------------------------------------------------------- 6. cache

async function cache(): Promise<void> {
  const personas = quick ? '200' : '1000';
  const rows: { coldMs: number; warmMs: number; coldCalls: number; warmCalls: number; warmServer: number; cached: number }[] = [];
  for (let r = 0; r < reps; r++) {
    const server = await startOllamaTestServer({ latencyMs: 0 });
    const cacheFile = join(scratch, `cache-${r}.sqlite`);
    try {
      const args = ['--model', 'ollama:llama3.2:1b', '--host', server.url, '--personas', personas, '--cache', cacheFile, '--concurrency', '16'];
      const chats = (): number => server.requests.filter((q) => q.path === '/api/chat').length;
      const cold = await cliRun(args, 600_000);
      const afterCold = chats();
      const warm = await cliRun(args, 600_000);
      rows.push({
        coldMs: cold.wallMs,
        warmMs: warm.wallMs,
        coldCalls: cold.summary.counts.modelCalls,
        warmCalls: warm.summary.counts.modelCalls,
        warmServer: chats() - afterCold,
        cached: warm.summary.counts.cached,
      });
    } finally {
      await server.close();
      rmSync(cacheFile, { force: true });
    }
  }
  const warmCalls = Math.max(...rows.map((x) => x.warmCalls));
  const warmServer = Math.max(...rows.map((x) => x.warmServer));
  log(`cache: warm calls ${warmCalls}, server ${warmServer}`);
  sections.set(
    'cache',
    [
      '## 6. Response cache',
      '',
      `\`emocrowd run --model ollama:llama3.2:1b --personas ${personas} --cache FILE\` against the test server, then the`,
      'same command again (a new run directory, the same cache). Model calls as counted by the run summary and',
      'as counted by the server (`/api/chat` requests). Target: the rerun makes 0 model calls.',
      '',
      '| run | wall (s) | model calls (summary) | /api/chat at the server | answers from the cache |',
      '|---|---:|---:|---:|---:|',
      `| first run | ${fmt(median(rows.map((x) => x.coldMs)) / 1000, 2)} | ${fmt(median(rows.map((x) => x.coldCalls)))} | - | 0 |`,
      `| rerun | ${fmt(median(rows.map((x) => x.warmMs)) / 1000, 2)} | ${fmt(median(rows.map((x) => x.warmCalls)))} | ${fmt(median(rows.map((x) => x.warmServer)))} | ${fmt(median(rows.map((x) => x.cached)))} |`,
      '',
      `Target: ${target('cache rerun', warmCalls === 0 && warmServer === 0, `at most ${warmCalls} model calls and ${warmServer} server requests in any rerun`)}.`,
    ].join('\n'),
  );
}

// ---------------------------------------------------------------- main

const PARTS = ['startup', 'throughput', 'client', 'scale', 'stopping', 'analysis', 'cache'] as const;
const RUNS: Record<(typeof PARTS)[number], () => Promise<void>> = {
  startup,
  throughput,
  client: clientOverhead,
  scale,
  stopping,
  analysis,
  cache,
};
try {
  for (const part of PARTS) {
    if (!only.has(part)) continue;
    currentPart = part;
    await RUNS[part]();
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

/** The heading each part's section starts with. */
const HEADING_OF: Record<(typeof PARTS)[number], RegExp> = {
  startup: /^## Start-up/,
  throughput: /^## 1\. /,
  client: /^## 2\. /,
  scale: /^## 3\. /,
  stopping: /^## 4\. /,
  analysis: /^## 5\. /,
  cache: /^## 6\. /,
};
/** A target line of a section (`target()`), gathered at the top of the report. */
const TARGET_LINE = /^- (met|\*\*missed\*\*): /;
const cpus = os.cpus();
const memGb = os.totalmem() / 1024 ** 3;
const loadAtEnd = os.loadavg();
const git = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout.trim();
const when = `${startedAt.toISOString()} (took ${fmt((Date.now() - startedAt.getTime()) / 60000, 1)} min); commit ${git || 'unknown'} plus working tree`;
const load = `load average at start ${loadAtStart.map((x) => x.toFixed(1)).join(' / ')}, at end ${loadAtEnd.map((x) => x.toFixed(1)).join(' / ')} (1 / 5 / 15 min)`;
const previous = flags.only !== undefined && existsSync(flags.out as string) ? readFileSync(flags.out as string, 'utf8') : undefined;
const report = previous === undefined ? fullReport() : partialReport(previous);
writeFileSync(flags.out as string, report);
log(`wrote ${flags.out}`);

/**
 * The targets section: every target line of the sections, the four targets (T1-T4) first in
 * order, then the others; a part not measured says so.
 */
function targetsSection(body: readonly string[]): string[] {
  const lines = body.flatMap((section) => section.split('\n').filter((line) => TARGET_LINE.test(line)));
  const numbered = (t: string) => lines.filter((line) => line.replace(TARGET_LINE, '').startsWith(`${t} `));
  const ordered = ['T1', 'T2', 'T3', 'T4'].flatMap((t) =>
    numbered(t).length > 0 ? numbered(t) : [`- not measured: ${t} (its part was not run)`],
  );
  const others = lines.filter((line) => !/^T\d /.test(line.replace(TARGET_LINE, '')));
  return [
    '## Targets',
    '',
    'T1 a million answers (< 30 s, < 512 MB) and 15,064 under 2 s; T2 a client at the server\'s pace (>= 0.95 of the raw',
    '`ollama` client, whole processes) and help under 150 ms; T3 crowds that stop when they have the answer; T4 the',
    'suite itself (raw `ollama` and LangChain `batch()` rows kept, the OpenAI-compatible path, load with every figure).',
    'Each line: met or missed, the figure and why, and the 1-minute load average when it was measured: a figure',
    'taken at a load near or above the number of cores is a figure of a busy machine.',
    '',
    ...ordered,
    ...(others.length > 0 ? ['', 'Other targets:', '', ...others] : []),
  ];
}

/** The whole report, from this run alone. */
function fullReport(): string {
  const body = PARTS.map((part) => sectionOf(part)).filter((x): x is string => x !== undefined);
  return [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (bench/run.ts); overwritten on every run (`--only PART` re-measures',
    'only that part and keeps the others). Each number is the median of',
    `${reps} repetitions unless a row says otherwise; every measurement runs the built packages (dist) in its own process.`,
    ...(quick ? ['', '**Quick mode (`--quick`): reduced sizes - these numbers do not measure the targets.**'] : []),
    '',
    '## Machine',
    '',
    `- CPU: ${cpus[0]?.model ?? 'unknown'}, ${cpus.length} cores`,
    `- Memory: ${fmt(memGb, 1)} GB`,
    `- Node ${process.version}, ${os.platform()} ${os.release()}`,
    `- Date: ${when}`,
    `- ${load[0]?.toUpperCase()}${load.slice(1)}: other work on the machine inflates wall times; CPU times are the steadier figure.`,
    '',
    ...targetsSection(body),
    '',
    ...body.flatMap((section) => [section, '']),
  ].join('\n');
}

/**
 * The previous report with the parts of this run (`--only`) replaced (their sections and so
 * their target lines); the machine block gains a line saying what was re-measured when.
 */
function partialReport(old: string): string {
  const targetsAt = old.indexOf('\n## Targets');
  const firstSection = targetsAt < 0 ? -1 : old.slice(targetsAt + 2).search(/^## /m) + targetsAt + 2;
  if (targetsAt < 0 || firstSection <= targetsAt + 2) return fullReport();
  const head = old.slice(0, targetsAt).trimEnd();
  const oldSections = old.slice(firstSection).split(/^(?=## )/m);
  const oldSection = (part: (typeof PARTS)[number]): string | undefined =>
    oldSections.find((section) => HEADING_OF[part].test(section))?.trimEnd();
  const body = PARTS.map((part) => sectionOf(part) ?? oldSection(part)).filter((x): x is string => x !== undefined);
  const remeasured = PARTS.filter((p) => sections.has(p)).join(', ');
  return [
    head,
    `- Re-measured with \`--only ${flags.only}\` (${remeasured}): ${when}; ${load}. The other sections are from the date above.`,
    '',
    ...targetsSection(body),
    '',
    ...body.flatMap((section) => [section, '']),
  ].join('\n');
}

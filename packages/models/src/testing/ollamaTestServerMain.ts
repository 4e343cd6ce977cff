/**
 * Runs the Ollama test server as a standalone process, for CLI tests and demos.
 *
 * The first line on stdout is the server's base URL; the process stops on SIGINT / SIGTERM.
 * Flags: --port N, --models a,b, --latency-ms N, --fail-rate P, --fail-kinds busy,reset,
 * --seed N, --max-pending N, --version V; for /v1/batches: --batch-concurrency N (requests of a
 * batch answered at once), --batch-validating-ms N, --batch-finalizing-ms N.
 *
 * @example
 * npx tsx packages/models/src/testing/ollamaTestServerMain.ts --models llama3.2:1b --fail-rate 0.1 --seed 7
 */
import { parseArgs } from 'node:util';
import type { OllamaTestServerOptions } from './OllamaTestServer.js';
import { startOllamaTestServer } from './OllamaTestServer.js';
import type { OllamaFaultKind } from './OllamaTestServerFaults.js';
import { OLLAMA_FAULT_KINDS } from './OllamaTestServerFaults.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    models: { type: 'string' },
    'latency-ms': { type: 'string' },
    'fail-rate': { type: 'string' },
    'fail-kinds': { type: 'string' },
    seed: { type: 'string' },
    'max-pending': { type: 'string' },
    version: { type: 'string' },
    'batch-concurrency': { type: 'string' },
    'batch-validating-ms': { type: 'string' },
    'batch-finalizing-ms': { type: 'string' },
  },
  strict: true,
});

function num(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isFinite(n)) {
    process.stderr.write(`--${name} expects a number, got "${text}"\n`);
    process.exit(2);
  }
  return n;
}

const options: OllamaTestServerOptions = {};
const port = num('port', values.port);
if (port !== undefined) options.port = port;
if (values.models)
  options.models = values.models
    .split(',')
    .map((m) => m.trim())
    .filter(Boolean);
const latency = num('latency-ms', values['latency-ms']);
if (latency !== undefined) options.latencyMs = latency;
const failRate = num('fail-rate', values['fail-rate']);
if (failRate !== undefined) options.failRate = failRate;
const seed = num('seed', values.seed);
if (seed !== undefined) options.seed = seed;
const maxPending = num('max-pending', values['max-pending']);
if (maxPending !== undefined) options.maxPending = maxPending;
if (values.version) options.version = values.version;
const batchConcurrency = num('batch-concurrency', values['batch-concurrency']);
const validatingMs = num('batch-validating-ms', values['batch-validating-ms']);
const finalizingMs = num('batch-finalizing-ms', values['batch-finalizing-ms']);
options.batches = {
  ...(batchConcurrency !== undefined ? { concurrency: batchConcurrency } : {}),
  ...(validatingMs !== undefined ? { validatingMs } : {}),
  ...(finalizingMs !== undefined ? { finalizingMs } : {}),
};
if (values['fail-kinds']) {
  const kinds = values['fail-kinds'].split(',').map((k) => k.trim());
  const unknown = kinds.filter((k) => !(OLLAMA_FAULT_KINDS as readonly string[]).includes(k));
  if (unknown.length > 0) {
    process.stderr.write(
      `unknown --fail-kinds ${unknown.join(', ')}; known: ${OLLAMA_FAULT_KINDS.join(', ')}\n`,
    );
    process.exit(2);
  }
  options.failKinds = kinds as OllamaFaultKind[];
}

const server = await startOllamaTestServer(options);
process.stdout.write(`${server.url}\n`);

const stop = (): void => {
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);

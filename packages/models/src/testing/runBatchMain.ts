/**
 * An offline batch runner on the test server's inference, for tests and demos without a GPU:
 * the stand-in for `vllm run-batch -i requests.jsonl -o results.jsonl --model M` (see
 * `runBatchFile`). Prints one line with the counts on stderr; exits 2 on bad flags or input.
 * Flags: -i/--input-file FILE, -o/--output-file FILE, --model M, --latency-ms N,
 * --fail-rate P, --fail-kinds busy,server-error, --seed N, --concurrency N.
 *
 * @example
 * npx tsx packages/models/src/testing/runBatchMain.ts -i requests.jsonl -o results.jsonl --model llama3.2:1b
 */
import { parseArgs } from 'node:util';
import type { OllamaFaultKind, OllamaFaultOptions } from './OllamaTestServerFaults.js';
import { OLLAMA_FAULT_KINDS } from './OllamaTestServerFaults.js';
import { runBatchFile } from './runBatchFile.js';

function fail(message: string): never {
  process.stderr.write(`run-batch: ${message}\n`);
  process.exit(2);
}

let values: ReturnType<typeof parse>['values'];
function parse() {
  return parseArgs({
    options: {
      'input-file': { type: 'string', short: 'i' },
      'output-file': { type: 'string', short: 'o' },
      model: { type: 'string' },
      'latency-ms': { type: 'string' },
      'fail-rate': { type: 'string' },
      'fail-kinds': { type: 'string' },
      seed: { type: 'string' },
      concurrency: { type: 'string' },
    },
    strict: true,
  });
}
try {
  values = parse().values;
} catch (error) {
  fail((error as Error).message);
}

function num(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isFinite(n)) fail(`--${name} expects a number, got "${text}"`);
  return n;
}

const input = values['input-file'] ?? fail('-i/--input-file FILE is required');
const output = values['output-file'] ?? fail('-o/--output-file FILE is required');
const model = values.model ?? fail('--model M is required');
const faults: OllamaFaultOptions = {};
const latency = num('latency-ms', values['latency-ms']);
if (latency !== undefined) faults.latencyMs = latency;
const failRate = num('fail-rate', values['fail-rate']);
if (failRate !== undefined) faults.failRate = failRate;
const seed = num('seed', values.seed);
if (seed !== undefined) faults.seed = seed;
if (values['fail-kinds']) {
  const kinds = values['fail-kinds'].split(',').map((k) => k.trim());
  const unknown = kinds.filter((k) => !(OLLAMA_FAULT_KINDS as readonly string[]).includes(k));
  if (unknown.length > 0)
    fail(`unknown --fail-kinds ${unknown.join(', ')}; known: ${OLLAMA_FAULT_KINDS.join(', ')}`);
  faults.failKinds = kinds as OllamaFaultKind[];
}
const concurrency = num('concurrency', values.concurrency);

try {
  const result = await runBatchFile({
    input,
    output,
    model,
    faults,
    ...(concurrency !== undefined ? { concurrency } : {}),
  });
  process.stderr.write(
    `run-batch: ${result.requests} requests, ${result.answered} answered, ${result.failed} failed -> ${output}\n`,
  );
} catch (error) {
  fail((error as Error).message);
}

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type OllamaTestServer, runBatchFile, startOllamaTestServer } from '@emocrowd/models/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../packages/cli/src/testing/runCli.js';
import { type DocumentedCheck, expectDocumentedIn } from './documentedKeys.js';

/**
 * The batch section of docs/json-output.md cannot drift: the JSON of run --batch-out, batch
 * export, import, submit, fetch and status, and the lines of a batch file, are held against its
 * tables both ways.
 */

const DOC = readFileSync(fileURLToPath(new URL('../json-output.md', import.meta.url)), 'utf8');
const expectDocumented = (...args: DocumentedCheck) => expectDocumentedIn(DOC, ...args);
const MODEL = 'llama3.2:1b';

let server: OllamaTestServer;
let dir = '';
beforeAll(async () => {
  server = await startOllamaTestServer({ models: [MODEL], batches: { validatingMs: 1, finalizingMs: 1 } });
  dir = mkdtempSync(join(tmpdir(), 'emocrowd-batch-json-doc-'));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const cli = async (args: string[]) => {
  const r = await runCli(args, { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};
const RUN = ['run', '--model', `openai:${MODEL}`, '--personas', '12', '--no-cache', '--subsets', '0', '--json'];

describe('docs/json-output.md, batch files', () => {
  it('documents run --batch-out, batch export and batch import --json', async () => {
    const made = await cli([...RUN, '--host', server.url, '--out', 'run', '--batch-out', 'requests.jsonl']);
    expectDocumented('### `batch export --json`, `run --batch-out --json`', made, 'all-optional-present');
    const line = JSON.parse(readFileSync(join(dir, 'requests.jsonl'), 'utf8').split('\n')[0] as string);
    expect(Object.keys(line)).toEqual(['custom_id', 'method', 'url', 'body']);
    expect(line.custom_id).toMatch(/^ec-[0-9a-f]{8}_p\d+_r0_t0_[0-9a-f]{12}$/);
    // Half the answers, so the round has missing requests to list.
    await runBatchFile({ input: join(dir, 'requests.jsonl'), output: join(dir, 'all.jsonl'), model: MODEL });
    const half = readFileSync(join(dir, 'all.jsonl'), 'utf8').split('\n').slice(0, 6).join('\n');
    writeFileSync(join(dir, 'half.jsonl'), `${half}\n`);
    const imported = await cli(['batch', 'import', 'run', 'half.jsonl', '--json', '--quiet']);
    expectDocumented('### `batch import --json`', imported, 'all-optional-present');
    expect(imported.missing).toHaveLength(6);
    for (const id of imported.missing) expect(Object.keys(id)).toEqual(['personaIndex', 'replicate', 'round']);
    const exported = await cli(['batch', 'export', 'run', '--json', '--quiet']);
    expectDocumented('### `batch export --json`, `run --batch-out --json`', exported, 'optional-may-miss');
    expect(exported).toMatchObject({ round: 0, requests: 6 });
  });

  it('documents batch submit, fetch and status --json, and the ledger', async () => {
    await cli([...RUN, '--host', server.url, '--out', 'api', '--batch-out', 'api.jsonl']);
    const submitted = await cli(['batch', 'submit', 'api', '--json', '--quiet']);
    expect(Object.keys(submitted)).toEqual(['round', 'batches']);
    expect(Object.keys(submitted.batches[0])).toEqual(['file', 'fileId', 'batchId', 'status']);
    const fetched = await cli(['batch', 'fetch', 'api', '--poll-interval', '5', '--json', '--quiet']);
    expectDocumented('### `batch fetch --json`, `batch submit --wait --json`', fetched, 'all-optional-present');
    for (const batch of fetched.batches) expect(Object.keys(batch).sort()).toEqual(['batchId', 'counts', 'file', 'status']);
    expectDocumented('### `batch import --json`', fetched.imported, 'all-optional-present');
    const ledger = await cli(['batch', 'status', 'api', '--json']);
    expectDocumented('### The batch ledger (`batch/batches.json`)', ledger, 'all-optional-present');
    expect(ledger).toEqual(JSON.parse(readFileSync(join(dir, 'api', 'batch', 'batches.json'), 'utf8')));
    for (const entry of ledger.exports) {
      expectDocumented('#### `exports[]`', entry, 'all-optional-present');
      for (const file of entry.files) expectDocumented('#### `exports[].files[]`', file, 'all-optional-present', ['error']);
    }
  });
});

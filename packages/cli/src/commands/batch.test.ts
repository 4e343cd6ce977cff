import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { batchRunTag } from '@emocrowd/crowd';
import { BatchApiClient, OPENAI_BATCH_LIMITS } from '@emocrowd/models';
import { type OllamaTestServer, runBatchFile, startOllamaTestServer } from '@emocrowd/models/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchFileFlags } from '../flags.js';
import { runCli } from '../testing/runCli.js';

const MODEL = 'llama3.2:1b';
let server: OllamaTestServer;
let root = '';
beforeAll(async () => {
  server = await startOllamaTestServer({
    models: [MODEL],
    batches: { validatingMs: 5, finalizingMs: 5, concurrency: 8 },
  });
  root = mkdtempSync(join(tmpdir(), 'emocrowd-batch-cli-'));
});
afterAll(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

const cli = (args: string[]) => runCli(args, { cwd: root, env: { NO_COLOR: '1' } });
const run = (personas: number, extra: string[] = []) => [
  'run',
  '--model',
  `openai:${MODEL}`,
  '--host',
  server.url,
  '--personas',
  String(personas),
  '--seed',
  '11',
  '--subsets',
  '50',
  '--no-cache',
  ...extra,
];
const summaryOf = (dir: string) => {
  const {
    timing: _t,
    runId: _r,
    ...rest
  } = JSON.parse(readFileSync(join(root, dir, 'summary.json'), 'utf8'));
  return rest;
};
const lines = (path: string) => readFileSync(join(root, path), 'utf8').trim().split('\n');

describe('emocrowd run --batch-out and emocrowd batch import', () => {
  it('300 personas exported, answered by vLLM-style run-batch and imported give the online summary; a second import changes nothing', async () => {
    server.clearRequests();
    const online = await cli([...run(300), '--out', 'online', '--quiet']);
    expect(online.code, online.stderr).toBe(0);
    const bodiesOnline = server.requests.filter((r) => r.path === '/v1/chat/completions').map((r) => r.text);
    expect(bodiesOnline).toHaveLength(300);
    server.clearRequests();

    const exported = await cli([...run(300), '--out', 'batch', '--batch-out', 'requests.jsonl', '--json']);
    expect(exported.code, exported.stderr).toBe(0);
    expect(server.requests).toEqual([]);
    expect(JSON.parse(exported.stdout)).toMatchObject({
      round: 0,
      requests: 300,
      fromCache: 0,
      files: [{ path: join(root, 'requests.jsonl'), lines: 300 }],
    });
    // Every line carries, byte for byte, a body the server received online.
    const prefix =
      /^\{"custom_id":"ec-[0-9a-f]{8}_p\d+_r0_t0_[0-9a-f]{12}","method":"POST","url":"\/v1\/chat\/completions","body":/;
    const bodiesBatch = lines('requests.jsonl').map((line) => {
      expect(line).toMatch(prefix);
      return line.replace(prefix, '').slice(0, -1);
    });
    expect(bodiesBatch.sort()).toEqual([...bodiesOnline].sort());

    await runBatchFile({
      input: join(root, 'requests.jsonl'),
      output: join(root, 'results.jsonl'),
      model: MODEL,
    });
    const imported = await cli(['batch', 'import', 'batch', 'results.jsonl', '--json']);
    expect(imported.code, imported.stderr).toBe(0);
    const report = JSON.parse(imported.stdout);
    expect(report).toMatchObject({
      round: 0,
      missingCount: 0,
      failedCount: 0,
      alreadyStored: 0,
      complete: true,
    });
    expect(report.imported.ok + report.imported.unparsed).toBe(300);
    expect(summaryOf('batch')).toEqual(summaryOf('online'));

    const before = readFileSync(join(root, 'batch', 'responses.jsonl'), 'utf8');
    const again = await cli(['batch', 'import', 'batch', 'results.jsonl', '--json']);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({
      imported: { ok: 0, unparsed: 0, failed: 0 },
      alreadyStored: 300,
    });
    expect(readFileSync(join(root, 'batch', 'responses.jsonl'), 'utf8')).toBe(before);
    expect(summaryOf('batch')).toEqual(summaryOf('online'));
  }, 120_000);

  it('goes round by round by hand: round 1 is exported only once round 0 is imported, with the online bodies', async () => {
    const args = ['--rounds', '2', '--influence', 'aggregate'];
    server.clearRequests();
    const online = await cli([...run(20, args), '--out', 'hand-online', '--quiet']);
    expect(online.code, online.stderr).toBe(0);
    const bodiesOnline = server.requests.filter((r) => r.path === '/v1/chat/completions').map((r) => r.text);
    expect(bodiesOnline).toHaveLength(40);
    const bodyOf = (line: string) => JSON.stringify(JSON.parse(line).body);
    const roundOf = (line: string) => Number(/_t(\d+)_/.exec(JSON.parse(line).custom_id)?.[1]);

    const first = await cli([...run(20, args), '--out', 'hand', '--batch-out', 'hand-r0.jsonl', '--json']);
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ round: 0, requests: 20 });
    // Before round 0 is imported, an export asks round 0 again, never round 1.
    const early = await cli(['batch', 'export', 'hand', '--out', 'hand-early.jsonl', '--json']);
    expect(JSON.parse(early.stdout)).toMatchObject({ round: 0, requests: 20 });
    expect(lines('hand-early.jsonl')).toEqual(lines('hand-r0.jsonl'));
    await runBatchFile({
      input: join(root, 'hand-r0.jsonl'),
      output: join(root, 'hand-r0.out.jsonl'),
      model: MODEL,
    });
    const r0 = await cli(['batch', 'import', 'hand', 'hand-r0.out.jsonl', '--json']);
    expect(JSON.parse(r0.stdout)).toMatchObject({
      round: 0,
      missingCount: 0,
      failedCount: 0,
      complete: false,
    });
    // The summary so far counts round 1 as missing.
    expect(JSON.parse(readFileSync(join(root, 'hand', 'summary.json'), 'utf8')).counts.missing).toBe(20);

    const second = await cli(['batch', 'export', 'hand', '--out', 'hand-r1.jsonl', '--json']);
    expect(JSON.parse(second.stdout)).toMatchObject({ round: 1, requests: 20 });
    expect(lines('hand-r1.jsonl').map(roundOf)).toEqual(Array(20).fill(1));
    // Round 1 shows each persona round 0's answers: its bodies are those the online run sent.
    const bodiesBatch = [...lines('hand-r0.jsonl'), ...lines('hand-r1.jsonl')].map(bodyOf);
    expect(bodiesBatch.sort()).toEqual(bodiesOnline.map((b) => JSON.stringify(JSON.parse(b))).sort());
    await runBatchFile({
      input: join(root, 'hand-r1.jsonl'),
      output: join(root, 'hand-r1.out.jsonl'),
      model: MODEL,
    });
    const r1 = await cli(['batch', 'import', 'hand', 'hand-r1.out.jsonl', '--json']);
    expect(JSON.parse(r1.stdout)).toMatchObject({ round: 1, complete: true });
    expect(summaryOf('hand')).toEqual(summaryOf('hand-online'));
    const done = await cli(['batch', 'export', 'hand', '--out', 'hand-r2.jsonl']);
    expect(done.code, done.stderr).toBe(0);
    expect(done.stderr).toMatch(/every answer of hand is stored; nothing to export/);
    expect(existsSync(join(root, 'hand-r2.jsonl'))).toBe(false);
  }, 120_000);

  it('exports and imports one shard of a crowd, which merges with the other as online shards do', async () => {
    for (const i of [1, 2]) {
      const made = await cli([
        ...run(24),
        '--shard',
        `${i}/2`,
        '--out',
        `bshard${i}`,
        '--batch-out',
        `bshard${i}.jsonl`,
        '--json',
      ]);
      expect(made.code, made.stderr).toBe(0);
      expect(JSON.parse(made.stdout).requests).toBe(12);
      await runBatchFile({
        input: join(root, `bshard${i}.jsonl`),
        output: join(root, `bshard${i}.out.jsonl`),
        model: MODEL,
      });
      const imported = await cli(['batch', 'import', `bshard${i}`, `bshard${i}.out.jsonl`, '--json']);
      expect(JSON.parse(imported.stdout)).toMatchObject({ complete: true, missingCount: 0 });
    }
    const online = await cli([...run(24), '--out', 'bshard-online', '--quiet']);
    expect(online.code, online.stderr).toBe(0);
    const merged = await cli(['merge', 'bshard1', 'bshard2', '--out', 'bshard-merged', '--quiet']);
    expect(merged.code, merged.stderr).toBe(0);
    expect(summaryOf('bshard-merged')).toEqual(summaryOf('bshard-online'));
  });

  it("splits at the OpenAI Batch API's limits unless told otherwise: 50,000 requests, 200 MB", () => {
    expect(OPENAI_BATCH_LIMITS).toEqual({ maxLines: 50_000, maxBytes: 200_000_000 });
    expect(batchFileFlags['batch-max-lines'].default).toBe(OPENAI_BATCH_LIMITS.maxLines);
    expect(batchFileFlags['batch-max-bytes'].default).toBe(OPENAI_BATCH_LIMITS.maxBytes);
  });

  it('splits an export under --batch-max-lines and refuses what is not its own', async () => {
    const r = await cli([
      ...run(30),
      '--out',
      'split',
      '--batch-out',
      'split.jsonl',
      '--batch-max-lines',
      '12',
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).files.map((f: { lines: number }) => f.lines)).toEqual([12, 12, 6]);
    // Under --batch-max-bytes every file stays within the limit and together they hold every request once.
    const byBytes = await cli([
      ...run(30),
      '--out',
      'split-bytes',
      '--batch-max-bytes',
      '4096',
      '--batch-out',
      join('bytes', 'requests.jsonl'),
      '--json',
    ]);
    expect(byBytes.code, byBytes.stderr).toBe(0);
    const parts = JSON.parse(byBytes.stdout).files as { path: string; lines: number; bytes: number }[];
    expect(parts.length).toBeGreaterThan(1);
    expect(readdirSync(join(root, 'bytes')).sort()).toEqual(
      parts.map((_, i) => `requests-${String(i + 1).padStart(3, '0')}.jsonl`),
    );
    for (const part of parts) {
      expect(statSync(part.path).size).toBe(part.bytes);
      expect(part.bytes).toBeLessThanOrEqual(4096);
    }
    const ids = parts.flatMap((p) =>
      readFileSync(p.path, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).custom_id),
    );
    expect(new Set(ids).size).toBe(30);
    writeFileSync(
      join(root, 'foreign.jsonl'),
      `${JSON.stringify({ id: 'x', custom_id: 'request-1', response: null, error: { code: 'x', message: 'y' } })}\n`,
    );
    const foreign = await cli(['batch', 'import', 'split', 'foreign.jsonl']);
    expect(foreign.code).toBe(2);
    expect(foreign.stderr).toBe(
      'emocrowd: foreign.jsonl:1: custom_id "request-1" is not a request emocrowd exported; import the output of this run\'s batch files\n',
    );
    const other = await cli(['batch', 'import', 'split', join('batch', 'responses.jsonl')]);
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/responses\.jsonl:1: not a batch output line \(no custom_id\)/);
    const synthetic = await cli([
      'run',
      '--personas',
      '5',
      '--out',
      'synthetic-batch',
      '--batch-out',
      'x.jsonl',
    ]);
    expect(synthetic.code).toBe(2);
    expect(synthetic.stderr).toMatch(
      /--batch-out: batch files carry OpenAI chat-completion requests; run with --model openai:NAME/,
    );
  });

  it('lists missing and failed requests after an import and exports them on their own', async () => {
    const r = await cli([...run(20), '--out', 'partial', '--batch-out', 'partial.jsonl', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    await runBatchFile({
      input: join(root, 'partial.jsonl'),
      output: join(root, 'partial.out.jsonl'),
      model: MODEL,
    });
    const outputs = lines('partial.out.jsonl');
    const broken = JSON.parse(outputs[0] as string);
    broken.response = { status_code: 500, request_id: 'r', body: null };
    broken.error = 'llama runner process has terminated';
    writeFileSync(
      join(root, 'partial.some.jsonl'),
      `${[JSON.stringify(broken), ...outputs.slice(1, 15)].join('\n')}\n`,
    );
    const imported = await cli(['batch', 'import', 'partial', 'partial.some.jsonl']);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stderr).toMatch(/imported 15 answers of round 0 \(\d+ ok, \d+ unparsed, 1 failed\)/);
    expect(imported.stderr).toMatch(
      /5 requests of round 0 still missing:\n {2}persona \d+, replicate 0, round 0/,
    );
    expect(imported.stderr).toMatch(/1 requests of round 0 failed:/);
    expect(imported.stderr).toContain(
      'ask them again on their own: emocrowd batch export partial --include-failed',
    );
    const again = await cli([
      'batch',
      'export',
      'partial',
      '--include-failed',
      '--out',
      'retry.jsonl',
      '--json',
    ]);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ round: 0, requests: 6, retried: 1 });
    await runBatchFile({
      input: join(root, 'retry.jsonl'),
      output: join(root, 'retry.out.jsonl'),
      model: MODEL,
    });
    const done = await cli(['batch', 'import', 'partial', 'retry.out.jsonl', '--json']);
    expect(JSON.parse(done.stdout)).toMatchObject({
      replaced: 1,
      missingCount: 0,
      failedCount: 0,
      complete: true,
    });
  });
});

describe('emocrowd batch submit, status and fetch against /v1/batches', () => {
  it('submits, waits with back-off, imports, and goes round after round to the online summary', async () => {
    const args = ['--rounds', '2', '--influence', 'aggregate'];
    const online = await cli([...run(40, args), '--out', 'online-rounds', '--quiet']);
    expect(online.code, online.stderr).toBe(0);
    const created = await cli([
      ...run(40, args),
      '--out',
      'rounds',
      '--batch-out',
      join('rounds-r0.jsonl'),
      '--quiet',
    ]);
    expect(created.code, created.stderr).toBe(0);
    const submitted = await cli([
      'batch',
      'submit',
      'rounds',
      '--host',
      server.url,
      '--wait',
      '--poll-interval',
      '10',
    ]);
    expect(submitted.code, submitted.stderr).toBe(0);
    expect(submitted.stderr).toMatch(/batch batch_[0-9a-f]+ (validating|in_progress|finalizing|completed)/);
    expect(submitted.stderr).toMatch(/round 0 imported \(40 answers\); submitting what comes next/);
    expect(summaryOf('rounds')).toEqual(summaryOf('online-rounds'));
    const status = await cli(['batch', 'status', 'rounds', '--json']);
    expect(status.code, status.stderr).toBe(0);
    const ledger = JSON.parse(status.stdout);
    expect(ledger.exports.map((e: { round: number }) => e.round)).toEqual([0, 1]);
    expect(
      ledger.exports.flatMap((e: { files: { status: string; importedAt?: string }[] }) =>
        e.files.map((f) => [f.status, Boolean(f.importedAt)]),
      ),
    ).toEqual([
      ['completed', true],
      ['completed', true],
    ]);
    const table = await cli(['batch', 'status', 'rounds']);
    expect(table.stdout).toMatch(/^round\s+file\s+requests\s+batch\s+status/m);
    const nothing = await cli(['batch', 'submit', 'rounds', '--host', server.url]);
    expect(nothing.stderr).toMatch(/nothing to submit/);
  });

  it('submits a round split into several files as one batch each, and imports them all', async () => {
    const online = await cli([...run(12), '--out', 'multi-online', '--quiet']);
    expect(online.code, online.stderr).toBe(0);
    const made = await cli([
      ...run(12),
      '--out',
      'multi',
      '--batch-out',
      'multi.jsonl',
      '--batch-max-lines',
      '5',
      '--quiet',
    ]);
    expect(made.code, made.stderr).toBe(0);
    const submitted = await cli([
      'batch',
      'submit',
      'multi',
      '--host',
      server.url,
      '--wait',
      '--poll-interval',
      '10',
    ]);
    expect(submitted.code, submitted.stderr).toBe(0);
    const ledger = JSON.parse(readFileSync(join(root, 'multi', 'batch', 'batches.json'), 'utf8'));
    const files = ledger.exports[0].files as { lines: number; batchId: string; status: string }[];
    expect(files.map((f) => f.lines)).toEqual([5, 5, 2]);
    expect(new Set(files.map((f) => f.batchId)).size).toBe(3);
    expect(files.every((f) => f.status === 'completed')).toBe(true);
    expect(summaryOf('multi')).toEqual(summaryOf('multi-online'));
  });

  it("imports a batch's error file as failed answers and asks them again with --include-failed, to the online summary", async () => {
    const online = await cli([...run(12), '--out', 'errfile-online', '--quiet']);
    expect(online.code, online.stderr).toBe(0);
    const made = await cli([...run(12), '--out', 'errfile', '--batch-out', 'errfile.jsonl', '--quiet']);
    expect(made.code, made.stderr).toBe(0);
    server.failNext(2, 'server-error');
    const first = await cli([
      'batch',
      'submit',
      'errfile',
      '--host',
      server.url,
      '--wait',
      '--poll-interval',
      '10',
    ]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/imported 12 answers of round 0 \(10 ok, 0 unparsed, 2 failed\)/);
    expect(first.stderr).toMatch(/2 requests of round 0 failed:/);
    expect(first.stderr).toContain('emocrowd batch export errfile --include-failed');
    const ledger = JSON.parse(readFileSync(join(root, 'errfile', 'batch', 'batches.json'), 'utf8'));
    expect(readdirSync(join(root, 'errfile', 'batch')).filter((f) => f.includes('errors'))).toHaveLength(1);
    expect(ledger.exports[0].files[0].errorFileId).toMatch(/^file-/);
    const failed = readFileSync(join(root, 'errfile', 'responses.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
      .filter((r) => r.status === 'failed');
    expect(failed).toHaveLength(2);
    expect(summaryOf('errfile')).not.toEqual(summaryOf('errfile-online'));

    const again = await cli([
      'batch',
      'submit',
      'errfile',
      '--host',
      server.url,
      '--include-failed',
      '--wait',
      '--poll-interval',
      '10',
    ]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(
      /imported 2 answers of round 0 \(\d+ ok, \d+ unparsed, 0 failed; 2 failures replaced\)/,
    );
    expect(summaryOf('errfile')).toEqual(summaryOf('errfile-online'));
  });

  it('submit without --wait, then status and fetch; an interrupted upload or creation is found on the server, not repeated', async () => {
    const made = await cli([...run(15), '--out', 'steps', '--batch-out', 'steps.jsonl', '--quiet']);
    expect(made.code, made.stderr).toBe(0);
    const api = new BatchApiClient({ baseUrl: server.url });
    const batchesBefore = (await api.listBatches({ limit: 100 })).data.length;
    const submitted = await cli(['batch', 'submit', 'steps', '--host', server.url, '--json']);
    expect(submitted.code, submitted.stderr).toBe(0);
    const ledgerPath = join(root, 'steps', 'batch', 'batches.json');
    const ledger = JSON.parse(readFileSync(ledgerPath, 'utf8'));
    const file = ledger.exports[0].files[0];
    expect(file).toMatchObject({ server: server.url, lines: 15 });
    expect(file.fileId).toMatch(/^file-/);
    expect(file.batchId).toMatch(/^batch_/);
    // As if the CLI was killed after creating the batch but before recording it.
    const { batchId, fileId } = file;
    delete file.batchId;
    delete file.status;
    writeFileSync(ledgerPath, JSON.stringify(ledger));
    const resumed = await cli(['batch', 'submit', 'steps', '--host', server.url]);
    expect(resumed.code, resumed.stderr).toBe(0);
    const after = JSON.parse(readFileSync(ledgerPath, 'utf8')).exports[0].files[0];
    expect(after).toMatchObject({ batchId, fileId });
    expect((await api.listBatches({ limit: 100 })).data.length).toBe(batchesBefore + 1);
    const busy = await cli(['batch', 'submit', 'steps', '--host', server.url]);
    expect(busy.code).toBe(2);
    // Whether the server has finished the batch by now or not, a second submit starts nothing.
    expect(busy.stderr).toMatch(
      /round 0 is submitted already \(batch batch_\w+, \w+\); wait for it with: emocrowd batch fetch steps|the batches of round 0 are done but not imported; import them with: emocrowd batch fetch steps/,
    );
    expect((await api.listBatches({ limit: 100 })).data.length).toBe(batchesBefore + 1);
    const fetched = await cli(['batch', 'fetch', 'steps', '--poll-interval', '10', '--json']);
    expect(fetched.code, fetched.stderr).toBe(0);
    const out = JSON.parse(fetched.stdout);
    expect(out).toMatchObject({
      round: 0,
      done: true,
      batches: [{ batchId, status: 'completed', counts: { total: 15, completed: 15, failed: 0 } }],
    });
    expect(out.imported.complete).toBe(true);
  });

  it('a batch that finished before an interrupted submit is resumed keeps its counts and output, and fetch imports it', async () => {
    const made = await cli([...run(8), '--out', 'finished', '--batch-out', 'finished.jsonl', '--quiet']);
    expect(made.code, made.stderr).toBe(0);
    const submitted = await cli(['batch', 'submit', 'finished', '--host', server.url]);
    expect(submitted.code, submitted.stderr).toBe(0);
    const ledgerPath = join(root, 'finished', 'batch', 'batches.json');
    const ledger = JSON.parse(readFileSync(ledgerPath, 'utf8'));
    const { batchId } = ledger.exports[0].files[0];
    // As if the CLI was killed after creating the batch but before recording it ...
    delete ledger.exports[0].files[0].batchId;
    delete ledger.exports[0].files[0].status;
    writeFileSync(ledgerPath, JSON.stringify(ledger));
    // ... and the server finished the batch before the submit was run again.
    const api = new BatchApiClient({ baseUrl: server.url });
    for (let i = 0; i < 200 && (await api.retrieveBatch(batchId)).status !== 'completed'; i++)
      await new Promise((resolve) => setTimeout(resolve, 25));
    const resumed = await cli(['batch', 'submit', 'finished', '--host', server.url]);
    expect(resumed.code, resumed.stderr).toBe(0);
    const after = JSON.parse(readFileSync(ledgerPath, 'utf8')).exports[0].files[0];
    expect(after).toMatchObject({
      batchId,
      status: 'completed',
      counts: { total: 8, completed: 8, failed: 0 },
    });
    expect(after.outputFileId).toMatch(/^file-/);
    const fetched = await cli(['batch', 'fetch', 'finished', '--poll-interval', '10', '--json']);
    expect(fetched.code, fetched.stderr).toBe(0);
    const out = JSON.parse(fetched.stdout);
    expect(out.batches).toMatchObject([{ batchId, counts: { total: 8, completed: 8, failed: 0 } }]);
    expect(out.imported.complete).toBe(true);
  });

  it('finds a file whose upload was interrupted before its id was recorded, instead of uploading it again', async () => {
    const made = await cli([...run(6), '--out', 'uploads', '--batch-out', 'uploads.jsonl', '--quiet']);
    expect(made.code, made.stderr).toBe(0);
    const ledgerPath = join(root, 'uploads', 'batch', 'batches.json');
    const ledger = JSON.parse(readFileSync(ledgerPath, 'utf8'));
    ledger.exports[0].files[0].uploadStartedAt = new Date().toISOString();
    writeFileSync(ledgerPath, JSON.stringify(ledger));
    const runId = JSON.parse(readFileSync(join(root, 'uploads', 'run.json'), 'utf8')).descriptor.runId;
    const api = new BatchApiClient({ baseUrl: server.url });
    const uploaded = await api.uploadFile(join(root, 'uploads.jsonl'), {
      filename: `emocrowd-${batchRunTag(runId)}-r0-uploads.jsonl`,
    });
    const filesBefore = (await api.listFiles({ purpose: 'batch' })).data.length;
    const submitted = await cli(['batch', 'submit', 'uploads', '--host', server.url]);
    expect(submitted.code, submitted.stderr).toBe(0);
    expect(JSON.parse(readFileSync(ledgerPath, 'utf8')).exports[0].files[0].fileId).toBe(uploaded.id);
    expect((await api.listFiles({ purpose: 'batch' })).data.length).toBe(filesBefore);
  });

  it('refuses a server without a Batch API, and a run without a server, with one line', async () => {
    const made = await cli([...run(5), '--out', 'nowhere', '--batch-out', 'nowhere.jsonl', '--quiet']);
    expect(made.code).toBe(0);
    const noServer = await runCli(['batch', 'submit', 'nowhere', '--host', 'http://127.0.0.1:9'], {
      cwd: root,
    });
    expect(noServer.code).toBe(1);
    expect(noServer.stderr.trim().split('\n')).toHaveLength(1);
    expect(noServer.stderr).toMatch(/cannot reach http:\/\/127\.0\.0\.1:9/);
    const fetchNothing = await cli(['batch', 'fetch', 'nowhere', '--host', server.url]);
    expect(fetchNothing.code).toBe(2);
    expect(fetchNothing.stderr).toMatch(
      /round 0 is exported but not fully submitted|no submitted batch waiting/,
    );
  });
});

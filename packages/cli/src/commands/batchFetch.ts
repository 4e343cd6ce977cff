import { readBatchLedger } from '@emocrowd/crowd';
import type { BatchRun } from '../batch/BatchRun.js';
import { batchApiOf } from '../batch/batchApiOf.js';
import { fetchRunBatch, type RunBatchFetch } from '../batch/fetchRunBatch.js';
import { openBatchRun } from '../batch/openBatchRun.js';
import { usageError } from '../command/CliError.js';
import { defineCommand } from '../command/defineCommand.js';
import type { Io } from '../command/Io.js';
import { batchServerFlags, outputFlags } from '../flags.js';
import { colorsFor } from '../output/colors.js';
import { renderBatchImport } from '../output/renderBatchReport.js';
import { renderRunSummary } from '../output/renderRunSummary.js';
import { importJson } from './batchImport.js';

/** Flags of waiting for batches (`batch fetch`, `batch submit --wait`). */
export const pollFlags = {
  'poll-interval': {
    type: 'integer',
    valueName: 'MS',
    description: 'First wait between two checks of the batches; each wait is 1.5 times the last.',
    default: 5000,
    min: 1,
  },
  'max-poll-interval': {
    type: 'integer',
    valueName: 'MS',
    description: 'Longest wait between two checks.',
    default: 60000,
    min: 1,
  },
} as const;

/** `emocrowd batch fetch DIR`: wait for the run's batches, download and import their answers. */
export const batchFetchCommand = defineCommand({
  meta: {
    name: 'batch fetch',
    usage: 'DIR',
    description:
      "Wait for the run's submitted batches (checking with back-off), download their output and error files into DIR/batch/, and import them as online answers arrive. Interrupted or killed, it picks up from what it stored in DIR.",
    examples: ['emocrowd batch fetch runs/b', 'emocrowd batch fetch runs/b --once'],
  },
  flags: {
    once: {
      type: 'boolean',
      description: 'Check once: import if every batch is done, else show where they are and exit 0.',
    },
    ...pollFlags,
    ...batchServerFlags,
    ...outputFlags,
  },
  async run({ flags, positionals, io }) {
    const [dir, extra] = positionals;
    if (dir === undefined) throw usageError('batch fetch: needs the run directory: emocrowd batch fetch DIR');
    if (extra !== undefined)
      throw usageError(`batch fetch: unexpected argument "${extra}"; give one run directory`);
    const run = await openBatchRun(dir, io, 'batch fetch');
    try {
      const server = readBatchLedger(run.dir)
        ?.exports.flatMap((e) => e.files)
        .find((f) => f.server)?.server;
      const api = batchApiOf(run, flags, io.env, server, 'batch fetch');
      const fetched = await fetchRunBatch(run, api, {
        once: flags.once === true,
        pollMs: flags['poll-interval'],
        maxPollMs: flags['max-poll-interval'],
        signal: io.interrupt,
        ...(flags.quiet ? {} : { onCheck: (file, job) => io.stderr.write(checkLine(file.path, job)) }),
      });
      return reportFetch(run, fetched, dir, io, { json: flags.json === true, quiet: flags.quiet === true });
    } finally {
      await run.close();
    }
  },
});

/** One line per check of a batch: its id, status and counts. */
export function checkLine(
  path: string,
  job: { id: string; status: string; request_counts?: { completed: number; failed: number; total: number } },
): string {
  const c = job.request_counts;
  return `${path}: batch ${job.id} ${job.status}${c ? ` (${c.completed} done, ${c.failed} failed of ${c.total})` : ''}\n`;
}

/** Writes what a fetch did; returns the exit code (1 when a batch failed as a whole, 130 when interrupted before the end). */
export function reportFetch(
  run: BatchRun,
  fetched: RunBatchFetch,
  dir: string,
  io: Io,
  flags: { json: boolean; quiet: boolean },
): number {
  if (flags.json) io.stdout.write(`${JSON.stringify(fetchJson(fetched), null, 2)}\n`);
  else if (fetched.imported)
    io.stdout.write(
      renderRunSummary(fetched.imported.summary, { colors: colorsFor(io.stdout, io.env), dir: run.dir }),
    );
  if (!flags.quiet) {
    if (fetched.imported)
      io.stderr.write(renderBatchImport(fetched.imported, dir, colorsFor(io.stderr, io.env)));
    for (const f of fetched.failedBatches) io.stderr.write(`batch ${f.batchId} failed: ${f.error}\n`);
    if (!fetched.done)
      io.stderr.write(
        io.interrupt.aborted
          ? `stopped waiting; the batches go on. Fetch them later with: emocrowd batch fetch ${dir}\n`
          : `not done yet; fetch them later with: emocrowd batch fetch ${dir}\n`,
      );
  }
  if (fetched.failedBatches.length > 0) return 1;
  return !fetched.done && io.interrupt.aborted ? 130 : 0;
}

/** The `--json` object of a fetch (docs/json-output.md). */
export function fetchJson(fetched: RunBatchFetch): unknown {
  return {
    round: fetched.entry?.round ?? null,
    done: fetched.done,
    batches: (fetched.entry?.files ?? []).map((f) => ({
      file: f.path,
      batchId: f.batchId ?? null,
      status: f.status ?? null,
      counts: f.counts ?? null,
      ...(f.error ? { error: f.error } : {}),
    })),
    imported: fetched.imported ? importJson(fetched.imported) : null,
  };
}

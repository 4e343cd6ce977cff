import { readBatchLedger } from '@emocrowd/crowd';
import { batchApiOf } from '../batch/batchApiOf.js';
import { pollRunBatches } from '../batch/fetchRunBatch.js';
import { openBatchRun } from '../batch/openBatchRun.js';
import { usageError } from '../command/CliError.js';
import { defineCommand } from '../command/defineCommand.js';
import { batchServerFlags, outputFlags } from '../flags.js';
import { renderBatchStatus } from '../output/renderBatchStatus.js';

/** `emocrowd batch status DIR`: where a run's batches are. */
export const batchStatusCommand = defineCommand({
  meta: {
    name: 'batch status',
    usage: 'DIR',
    description:
      "Show the run's batch exports and, for the batches submitted and not final, their status now on the server (validating, in_progress, finalizing, completed, failed, expired, cancelling, cancelled) with their request counts.",
    examples: ['emocrowd batch status runs/b', 'emocrowd batch status runs/b --json'],
  },
  flags: { ...batchServerFlags, ...outputFlags },
  async run({ flags, positionals, io }) {
    const [dir, extra] = positionals;
    if (dir === undefined)
      throw usageError('batch status: needs the run directory: emocrowd batch status DIR');
    if (extra !== undefined)
      throw usageError(`batch status: unexpected argument "${extra}"; give one run directory`);
    const run = await openBatchRun(dir, io, 'batch status');
    try {
      const server = readBatchLedger(run.dir)
        ?.exports.flatMap((e) => e.files)
        .find((f) => f.server)?.server;
      if (server !== undefined || flags.host !== undefined) {
        const api = batchApiOf(run, flags, io.env, server, 'batch status');
        await pollRunBatches(run, api, { once: true });
      }
      const ledger = readBatchLedger(run.dir);
      if (flags.json)
        io.stdout.write(`${JSON.stringify(ledger ?? { schemaVersion: 1, exports: [] }, null, 2)}\n`);
      else io.stdout.write(renderBatchStatus(ledger, dir));
      return 0;
    } finally {
      await run.close();
    }
  },
});

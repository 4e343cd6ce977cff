import { readBatchLedger } from '@emocrowd/crowd';
import { batchApiOf } from '../batch/batchApiOf.js';
import { pollRunBatches } from '../batch/fetchRunBatch.js';
import { openBatchRun } from '../batch/openBatchRun.js';
import { usageError } from '../command/CliError.js';
import type { CommandContext } from '../command/defineCommand.js';
import type { batchStatusFlags } from '../commands/batchStatus.js';
import { renderBatchStatus } from '../output/renderBatchStatus.js';

/** What `emocrowd batch status` does; its flags and help are in commands/batchStatus.ts. */
export async function batchStatusAction({
  flags,
  positionals,
  io,
}: CommandContext<typeof batchStatusFlags>): Promise<number> {
  const [dir, extra] = positionals;
  if (dir === undefined) throw usageError('batch status: needs the run directory: emocrowd batch status DIR');
  if (extra !== undefined)
    throw usageError(`batch status: unexpected argument "${extra}"; give one run directory`);
  const run = await openBatchRun(dir, io, 'batch status');
  try {
    const server = submittedTo(run.dir);
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
}

/** The server a run's batches were submitted to, from its ledger. */
export function submittedTo(dir: string): string | undefined {
  return readBatchLedger(dir)
    ?.exports.flatMap((e) => e.files)
    .find((f) => f.server)?.server;
}

import { batchApiOf } from '../batch/batchApiOf.js';
import { fetchRunBatch } from '../batch/fetchRunBatch.js';
import { openBatchRun } from '../batch/openBatchRun.js';
import { checkLine, reportFetch } from '../batch/reportFetch.js';
import { usageError } from '../command/CliError.js';
import type { CommandContext } from '../command/defineCommand.js';
import type { batchFetchFlags } from '../commands/batchFetch.js';
import { submittedTo } from './batchStatusAction.js';

/** What `emocrowd batch fetch` does; its flags and help are in commands/batchFetch.ts. */
export async function batchFetchAction({
  flags,
  positionals,
  io,
}: CommandContext<typeof batchFetchFlags>): Promise<number> {
  const [dir, extra] = positionals;
  if (dir === undefined) throw usageError('batch fetch: needs the run directory: emocrowd batch fetch DIR');
  if (extra !== undefined)
    throw usageError(`batch fetch: unexpected argument "${extra}"; give one run directory`);
  const run = await openBatchRun(dir, io, 'batch fetch');
  try {
    const api = batchApiOf(run, flags, io.env, submittedTo(run.dir), 'batch fetch');
    const fetched = await fetchRunBatch(run, api, {
      once: flags.once === true,
      pollMs: flags['poll-interval'],
      maxPollMs: flags['max-poll-interval'],
      signal: io.interrupt,
      ...(flags.quiet ? {} : { onCheck: (file, job) => io.stderr.write(checkLine(file.path, job)) }),
    });
    return reportFetch(run, fetched, io, { json: flags.json === true, quiet: flags.quiet === true });
  } finally {
    await run.close();
  }
}

import { batchApiOf } from '../batch/batchApiOf.js';
import { submitJson } from '../batch/batchJson.js';
import { fetchRunBatch } from '../batch/fetchRunBatch.js';
import { openBatchRun } from '../batch/openBatchRun.js';
import { checkLine, reportFetch } from '../batch/reportFetch.js';
import { submitRunBatch } from '../batch/submitRunBatch.js';
import { usageError } from '../command/CliError.js';
import type { CommandContext } from '../command/defineCommand.js';
import type { batchSubmitFlags } from '../commands/batchSubmit.js';

/**
 * What `emocrowd batch submit` does; its flags and help are in commands/batchSubmit.ts. With
 * --wait it loops: submit the next round, wait for it, import it, until the run is answered, a
 * batch fails as a whole, the wait is interrupted, or a round brings no new answer.
 */
export async function batchSubmitAction({
  flags,
  positionals,
  io,
}: CommandContext<typeof batchSubmitFlags>): Promise<number> {
  const [dir, extra] = positionals;
  if (dir === undefined) throw usageError('batch submit: needs the run directory: emocrowd batch submit DIR');
  if (extra !== undefined)
    throw usageError(`batch submit: unexpected argument "${extra}"; give one run directory`);
  const run = await openBatchRun(dir, io, 'batch submit');
  const log = (line: string): void => {
    if (!flags.quiet) io.stderr.write(`${line}\n`);
  };
  try {
    const api = batchApiOf(run, flags, io.env, undefined, 'batch submit');
    let storedBefore = -1;
    for (;;) {
      const submitted = await submitRunBatch(run, api, {
        limits: { maxLines: flags['batch-max-lines'], maxBytes: flags['batch-max-bytes'] },
        includeFailed: flags['include-failed'] === true,
        log,
      });
      if (submitted.round === undefined) {
        log(`every answer of ${dir} is stored; nothing to submit`);
        return 0;
      }
      if (!flags.wait) {
        if (flags.json) io.stdout.write(`${JSON.stringify(submitJson(submitted), null, 2)}\n`);
        log(`submitted round ${submitted.round}; fetch the answers with: emocrowd batch fetch ${dir}`);
        return 0;
      }
      const fetched = await fetchRunBatch(run, api, {
        pollMs: flags['poll-interval'],
        maxPollMs: flags['max-poll-interval'],
        signal: io.interrupt,
        ...(flags.quiet ? {} : { onCheck: (file, job) => io.stderr.write(checkLine(file.path, job)) }),
      });
      const imported = fetched.imported;
      const stored = imported
        ? imported.imported.ok + imported.imported.unparsed + imported.imported.failed
        : 0;
      const last = !fetched.done || fetched.failedBatches.length > 0 || !imported || imported.complete;
      if (last || (stored === 0 && storedBefore === 0))
        return reportFetch(run, fetched, io, { json: flags.json === true, quiet: flags.quiet === true });
      storedBefore = stored;
      log(`round ${imported.round} imported (${stored} answers); submitting what comes next`);
    }
  } finally {
    await run.close();
  }
}

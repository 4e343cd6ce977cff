import { batchApiOf } from '../batch/batchApiOf.js';
import { fetchRunBatch } from '../batch/fetchRunBatch.js';
import { openBatchRun } from '../batch/openBatchRun.js';
import { type RunBatchSubmission, submitRunBatch } from '../batch/submitRunBatch.js';
import { usageError } from '../command/CliError.js';
import { defineCommand } from '../command/defineCommand.js';
import { batchFileFlags, batchServerFlags, outputFlags } from '../flags.js';
import { checkLine, pollFlags, reportFetch } from './batchFetch.js';

/** `emocrowd batch submit DIR`: the run's next requests to a Batch API. */
export const batchSubmitCommand = defineCommand({
  meta: {
    name: 'batch submit',
    usage: 'DIR',
    description:
      "Submit the run's next requests to a server with /v1/files and /v1/batches (OpenAI, Azure OpenAI, a LiteLLM proxy): its open export, else a new export of the next round; each file is uploaded and becomes a batch. Every step is recorded in DIR, so a killed CLI continues where it stopped. With --wait, also waits, imports, and goes on round after round until the run is answered.",
    examples: [
      'emocrowd batch submit runs/b --host https://api.openai.com',
      'emocrowd batch submit runs/b --host http://litellm:4000 --wait',
    ],
  },
  flags: {
    wait: {
      type: 'boolean',
      description:
        'Wait for the batches, import them, and submit the next round until every answer is stored.',
    },
    'include-failed': {
      type: 'boolean',
      description: 'A new export also asks the requests whose stored answer failed.',
    },
    ...pollFlags,
    ...batchFileFlags,
    ...batchServerFlags,
    ...outputFlags,
  },
  async run({ flags, positionals, io }) {
    const [dir, extra] = positionals;
    if (dir === undefined)
      throw usageError('batch submit: needs the run directory: emocrowd batch submit DIR');
    if (extra !== undefined)
      throw usageError(`batch submit: unexpected argument "${extra}"; give one run directory`);
    const run = await openBatchRun(dir, io, 'batch submit');
    const log = (line: string) => {
      if (!flags.quiet) io.stderr.write(`${line}\n`);
    };
    try {
      const api = batchApiOf(run, flags, io.env, undefined, 'batch submit');
      let importedBefore = -1;
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
        if (last || (stored === 0 && importedBefore === 0))
          return reportFetch(run, fetched, dir, io, {
            json: flags.json === true,
            quiet: flags.quiet === true,
          });
        importedBefore = stored;
        log(`round ${imported.round} imported (${stored} answers); submitting what comes next`);
      }
    } finally {
      await run.close();
    }
  },
});

/** The `--json` object of a submit without --wait (docs/json-output.md). */
function submitJson(submitted: RunBatchSubmission): unknown {
  return {
    round: submitted.round ?? null,
    batches: (submitted.entry?.files ?? []).map((f) => ({
      file: f.path,
      fileId: f.fileId ?? null,
      batchId: f.batchId ?? null,
      status: f.status ?? null,
    })),
  };
}

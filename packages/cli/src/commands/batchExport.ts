import { resolve } from 'node:path';
import { exportRunBatch } from '../batch/exportRunBatch.js';
import { openBatchRun } from '../batch/openBatchRun.js';
import { usageError } from '../command/CliError.js';
import { defineCommand } from '../command/defineCommand.js';
import { batchFileFlags, outputFlags } from '../flags.js';
import { renderBatchExport } from '../output/renderBatchReport.js';

/** `emocrowd batch export DIR`: the next round's requests as batch input files. */
export const batchExportCommand = defineCommand({
  meta: {
    name: 'batch export',
    usage: 'DIR',
    description:
      "Write the requests the run in DIR would send next, one OpenAI Batch line each (the online request's exact body, a custom_id naming run, persona, replicate, round and item), without calling any model: the first round with requests unanswered, as later rounds depend on it. Answers the response cache holds are stored instead.",
    examples: [
      'emocrowd batch export runs/b --out requests.jsonl',
      'emocrowd batch export runs/b --include-failed --out retry.jsonl',
    ],
  },
  flags: {
    out: {
      type: 'string',
      valueName: 'FILE',
      description:
        'The batch input file (split into FILE-001.jsonl, ... beyond the limits). Default: DIR/batch/requests-r<round>.jsonl.',
    },
    'include-failed': {
      type: 'boolean',
      description:
        'Also export the requests whose stored answer failed (their answers replace the failures on import).',
    },
    ...batchFileFlags,
    ...outputFlags,
  },
  async run({ flags, positionals, io }) {
    const [dir, extra] = positionals;
    if (dir === undefined)
      throw usageError('batch export: needs the run directory: emocrowd batch export DIR');
    if (extra !== undefined)
      throw usageError(`batch export: unexpected argument "${extra}"; give one run directory`);
    const run = await openBatchRun(dir, io, 'batch export');
    try {
      const report = await exportRunBatch(
        run,
        flags.out === undefined ? undefined : resolve(io.cwd, flags.out),
        {
          limits: { maxLines: flags['batch-max-lines'], maxBytes: flags['batch-max-bytes'] },
          includeFailed: flags['include-failed'] === true,
        },
      );
      if (flags.json) io.stdout.write(`${JSON.stringify(exportJson(report), null, 2)}\n`);
      if (!flags.quiet) io.stderr.write(renderBatchExport(report, dir));
      return 0;
    } finally {
      await run.close();
    }
  },
});

/** The `--json` object of an export (docs/json-output.md). */
export function exportJson(report: Awaited<ReturnType<typeof exportRunBatch>>): unknown {
  return {
    round: report.round ?? null,
    requests: report.requests,
    fromCache: report.fromCache,
    retried: report.retried,
    files:
      report.entry?.files.map(({ path, lines, bytes, sha256 }) => ({ path, lines, bytes, sha256 })) ?? [],
  };
}

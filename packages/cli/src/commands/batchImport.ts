import { importRunBatch, type RunBatchImport } from '../batch/importRunBatch.js';
import { openBatchRun } from '../batch/openBatchRun.js';
import { usageError } from '../command/CliError.js';
import { defineCommand } from '../command/defineCommand.js';
import { outputFlags } from '../flags.js';
import { colorsFor } from '../output/colors.js';
import { renderBatchImport } from '../output/renderBatchReport.js';
import { renderRunSummary } from '../output/renderRunSummary.js';

/** `emocrowd batch import DIR FILE...`: batch answers into a run. */
export const batchImportCommand = defineCommand({
  meta: {
    name: 'batch import',
    usage: 'DIR FILE...',
    description:
      'Read batch output files (OpenAI Batch output and error files, vllm run-batch output) into the run in DIR exactly as online answers arrive: parsed, stored in responses.jsonl, cached, summarised. Importing twice adds nothing; a custom_id of another run, or for a request the run does not ask, is refused and nothing is stored. Lists the requests still missing or failed.',
    examples: [
      'emocrowd batch import runs/b results.jsonl',
      'emocrowd batch import runs/b output.jsonl errors.jsonl --json',
    ],
  },
  flags: { ...outputFlags },
  async run({ flags, positionals, io }) {
    const [dir, ...files] = positionals;
    if (dir === undefined || files.length === 0)
      throw usageError(
        'batch import: needs the run directory and at least one output file: emocrowd batch import DIR FILE...',
      );
    const run = await openBatchRun(dir, io, 'batch import');
    try {
      const report = await importRunBatch(run, files, io.cwd);
      if (flags.json) io.stdout.write(`${JSON.stringify(importJson(report), null, 2)}\n`);
      else
        io.stdout.write(
          renderRunSummary(report.summary, { colors: colorsFor(io.stdout, io.env), dir: run.dir }),
        );
      if (!flags.quiet) io.stderr.write(renderBatchImport(report, dir, colorsFor(io.stderr, io.env)));
      return 0;
    } finally {
      await run.close();
    }
  },
});

/** The `--json` object of an import (docs/json-output.md): stable keys, null for "none". */
export function importJson(report: RunBatchImport): unknown {
  return {
    round: report.round ?? null,
    imported: report.imported,
    replaced: report.replaced,
    alreadyStored: report.alreadyStored,
    notRun: report.notRun,
    missingCount: report.missingCount,
    missing: report.missing,
    failedCount: report.failedCount,
    failed: report.failed,
    complete: report.complete,
    summary: report.summary,
  };
}

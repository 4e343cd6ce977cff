import { importJson } from '../batch/batchJson.js';
import { importRunBatch } from '../batch/importRunBatch.js';
import { openBatchRun } from '../batch/openBatchRun.js';
import { usageError } from '../command/CliError.js';
import type { CommandContext } from '../command/defineCommand.js';
import type { batchImportFlags } from '../commands/batchImport.js';
import { colorsFor } from '../output/colors.js';
import { renderBatchImport } from '../output/renderBatchReport.js';
import { renderRunSummary } from '../output/renderRunSummary.js';

/** What `emocrowd batch import` does; its flags and help are in commands/batchImport.ts. */
export async function batchImportAction({
  flags,
  positionals,
  io,
}: CommandContext<typeof batchImportFlags>): Promise<number> {
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
}

import { resolve } from 'node:path';
import { exportJson } from '../batch/batchJson.js';
import { exportRunBatch } from '../batch/exportRunBatch.js';
import { openBatchRun } from '../batch/openBatchRun.js';
import { usageError } from '../command/CliError.js';
import type { CommandContext } from '../command/defineCommand.js';
import type { batchExportFlags } from '../commands/batchExport.js';
import { renderBatchExport } from '../output/renderBatchReport.js';

/** What `emocrowd batch export` does; its flags and help are in commands/batchExport.ts. */
export async function batchExportAction({
  flags,
  positionals,
  io,
}: CommandContext<typeof batchExportFlags>): Promise<number> {
  const [dir, extra] = positionals;
  if (dir === undefined) throw usageError('batch export: needs the run directory: emocrowd batch export DIR');
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
}

import { existsSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { flattenRecords, formatCsv, RUN_FILES, readRun } from '@emocrowd/crowd';
import { usageError } from '../command/CliError.js';
import type { CommandContext } from '../command/defineCommand.js';
import type { exportFlags } from '../commands/export.js';

/** What `emocrowd export` does; its flags and help are in commands/export.ts. */
export async function exportAction({
  flags,
  io,
  positionals,
}: CommandContext<typeof exportFlags>): Promise<number> {
  const [dirArg, extra] = positionals;
  if (dirArg === undefined)
    throw usageError('export needs a run directory: emocrowd export DIR --format csv');
  if (extra !== undefined) throw usageError(`export: one run directory at a time (got also "${extra}")`);
  const dir = resolve(io.cwd, dirArg);
  if (!existsSync(dir) || !statSync(dir).isDirectory() || !existsSync(resolve(dir, RUN_FILES.manifest))) {
    throw usageError(
      `export: ${dirArg} is not a run directory (no ${RUN_FILES.manifest}); give a directory made by emocrowd run`,
    );
  }
  let run: ReturnType<typeof readRun>;
  try {
    run = readRun(dir);
  } catch (error) {
    throw usageError(`export: ${(error as Error).message.split('\n')[0]}`);
  }
  const table = flattenRecords(run.records, run.manifest.descriptor.runId);
  const text =
    flags.format === 'jsonl'
      ? table.rows
          .map(
            (row) =>
              `${JSON.stringify(Object.fromEntries(table.columns.map((c, i) => [c, row[i] ?? null])))}\n`,
          )
          .join('')
      : formatCsv(table.columns, table.rows);
  if (flags.out === undefined) {
    io.stdout.write(text);
    return 0;
  }
  const out = resolve(io.cwd, flags.out);
  if (existsSync(out) && !flags.force) {
    throw usageError(`export: ${flags.out} exists; choose another --out or add --force to overwrite it`);
  }
  if (existsSync(out) && statSync(out).isDirectory())
    throw usageError(`export: --out ${flags.out} is a directory; give a file name`);
  // Written beside the target and renamed, so a crash never leaves half a file under its name.
  const tmp = `${out}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, out);
  io.stderr.write(`wrote ${table.rows.length} answers x ${table.columns.length} columns to ${flags.out}\n`);
  return 0;
}

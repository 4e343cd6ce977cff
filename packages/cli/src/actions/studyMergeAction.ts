import { existsSync, readdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { usageError } from '../command/CliError.js';
import type { CommandContext } from '../command/defineCommand.js';
import type { studyMergeFlags } from '../commands/studyMerge.js';
import { colorsFor } from '../output/colors.js';
import { mergeStudies } from '../study/mergeStudies.js';
import { readStudyReport } from '../study/readStudyReport.js';
import { renderStudyReport } from '../study/renderStudyReport.js';

/** What `emocrowd study merge` does; its flags and help are in commands/studyMerge.ts. */
export async function studyMergeAction({
  flags,
  io,
  positionals,
}: CommandContext<typeof studyMergeFlags>): Promise<number> {
  if (positionals.length < 2)
    throw usageError(
      'study merge needs at least two study directories: emocrowd study merge DIR DIR... --out DIR',
    );
  if (flags.out === undefined)
    throw usageError('study merge: --out DIR is required (a new or empty directory)');
  const out = resolve(io.cwd, flags.out);
  const dirs = positionals.map((p) => resolve(io.cwd, p));
  if (dirs.includes(out))
    throw usageError(
      `study merge: --out ${flags.out} is one of the studies to merge; choose a new directory`,
    );
  if (existsSync(out) && (!statSync(out).isDirectory() || readdirSync(out).length > 0) && !flags.force)
    throw usageError(
      `study merge: ${flags.out} exists and is not empty; choose a new directory or add --force`,
    );
  const merged = mergeStudies(dirs, positionals, out, io.cwd);
  if (!flags.quiet) {
    for (const cell of merged.cells) {
      io.stderr.write(
        cell.merged
          ? `cell ${cell.name}: ${cell.merged.runs} shards, ${cell.merged.answers} answers${cell.merged.duplicates > 0 ? ` (${cell.merged.duplicates} duplicates dropped)` : ''}\n`
          : `cell ${cell.name}: in no shard yet\n`,
      );
    }
    if (merged.missingShards.length > 0)
      io.stderr.write(
        `shards ${merged.missingShards.join(', ')} are not merged: their answers are missing\n`,
      );
  }
  const { report } = readStudyReport(out, io.cwd);
  if (flags.json) io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else io.stdout.write(renderStudyReport(report, { colors: colorsFor(io.stdout, io.env), dir: out }));
  return 0;
}

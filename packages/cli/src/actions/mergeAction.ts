import { existsSync, readdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { usageError } from '../command/CliError.js';
import type { CommandContext } from '../command/defineCommand.js';
import type { mergeFlags } from '../commands/merge.js';
import { colorsFor } from '../output/colors.js';
import { renderRunSummary } from '../output/renderRunSummary.js';
import { mergeRuns } from '../run/mergeRuns.js';

/** What `emocrowd merge` does; its flags and help are in commands/merge.ts. */
export async function mergeAction({
  flags,
  io,
  positionals,
}: CommandContext<typeof mergeFlags>): Promise<number> {
  if (positionals.length < 2)
    throw usageError('merge needs at least two run directories: emocrowd merge DIR DIR... --out DIR');
  if (flags.out === undefined) throw usageError('merge: --out DIR is required (a new or empty directory)');
  const out = resolve(io.cwd, flags.out);
  const dirs = positionals.map((p) => resolve(io.cwd, p));
  if (dirs.includes(out))
    throw usageError(`merge: --out ${flags.out} is one of the runs to merge; choose a new directory`);
  if (existsSync(out) && (!statSync(out).isDirectory() || readdirSync(out).length > 0) && !flags.force) {
    throw usageError(`merge: ${flags.out} exists and is not empty; choose a new directory or add --force`);
  }
  const merged = mergeRuns(dirs, positionals, out, io.cwd);
  if (!flags.quiet) {
    io.stderr.write(
      `merged ${merged.runs} runs (${merged.answers} answers${merged.duplicates > 0 ? `, ${merged.duplicates} duplicates dropped` : ''}) into ${flags.out}\n`,
    );
    if (merged.taskNote) io.stderr.write(`${merged.taskNote}\n`);
    if (merged.missingShards.length > 0) {
      io.stderr.write(
        `shards ${merged.missingShards.join(', ')} are not merged: ${merged.summary.counts.missing} answers missing\n`,
      );
    }
  }
  if (flags.json) io.stdout.write(`${JSON.stringify(merged.summary, null, 2)}\n`);
  else io.stdout.write(renderRunSummary(merged.summary, { colors: colorsFor(io.stdout, io.env), dir: out }));
  return 0;
}

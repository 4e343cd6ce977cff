import { usageError } from '../command/CliError.js';
import type { CommandContext } from '../command/defineCommand.js';
import type { studyRunFlags } from '../commands/studyRun.js';
import { colorsFor } from '../output/colors.js';
import { backendSettings } from '../run/backendSettings.js';
import { readStudyReport } from '../study/readStudyReport.js';
import { renderStudyReport } from '../study/renderStudyReport.js';
import { resolveStudy } from '../study/resolveStudy.js';
import { runStudy } from '../study/runStudy.js';

/** What `emocrowd study run` does; its flags and help are in commands/studyRun.ts. */
export async function studyRunAction({
  flags,
  io,
  positionals,
  explicit,
}: CommandContext<typeof studyRunFlags>): Promise<number> {
  const [file, extra] = positionals;
  if (file === undefined) throw usageError('study run needs a study file: emocrowd study run FILE');
  if (extra !== undefined) throw usageError(`study run: unexpected argument "${extra}" (one study file)`);
  const study = resolveStudy(file, flags, io.cwd, io.env);
  if (study.shardNote !== undefined) io.stderr.write(`${study.shardNote}\n`);
  const outcomes = await runStudy(
    study,
    {
      concurrency: flags.concurrency,
      ...(flags.scale !== undefined && study.manifest.scale ? { scale: study.manifest.scale } : {}),
      ...(study.manifest.shard ? { shard: study.manifest.shard } : {}),
      ...(flags['no-cache'] ? { cache: false as const } : flags.cache ? { cache: flags.cache } : {}),
      retryFailed: flags['retry-failed'] === true,
      backendOptions: backendSettings(flags, explicit),
    },
    { io, quiet: flags.quiet === true },
  );
  const unfinished = outcomes.filter((o) => o.state === 'stopped' || o.state === 'pending');
  if (unfinished.length > 0) {
    io.stderr.write(
      `stopped with ${unfinished.length} cell${unfinished.length === 1 ? '' : 's'} unfinished (${unfinished.map((o) => o.cell.name).join(', ')}); continue with the same command\n`,
    );
    return 130;
  }
  // The report of every cell of the study (not only those --cells ran now), as study report gives it.
  const { report } = readStudyReport(study.dir, io.cwd);
  if (flags.json) io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else io.stdout.write(renderStudyReport(report, { colors: colorsFor(io.stdout, io.env), dir: study.dir }));
  return 0;
}

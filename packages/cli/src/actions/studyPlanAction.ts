import { usageError } from '../command/CliError.js';
import type { CommandContext } from '../command/defineCommand.js';
import type { studyPlanFlags } from '../commands/studyPlan.js';
import { colorsFor } from '../output/colors.js';
import { backendSettings } from '../run/backendSettings.js';
import { planStudy } from '../study/planStudy.js';
import { renderStudyPlan } from '../study/renderStudyPlan.js';
import { resolveStudy } from '../study/resolveStudy.js';

/** What `emocrowd study plan` does; its flags and help are in commands/studyPlan.ts. */
export async function studyPlanAction({
  flags,
  io,
  positionals,
  explicit,
}: CommandContext<typeof studyPlanFlags>): Promise<number> {
  const [file, extra] = positionals;
  if (file === undefined) throw usageError('study plan needs a study file: emocrowd study plan FILE');
  if (extra !== undefined) throw usageError(`study plan: unexpected argument "${extra}" (one study file)`);
  const study = resolveStudy(file, flags, io.cwd, io.env);
  if (study.shardNote !== undefined) io.stderr.write(`${study.shardNote}\n`);
  const plan = await planStudy(
    study,
    {
      concurrency: flags.concurrency,
      ...(study.manifest.scale ? { scale: study.manifest.scale } : {}),
      ...(study.manifest.shard ? { shard: study.manifest.shard } : {}),
      ...(flags['no-cache'] ? { cache: false as const } : flags.cache ? { cache: flags.cache } : {}),
      retryFailed: flags['retry-failed'] === true,
      backendOptions: backendSettings(flags, explicit),
    },
    { env: io.env, cwd: io.cwd, probe: flags.probe },
  );
  if (flags.json) io.stdout.write(`${JSON.stringify(plan, null, 2)}\n`);
  else io.stdout.write(renderStudyPlan(plan, colorsFor(io.stdout, io.env)));
  return 0;
}

import { resolve } from 'node:path';
import type { EmotionModel } from '@emocrowd/agents';
import { type CrowdEvent, descriptorItems, isBatteryDescriptor, type RunSummary } from '@emocrowd/crowd';
import type { BatchFileLimits } from '@emocrowd/models';
import { SYNTHETIC_BANNER } from '@emocrowd/models';
import type { Subscription } from 'rxjs';
import { exportJson } from '../batch/batchJson.js';
import { exportRunBatch } from '../batch/exportRunBatch.js';
import { batchEnv, batchModelName, batchRunOf, refuseConductInBatch } from '../batch/openBatchRun.js';
import { usageError } from '../command/CliError.js';
import type { CommandContext, ParsedFlags } from '../command/defineCommand.js';
import type { Io } from '../command/Io.js';
import type { runFlags } from '../commands/run.js';
import { intensitiesFlag, ksFlag, listFlag } from '../flags.js';
import { colorsFor } from '../output/colors.js';
import { ProgressBar } from '../output/ProgressBar.js';
import { renderBatchExport } from '../output/renderBatchReport.js';
import { renderRunSummary } from '../output/renderRunSummary.js';
import { backendSettings } from '../run/backendSettings.js';
import { capabilityNote } from '../run/capabilityNote.js';
import type { RunRequest } from '../run/RunRequest.js';
import { resolveShard, type Shard } from '../run/resolveShard.js';
import { resumeRequest } from '../run/resumeRequest.js';
import { type StartRunOptions, startRun } from '../run/startRun.js';

/** What `emocrowd run` does; its flags and help are in commands/run.ts. */
export async function runAction({
  flags,
  io,
  positionals,
  explicit,
}: CommandContext<typeof runFlags>): Promise<number> {
  if (positionals.length > 0)
    throw usageError(`run: unexpected argument "${positionals[0]}" (see: emocrowd run --help)`);
  if (flags['show-neighbours'] !== undefined && flags.network === undefined)
    throw usageError('--show-neighbours needs --network (without one, --neighbours others are shown)');
  const shard = shardOf(flags.shard, flags.shards, io);
  const intensities = intensitiesFlag(flags.intensities);
  if (flags.conduct === undefined && (flags.judge !== undefined || flags['judge-host'].length > 0))
    throw usageError(
      `${flags.judge !== undefined ? '--judge' : '--judge-host'} needs --conduct default|FILE`,
    );
  const given = requestFromFlags(flags, explicit, shard, intensities);
  const resumed =
    flags.resume === undefined
      ? undefined
      : resumeRequest(
          flags.resume,
          given,
          {
            ...flags,
            emotions: listFlag(flags.emotions),
            strategies: listFlag(flags.strategies),
            'group-by': listFlag(flags['group-by']),
            'emotion-model': given.emotionModel,
            intensities,
            shard,
          },
          explicit,
          io.cwd,
        );
  const where: StartRunOptions = {
    runsDir: flags.runs,
    ...(resumed
      ? { outDir: resumed.dir, resume: true }
      : flags.out
        ? { outDir: flags.out, resume: false }
        : {}),
    env: io.env,
    cwd: resumed?.cwd ?? io.cwd,
  };
  if (flags['batch-out'] !== undefined && (resumed?.request ?? given).stop !== undefined)
    throw usageError(
      '--batch-out cannot be combined with --stop-at-precision: a batch holds every request before any answer is seen; drop one of them',
    );
  if (flags['batch-out'] !== undefined)
    return exportInsteadOfRunning(resumed?.request ?? given, where, {
      out: resolve(io.cwd, flags['batch-out']),
      limits: { maxLines: flags['batch-max-lines'], maxBytes: flags['batch-max-bytes'] },
      json: flags.json === true,
      quiet: flags.quiet === true,
      io,
    });
  const started = await startRun(resumed?.request ?? given, where);
  const colors = colorsFor(io.stderr, io.env);
  const quiet = flags.quiet === true;
  if (!quiet && !started.descriptor.model.isLanguageModel)
    io.stderr.write(`${colors.yellow(SYNTHETIC_BANNER)}\n`);
  const note = capabilityNote(started.descriptor);
  if (!quiet && note !== undefined) io.stderr.write(`${colors.yellow(note)}\n`);
  if (!quiet && started.resumed > 0)
    io.stderr.write(`resuming ${started.dir}: ${started.resumed} answers already there\n`);
  const personasHere = started.descriptor.personas.shard
    ? Math.ceil(
        (started.descriptor.personas.count - started.descriptor.personas.shard.index) /
          started.descriptor.personas.shard.count,
      )
    : started.descriptor.personas.count;
  const items = descriptorItems(started.descriptor.task).length;
  const battery = isBatteryDescriptor(started.descriptor.task);
  const total = personasHere * started.descriptor.replicates * started.descriptor.rounds * items;
  // A battery's answers come persona by persona, all items of one persona together.
  const itemsNote = (done: number): string =>
    battery
      ? `${Math.floor(done / items).toLocaleString('en-US')}/${(total / items).toLocaleString('en-US')} personas x ${items} items`
      : '';
  const bar = new ProgressBar({
    stream: quiet ? { write: () => true } : io.stderr,
    total,
    label: 'asking',
  });
  let done = started.resumed;
  let unparsed = 0;
  let failed = 0;
  let summary: RunSummary | undefined;
  let cancelled = false;
  let subscription: Subscription | undefined;
  const onInterrupt = (): void => {
    if (!quiet)
      io.stderr.write(
        '\nstopping: no new questions; waiting for answers in flight (Ctrl-C again to quit now)\n',
      );
    started.stop();
    // Answers in flight get a grace period; then the calls are aborted and what is done is kept.
    setTimeout(() => subscription?.unsubscribe(), 10_000).unref();
  };
  io.interrupt.addEventListener('abort', onInterrupt, { once: true });
  try {
    await new Promise<void>((resolvePromise, reject) => {
      subscription = started.events$.subscribe({
        next: (event: CrowdEvent) => {
          if (event.type === 'estimateSubmitted' || event.type === 'estimateFailed') {
            done++;
            if (event.record.status === 'unparsed') unparsed++;
            else if (event.record.status === 'failed') failed++;
            const notes = [
              itemsNote(done),
              unparsed > 0 ? colors.yellow(`${unparsed} unparsed`) : '',
              failed > 0 ? colors.red(`${failed} failed`) : '',
            ];
            bar.update(done, notes.filter(Boolean).join('  '));
          } else if (event.type === 'runCompleted') {
            summary = event.summary;
            cancelled = event.cancelled;
          }
        },
        error: reject,
        complete: resolvePromise,
      });
      subscription.add(() => resolvePromise());
    });
  } finally {
    io.interrupt.removeEventListener('abort', onInterrupt);
    bar.clear();
  }
  if (!summary) {
    io.stderr.write(
      `stopped; answers so far are in ${started.dir}\nresume with: emocrowd run --resume ${started.dir}\n`,
    );
    return 130;
  }
  if (flags.json) io.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  else io.stdout.write(renderRunSummary(summary, { colors: colorsFor(io.stdout, io.env), dir: started.dir }));
  if (cancelled) {
    io.stderr.write(
      `stopped with ${summary.counts.missing} answers missing; resume with: emocrowd run --resume ${started.dir}\n`,
    );
    return 130;
  }
  return 0;
}

/** The request the flags describe (defaults and config included). */
function requestFromFlags(
  flags: ParsedFlags<typeof runFlags>,
  explicit: ReadonlySet<string>,
  shard: Shard | undefined,
  intensities: number[] | undefined,
): RunRequest {
  return {
    task: flags.task,
    personas: flags.personas,
    ...(listFlag(flags.emotions) ? { emotions: listFlag(flags.emotions) } : {}),
    // goemotions is the built-in spaces' own vocabulary: asking for it changes nothing.
    ...(flags['emotion-model'] && flags['emotion-model'] !== 'goemotions'
      ? { emotionModel: flags['emotion-model'] as EmotionModel }
      : {}),
    ...(intensities ? { intensities } : {}),
    condition: flags.condition as RunRequest['condition'],
    model: flags.model,
    hosts: flags.host,
    backendOptions: backendSettings(flags, explicit),
    seed: flags.seed,
    concurrency: flags.concurrency,
    replicates: flags.replicates,
    rounds: flags.rounds,
    influence:
      flags.influence === 'neighbours'
        ? flags.network !== undefined
          ? {
              kind: 'neighbours',
              show: (flags['show-neighbours'] ?? 'values') as 'values' | 'mean' | 'median',
            }
          : { kind: 'neighbours', neighbours: flags.neighbours }
        : flags.influence === 'aggregate'
          ? { kind: 'aggregate', aggregate: flags['show-aggregate'] as 'mean' | 'median' }
          : { kind: 'none' },
    ...(flags.network !== undefined ? { network: flags.network } : {}),
    temperature: flags.temperature,
    maxTokens: flags['max-tokens'],
    keepAlive: flags['keep-alive'],
    timeoutMs: flags.timeout,
    retries: flags.retries,
    maxPerHost: flags['max-per-host'],
    ...(flags['no-cache'] ? { cache: false as const } : flags.cache ? { cache: flags.cache } : {}),
    retryFailed: flags['retry-failed'] === true,
    ...(shard ? { shard } : {}),
    ...(listFlag(flags.strategies) ? { strategies: listFlag(flags.strategies) } : {}),
    subsets: flags.subsets,
    tolerance: flags.tolerance,
    ...(ksFlag(flags.ks) ? { ks: ksFlag(flags.ks) } : {}),
    epsilon: flags.epsilon,
    ...(listFlag(flags['group-by']) ? { groupBy: listFlag(flags['group-by']) } : {}),
    selectK: flags['select-k'],
    ...(flags['stop-at-precision'] !== undefined
      ? {
          stop: {
            precision: flags['stop-at-precision'],
            strategy: (flags['stop-strategy'] ?? 'median') as 'median',
            ...(flags['stop-check-every'] !== undefined ? { checkEvery: flags['stop-check-every'] } : {}),
          },
        }
      : {}),
    ...(flags.conduct !== undefined ? { conduct: flags.conduct } : {}),
    ...(flags.judge !== undefined ? { judge: flags.judge } : {}),
    ...(flags['judge-host'].length > 0 ? { judgeHosts: flags['judge-host'] } : {}),
  };
}

/**
 * `--shard` (I/N or auto) and `--shards`; undefined for the whole crowd. The shard auto chose is
 * said on stderr even with --quiet: a cluster job's log must show which part it ran.
 */
function shardOf(text: string | undefined, shards: number | undefined, io: Io): Shard | undefined {
  if (text === undefined) {
    if (shards !== undefined) throw usageError('--shards goes with --shard auto');
    return undefined;
  }
  const resolved = resolveShard(text, { ...(shards !== undefined ? { shards } : {}), env: io.env });
  if (text.trim() === 'auto')
    io.stderr.write(`shard ${resolved.shard.index + 1}/${resolved.shard.count} (from ${resolved.source})\n`);
  return resolved.shard;
}

/**
 * `run --batch-out FILE`: the run directory is created (or reopened) as for an online run, then
 * its next round is exported instead of asked; no server is contacted.
 */
async function exportInsteadOfRunning(
  request: RunRequest,
  where: StartRunOptions,
  options: { out: string; limits: BatchFileLimits; json: boolean; quiet: boolean; io: Io },
): Promise<number> {
  batchModelName(request.model, '--batch-out');
  refuseConductInBatch(request, '--batch-out');
  const started = await startRun(request, { ...where, env: batchEnv(where.env), checkReady: false });
  const run = batchRunOf(started, request, where.outDir ?? started.dir);
  try {
    const report = await exportRunBatch(run, options.out, { limits: options.limits });
    if (options.json) options.io.stdout.write(`${JSON.stringify(exportJson(report, run.dir), null, 2)}\n`);
    if (!options.quiet)
      options.io.stderr.write(`run directory ${run.dir}\n${renderBatchExport(report, run.label)}`);
    return 0;
  } finally {
    await run.close();
  }
}

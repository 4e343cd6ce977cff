import { defaultCheckEvery, describeNetwork, type RunDescriptor, taskDescriptor } from '@emocrowd/crowd';
import type { BackendStack } from '@emocrowd/models';
import type { RunRequest } from './RunRequest.js';
import type { ResolvedCrowd } from './resolveCrowd.js';

/**
 * The descriptor of a run (without its id): everything that determines its answers, from the
 * request, the resolved crowd and the model the stack reached (with its digest).
 *
 * @param request the run request.
 * @param crowd the resolved task, personas and network.
 * @param info the model stack's description.
 * @returns the descriptor, as run.json stores it.
 */
export function describeRun(
  request: RunRequest,
  crowd: ResolvedCrowd,
  info: ReturnType<BackendStack['info']>,
): Omit<RunDescriptor, 'runId'> {
  const { task, selection, network } = crowd;
  return {
    task: taskDescriptor(task),
    model: {
      id: info.id,
      backend: info.backend,
      model: info.model,
      ...(info.digest ? { digest: info.digest } : {}),
      isLanguageModel: info.isLanguageModel,
      ...(info.hosts && info.hosts.length > 0 ? { hosts: [...info.hosts] } : {}),
      ...(info.capabilities ? { capabilities: { ...info.capabilities } } : {}),
    },
    personas: {
      spec: request.personas,
      space: selection.space.name,
      condition: request.condition,
      ...(request.emotions ? { emotions: request.emotions } : {}),
      ...(request.emotionModel ? { emotionModel: request.emotionModel } : {}),
      ...(request.intensities ? { intensities: request.intensities } : {}),
      ...(request.scale ? { scale: request.scale } : {}),
      count: crowd.crowd.count,
      ...(request.shard ? { shard: request.shard } : {}),
    },
    seed: request.seed,
    replicates: request.replicates,
    rounds: request.rounds,
    influence: network ? { ...request.influence, network: describeNetwork(network) } : request.influence,
    generation: {
      ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
      ...(request.maxTokens === undefined ? {} : { maxTokens: request.maxTokens }),
      ...(request.keepAlive === undefined || !info.isLanguageModel ? {} : { keepAlive: request.keepAlive }),
    },
    strategies: request.strategies ?? [],
    ...(request.stop
      ? {
          stop: {
            strategy: request.stop.strategy,
            precision: request.stop.precision,
            level: 0.95,
            checkEvery: request.stop.checkEvery ?? defaultCheckEvery(selection.count * request.replicates),
          },
        }
      : {}),
  };
}

/**
 * A new run's id: `<yyyymmdd-hhmmss>-<task>-<model>` in UTC, plus `-shardIofN` for a shard.
 *
 * @param descriptor the run's descriptor.
 * @param now the start time.
 * @returns the id, also the run directory's default name.
 */
export function runIdOf(descriptor: Omit<RunDescriptor, 'runId'>, now: Date): string {
  const iso = now.toISOString();
  const time = `${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}`;
  const model = descriptor.model.backend === 'synthetic' ? descriptor.model.id : descriptor.model.model;
  const shard = descriptor.personas.shard;
  return `${time}-${descriptor.task.id}-${slug(model)}${shard ? `-shard${shard.index + 1}of${shard.count}` : ''}`;
}

/** Letters, digits, `.`, `_` and `-` only: a name safe as a directory and in a URL. */
export function slug(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'run';
}

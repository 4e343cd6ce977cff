import { CONDITIONS, listAllTasks, PLUTCHIK_EMOTIONS, SOCIAL_DIMENSIONS } from '@emocrowd/agents';
import { strategies, taskDescriptor, type ViewerOptions } from '@emocrowd/crowd';
import {
  type BackendDefinition,
  backendRegistry,
  GOEMOTIONS_LABELS,
  normalizeOllamaHost,
} from '@emocrowd/models';

/**
 * Builds the choices the viewer's run panel offers: built-in tasks, persona spaces, emotion
 * labels (GoEmotions, Plutchik), conditions, strategies, and models from the backend registry:
 * every in-process backend (the synthetic model), and every model each served backend that can
 * list them has at its server from the environment (OLLAMA_HOST, ...), when it answers within
 * `timeoutMs`.
 *
 * An unreachable server is not an error: the synthetic model is always offered, and
 * `ollama.reachable` says why no Ollama model is listed.
 *
 * @param env the server's environment (OLLAMA_HOST and the other backends' host variables).
 * @param timeoutMs how long to wait for a server's model list (default 1.5 s).
 * @returns the options.
 */
export async function viewerOptions(
  env: Readonly<Record<string, string | undefined>>,
  timeoutMs = 1500,
): Promise<ViewerOptions> {
  const listed = await Promise.all(backendRegistry.definitions.map((d) => listBackend(d, env, timeoutMs)));
  const ollama: ViewerOptions['ollama'] = listed.find((l) => l.prefix === 'ollama')?.server ?? {
    host: normalizeOllamaHost(env.OLLAMA_HOST),
    reachable: false,
    error: 'the ollama backend is not registered',
  };
  return {
    tasks: listAllTasks().map(taskDescriptor),
    personaSpaces: [
      { id: 'sample', label: 'A sample of the default space', spec: 'N' },
      { id: 'all', label: 'All of the default space', spec: 'all' },
      { id: 'paper', label: "The paper's space (15,064 personas)", spec: 'paper' },
    ],
    emotions: { goemotions: [...GOEMOTIONS_LABELS], plutchik: [...PLUTCHIK_EMOTIONS] },
    dimensions: Object.values(SOCIAL_DIMENSIONS).map((d) => ({ id: d.id, label: d.name })),
    conditions: [...CONDITIONS],
    strategies: strategies.map((s) => ({ name: s.name, label: s.label, description: s.description })),
    models: listed.flatMap((l) => l.models),
    ollama,
    defaults: {
      task: 'fargo-seattle',
      personas: '300',
      condition: 'combined',
      model: 'synthetic',
      seed: 42,
      concurrency: 8,
      rounds: 1,
    },
  };
}

/** What one backend contributes to the run panel: its models, and how its server answered. */
interface BackendListing {
  prefix: string;
  models: ViewerOptions['models'];
  server?: ViewerOptions['ollama'];
}

async function listBackend(
  definition: BackendDefinition,
  env: Readonly<Record<string, string | undefined>>,
  timeoutMs: number,
): Promise<BackendListing> {
  const { prefix } = definition;
  if (definition.hosts.kind === 'none') {
    const label = definition.isLanguageModel ? prefix : `${prefix} (built-in, not an LLM)`;
    return { prefix, models: [{ id: prefix, label, isLanguageModel: definition.isLanguageModel }] };
  }
  if (definition.listModels === undefined) return { prefix, models: [] };
  let host: string | undefined;
  try {
    host = backendRegistry.hosts(definition, [], env)[0];
  } catch {
    host = undefined; // not configured on this server
  }
  if (host === undefined) return { prefix, models: [] };
  try {
    const found = await definition.listModels(host, timeoutMs);
    return {
      prefix,
      models: found.map((m) => ({ id: `${prefix}:${m.name}`, label: m.label, isLanguageModel: true })),
      server: { host, reachable: true },
    };
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? 'unreachable';
    return { prefix, models: [], server: { host, reachable: false, error: message } };
  }
}

import { CONDITIONS, listAllTasks, PLUTCHIK_EMOTIONS, SOCIAL_DIMENSIONS } from '@emocrowd/agents';
import { strategies, type TaskDescriptor, taskDescriptor } from '@emocrowd/crowd';
import { GOEMOTIONS_LABELS, listModels, normalizeOllamaHost } from '@emocrowd/models';

/** What the viewer's run panel may offer: the body of `GET /api/options`. */
export interface ViewerOptions {
  /** Built-in tasks and batteries, as run.json describes them. */
  tasks: TaskDescriptor[];
  /** Persona specs: a sampled count of the default space, all of it, or the paper's space. */
  personaSpaces: { id: string; label: string; spec: string }[];
  emotions: { goemotions: string[]; plutchik: string[] };
  /** Social dimensions (breakdown axes besides emotion). */
  dimensions: { id: string; label: string }[];
  conditions: string[];
  strategies: { name: string; label: string; description: string }[];
  models: { id: string; label: string; isLanguageModel: boolean }[];
  ollama: { host: string; reachable: boolean; error?: string };
  defaults: {
    task: string;
    personas: string;
    condition: string;
    model: string;
    seed: number;
    concurrency: number;
    rounds: number;
  };
}

/**
 * Builds the choices the viewer's run panel offers: built-in tasks, persona spaces, emotion
 * labels (GoEmotions, Plutchik), conditions, strategies, and models (the synthetic model plus
 * every model the Ollama server at OLLAMA_HOST has, when it answers within `timeoutMs`).
 *
 * An unreachable Ollama is not an error: the synthetic model is always offered, and
 * `ollama.reachable` says why no LLM is listed.
 *
 * @param env the server's environment (OLLAMA_HOST).
 * @param timeoutMs how long to wait for Ollama's model list (default 1.5 s).
 * @returns the options.
 */
export async function viewerOptions(
  env: Readonly<Record<string, string | undefined>>,
  timeoutMs = 1500,
): Promise<ViewerOptions> {
  const host = normalizeOllamaHost(env.OLLAMA_HOST);
  const ollama: ViewerOptions['ollama'] = { host, reachable: false };
  let llms: ViewerOptions['models'] = [];
  let timer: NodeJS.Timeout | undefined;
  try {
    const found = await Promise.race([
      listModels(host),
      new Promise<never>((_, fail) => {
        timer = setTimeout(() => fail(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    ollama.reachable = true;
    llms = found.map((m) => ({
      id: `ollama:${m.name}`,
      label: `${m.name}${m.parameterSize ? ` (${m.parameterSize})` : ''}`,
      isLanguageModel: true,
    }));
  } catch (error) {
    ollama.error = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? 'unreachable';
  } finally {
    clearTimeout(timer);
  }
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
    models: [{ id: 'synthetic', label: 'synthetic (built-in, not an LLM)', isLanguageModel: false }, ...llms],
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

import { DEFAULT_OLLAMA_HOST, normalizeOllamaHost } from '@emocrowd/models';

/**
 * The Ollama server a catalogue command talks to, as a base URL.
 *
 * Behaviour: `--host` wins, then OLLAMA_HOST of the command's environment, then
 * http://127.0.0.1:11434; the value is read the way Ollama reads OLLAMA_HOST
 * (`normalizeOllamaHost`: "gpu-box" -> "http://gpu-box:11434"). The process environment is never
 * consulted directly, so tests and embedding programs control it through `Io.env`.
 *
 * @param flag - the --host value, if given
 * @param env - the command's environment
 * @returns a base URL without trailing slash
 */
export function resolveOllamaHost(
  flag: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): string {
  const given = flag?.trim() || env.OLLAMA_HOST?.trim() || DEFAULT_OLLAMA_HOST;
  return normalizeOllamaHost(given);
}

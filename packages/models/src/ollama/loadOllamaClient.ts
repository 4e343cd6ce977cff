/** The `ollama` client package, imported once, on first use. */
let ollamaPackage: Promise<typeof import('ollama')> | undefined;

/**
 * Imports the `ollama` client the first time a call needs it.
 *
 * Intuition: the backend registry (and through it every command's flags and `--help`) names the
 * Ollama backend without sending anything; importing its client only when a request is made
 * keeps `emocrowd --help` from paying for it. Later calls reuse the same module.
 *
 * @returns the `ollama` package's exports
 */
export function loadOllamaClient(): Promise<typeof import('ollama')> {
  ollamaPackage ??= import('ollama');
  return ollamaPackage;
}

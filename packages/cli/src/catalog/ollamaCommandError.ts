import { ModelError } from '@emocrowd/models';
import { CliError } from '../command/CliError.js';

/**
 * Turns what an Ollama catalogue call threw into the CLI's one-line error.
 *
 * Behaviour: an unreachable server becomes "cannot reach the Ollama server at HOST (...)" with
 * both fixes (start Ollama, or point --host / OLLAMA_HOST at a running one), exit 1; a missing
 * model or a refused request (the user's input) keeps the server's message, exit 2; any other
 * `ModelError` keeps its message, exit 1; other errors are returned unchanged.
 *
 * @param error - what the call threw
 * @param host - the base URL the command used
 * @param command - the command path for the message prefix, e.g. "models show"
 * @returns the error to throw
 */
export function ollamaCommandError(error: unknown, host: string, command: string): unknown {
  if (!(error instanceof ModelError)) return error;
  if (error.kind === 'connection' || error.kind === 'timeout') {
    const reason = /\(([^)]+)\)/.exec(error.message)?.[1] ?? error.kind;
    return new CliError(
      `${command}: cannot reach the Ollama server at ${host} (${reason}); start Ollama ("ollama serve") or point --host (or OLLAMA_HOST) at a running server`,
      1,
    );
  }
  const exitCode = error.kind === 'not-found' || error.kind === 'bad-request' ? 2 : 1;
  return new CliError(`${command}: ${error.message}`, exitCode);
}

import { DefinitionFileError } from '@emocrowd/agents';

/**
 * The one-line message of a definition-file error, naming the file as the user wrote it.
 *
 * Intuition: commands load files by absolute path (resolved against the working directory), but
 * the user should read the path they typed. Behaviour: a `DefinitionFileError` becomes
 * `<shownAs>: <path inside>: <what was expected>`; any other error becomes `<shownAs>: <first line>`.
 *
 * @param error - what loading the file threw
 * @param shownAs - the file as given on the command line
 * @returns the message
 */
export function definitionFileMessage(error: unknown, shownAs: string): string {
  if (error instanceof DefinitionFileError) {
    return error.at === '' ? `${shownAs}: ${error.expected}` : `${shownAs}: ${error.at}: ${error.expected}`;
  }
  const message = error instanceof Error ? error.message : String(error);
  return `${shownAs}: ${message.split('\n')[0] ?? message}`;
}

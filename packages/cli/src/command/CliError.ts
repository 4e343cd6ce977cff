/**
 * An error the CLI reports as one line, without a stack trace (unless --debug).
 * `exitCode` 2 = the user's input (a flag, a file, a config) is wrong and names the fix;
 * 1 = a runtime failure (a server went away, a disk filled up).
 */
export class CliError extends Error {
  override readonly name = 'CliError';
  readonly exitCode: 1 | 2;

  constructor(message: string, exitCode: 1 | 2 = 2) {
    super(message);
    this.exitCode = exitCode;
  }
}

/** A usage or input error: exit code 2. */
export function usageError(message: string): CliError {
  return new CliError(message, 2);
}

import type { Io } from '../command/Io.js';
import { main } from '../main.js';

/** What one in-process CLI invocation produced. */
export interface CliResult {
  /** The exit code `main` returned. */
  code: number;
  stdout: string;
  stderr: string;
}

/** Where and how `runCli` runs the CLI. */
export interface RunCliOptions {
  /** Working directory the commands resolve relative paths against (default: process.cwd()). */
  cwd?: string;
  /** The environment the commands see (default: empty, so the caller's OLLAMA_HOST, NO_COLOR... never leak in). */
  env?: Readonly<Record<string, string | undefined>>;
  /** Pretend stdout/stderr are terminals (colours, progress bars). Default false. */
  tty?: boolean;
  /** Fires the CLI's interrupt (as Ctrl-C would) when this signal aborts. */
  interrupt?: AbortSignal;
}

/**
 * Runs `emocrowd ARGS` in-process, with buffers for stdout and stderr, and returns what it wrote.
 *
 * Intuition: command tests should exercise the real parser, dispatch, error reporting and exit
 * codes of `main` without spawning a process per case; only the streams and the environment are
 * replaced. Behaviour: stdout and stderr are collected as text; `isTTY` is false unless `tty`;
 * the environment is exactly `env` (nothing inherited), the working directory `cwd`.
 *
 * @example
 * const { code, stdout } = await runCli(['personas', '--count', '--personas', 'paper']);
 * // code 0, stdout "15064\n"
 *
 * @param args - the arguments after `emocrowd`
 * @param options - working directory, environment, TTY flag, interrupt signal
 * @returns the exit code and the text written to each stream
 */
export async function runCli(args: readonly string[], options: RunCliOptions = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const tty = options.tty === true;
  const io: Io = {
    stdout: {
      write: (text: string) => {
        stdout += text;
        return true;
      },
      isTTY: tty,
      columns: 100,
    },
    stderr: {
      write: (text: string) => {
        stderr += text;
        return true;
      },
      isTTY: tty,
    },
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    interrupt: options.interrupt ?? new AbortController().signal,
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

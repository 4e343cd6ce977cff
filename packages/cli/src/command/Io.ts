/** Where a command reads and writes: the process in production, buffers in tests. */
export interface Io {
  stdout: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** Fires when the user asks to stop (Ctrl-C / SIGTERM). */
  interrupt: AbortSignal;
}

/** An Io bound to the current process; Ctrl-C aborts `interrupt` once, a second Ctrl-C exits at once. */
export function processIo(): Io {
  const controller = new AbortController();
  let count = 0;
  const onSignal = (signal: NodeJS.Signals): void => {
    count++;
    if (count === 1) controller.abort(signal);
    else process.exit(130);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  // `emocrowd ... | head`: the reader went away; stop quietly instead of crashing on EPIPE.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(0);
      throw error;
    });
  }
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    interrupt: controller.signal,
  };
}

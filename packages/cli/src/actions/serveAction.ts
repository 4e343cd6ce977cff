import { resolve } from 'node:path';
import type { CommandContext } from '../command/defineCommand.js';
import type { serveFlags } from '../commands/serve.js';
import { cliRunStore } from '../serve/cliRunStore.js';
import { startServeServer } from '../serve/startServeServer.js';

/** What `emocrowd serve` does; its flags and help are in commands/serve.ts. */
export async function serveAction({ flags, io }: CommandContext<typeof serveFlags>): Promise<number> {
  const runsDir = resolve(io.cwd, flags.runs);
  const server = await startServeServer({
    runsDir,
    store: cliRunStore(io.env),
    host: flags.host,
    port: flags.port,
    env: io.env,
  });
  io.stdout.write(`${server.url}\n`);
  io.stderr.write(`Serving the viewer and runs from ${runsDir}. Ctrl-C to stop.\n`);
  await new Promise<void>((done) => {
    if (io.interrupt.aborted) done();
    else io.interrupt.addEventListener('abort', () => done(), { once: true });
  });
  const running = [...server.live.values()].filter((run) => !run.completed).length;
  if (running > 0) io.stderr.write(`Stopping ${running} run(s); answers in flight are still stored...\n`);
  await server.stopAll();
  await server.close();
  return 0;
}

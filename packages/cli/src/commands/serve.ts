import { resolve } from 'node:path';
import { defineCommand } from '../command/defineCommand.js';
import { cliRunStore } from '../serve/cliRunStore.js';
import { startServeServer } from '../serve/startServeServer.js';

/**
 * `emocrowd serve`: the viewer in the browser, with a JSON API to start, watch and stop runs
 * and to open runs from the store. Prints the URL on the first line; Ctrl-C stops live runs
 * gracefully (their answers in flight still arrive and are stored), then exits.
 */
export const serveCommand = defineCommand({
  meta: {
    name: 'serve',
    description:
      'Open the viewer: start a crowd from the browser, watch its answers arrive, compare strategies, and open finished runs.',
    examples: ['emocrowd serve', 'emocrowd serve --port 0 --runs ./runs'],
  },
  flags: {
    port: {
      type: 'integer',
      description: 'Port to listen on (0 = any free port).',
      default: 4173,
      min: 0,
      max: 65535,
    },
    host: {
      type: 'string',
      valueName: 'ADDRESS',
      description: 'Interface to bind. Keep the default unless you know who else can reach this machine.',
      default: '127.0.0.1',
    },
    runs: { type: 'string', valueName: 'DIR', description: 'Run store directory.', default: './runs' },
  },
  async run({ flags, io }) {
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
  },
});

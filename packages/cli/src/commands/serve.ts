import { defineCommand, type FlagDefs } from '../command/defineCommand.js';

/** The flags of `emocrowd serve`. */
export const serveFlags = {
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
} as const satisfies FlagDefs;

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
  flags: serveFlags,
  run: async (context) => (await import('../actions/serveAction.js')).serveAction(context),
});

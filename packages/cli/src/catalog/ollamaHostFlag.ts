import type { FlagDef } from '../command/defineCommand.js';

/** The `--host` flag of the Ollama catalogue commands (one server, unlike `run`'s repeatable --host). */
export const ollamaHostFlag = {
  host: {
    type: 'string',
    valueName: 'URL',
    description:
      'Ollama server, e.g. http://gpu-box:11434 or gpu-box. Default: $OLLAMA_HOST or http://127.0.0.1:11434.',
  },
} as const satisfies Record<string, FlagDef>;

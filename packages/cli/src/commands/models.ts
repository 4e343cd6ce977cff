import { ollamaHostFlag } from '../catalog/ollamaHostFlag.js';
import { type CommandDef, defineCommand, type FlagDefs } from '../command/defineCommand.js';

/** The flags of `emocrowd models`. */
export const modelsFlags = {
  ...ollamaHostFlag,
  json: { type: 'boolean', description: 'Print {"host", "models": [...]} on stdout instead of a table.' },
} as const satisfies FlagDefs;

/** `emocrowd models`: the models an Ollama server has; `models show NAME`, `models create`. */
export const modelsCommand = defineCommand({
  meta: {
    name: 'models',
    description:
      'List the models an Ollama server has (name, size, digest, last change). Use a name with emocrowd run --model ollama:NAME.',
    examples: [
      'emocrowd models',
      'emocrowd models --host http://gpu-box:11434 --json',
      'emocrowd models show llama3.2:1b',
      'emocrowd models create --name emollama --from llama3.1:8b --adapter runs/express/lora',
    ],
  },
  flags: modelsFlags,
  subCommands: {
    show: async () => (await import('./modelsShow.js')).modelsShowCommand as unknown as CommandDef,
    create: async () => (await import('./modelsCreate.js')).modelsCreateCommand as unknown as CommandDef,
  },
  run: async (context) => (await import('../actions/modelsAction.js')).modelsAction(context),
});

import { type CommandDef, defineCommand } from '../command/defineCommand.js';

/** `emocrowd eval`: evaluations of models outside a crowd run. */
export const evalCommand = defineCommand({
  meta: {
    name: 'eval',
    description: 'Evaluate a model on its own: emotions scores emotion recognition on GoEmotions.',
    examples: [
      'emocrowd eval emotions --model builtin',
      'emocrowd eval emotions --model ollama:emollama --limit 500',
    ],
  },
  flags: {},
  subCommands: {
    emotions: async () => (await import('./evalEmotions.js')).evalEmotionsCommand as unknown as CommandDef,
  },
});

import { type CommandDef, defineCommand } from '../command/defineCommand.js';

/** `emocrowd emotions`: the emotion models and how a model expresses them. */
export const emotionsCommand = defineCommand({
  meta: {
    name: 'emotions',
    description:
      'Emotion models: spectra lists the seven BEAM spectra with their words, coordinates and counterparts; express rewrites a text across a spectrum with a model and checks what the built-in recognizer reads in each rewrite.',
    examples: [
      'emocrowd emotions spectra',
      'emocrowd emotions express --spectrum sadness-joy --text "The train was late again."',
    ],
  },
  flags: {},
  subCommands: {
    spectra: async () =>
      (await import('./emotionsSpectra.js')).emotionsSpectraCommand as unknown as CommandDef,
    express: async () =>
      (await import('./emotionsExpress.js')).emotionsExpressCommand as unknown as CommandDef,
  },
});

import { BEAM_SPECTRUM_IDS } from '@emocrowd/agents/vocabulary';
import { defineCommand, type FlagDefs } from '../command/defineCommand.js';
import { modelFlags } from '../flags.js';

/** The flags of `emocrowd emotions express`. */
export const emotionsExpressFlags = {
  spectrum: {
    type: 'string',
    choices: BEAM_SPECTRUM_IDS,
    description: 'The spectrum to rewrite across.',
    default: 'sadness-joy',
  },
  text: { type: 'string', description: 'The text to rewrite.' },
  file: { type: 'string', valueName: 'FILE', description: 'Read the text from a file instead.' },
  levels: {
    type: 'string',
    valueName: 'LIST',
    description: 'Signed levels to rewrite at, -1 to 1 (write --levels=-1,0,1). Default: the seven.',
  },
  ...modelFlags,
  'max-tokens': {
    ...modelFlags['max-tokens'],
    description: 'Most tokens a rewrite may have.',
    default: 1024,
  },
  seed: { type: 'integer', description: 'Seed of every model call.', default: 42, min: 0 },
  json: { type: 'boolean', description: 'Print the report as one JSON object.' },
  quiet: { type: 'boolean', short: 'q', description: 'No banner on stderr.' },
} as const satisfies FlagDefs;

/** `emocrowd emotions express`: one text rewritten across a spectrum, each rewrite checked. */
export const emotionsExpressCommand = defineCommand({
  meta: {
    name: 'emotions express',
    description:
      'Rewrite one text at each level of a BEAM spectrum with a model (Chang\'s experiment), score every rewrite with the built-in emotion recognizer, and report whether the expressed level follows the intended one: Spearman\'s rank correlation of level and pole score (one-sided, exact for up to 9 levels) and the manipulation check of runs. The built-in synthetic model is not a language model: it puts "I feel <word>." in front of the text, a baseline.',
    examples: [
      'emocrowd emotions express --spectrum sadness-joy --text "The train was late again."',
      'emocrowd emotions express --model ollama:llama3.1:8b --spectrum fear-courage --file poem.txt --json',
    ],
  },
  flags: emotionsExpressFlags,
  run: async (context) =>
    (await import('../actions/emotionsExpressAction.js')).emotionsExpressAction(context),
});

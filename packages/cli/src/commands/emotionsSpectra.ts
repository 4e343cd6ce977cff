import { BEAM_SPECTRUM_IDS } from '@emocrowd/agents/vocabulary';
import { defineCommand, type FlagDefs } from '../command/defineCommand.js';

/** The flags of `emocrowd emotions spectra`. */
export const emotionsSpectraFlags = {
  spectrum: {
    type: 'string',
    choices: BEAM_SPECTRUM_IDS,
    description: 'Only this spectrum.',
  },
  json: { type: 'boolean', description: 'Print one JSON object instead of a table.' },
} as const satisfies FlagDefs;

/** `emocrowd emotions spectra`: the BEAM spectra as emocrowd uses them. */
export const emotionsSpectraCommand = defineCommand({
  meta: {
    name: 'emotions spectra',
    description:
      "List the seven BEAM spectra: each level's word, the valence and arousal a persona at that level gets (and the synthetic model reads), and the word's GoEmotions and Plutchik counterparts (- where there is none).",
    examples: ['emocrowd emotions spectra', 'emocrowd emotions spectra --spectrum fear-courage --json'],
  },
  flags: emotionsSpectraFlags,
  run: async (context) =>
    (await import('../actions/emotionsSpectraAction.js')).emotionsSpectraAction(context),
});

/**
 * The fixed names of `@emocrowd/agents` (`@emocrowd/agents/vocabulary`) that command-line flags
 * offer as choices, without loading persona spaces, prompts, LangChain or the data: the CLI's
 * command definitions read their choices from here, so `emocrowd --help` stays fast.
 */

export type { BeamSpectrumId } from './emotion/beamSpectra.js';
export { BEAM_LEVELS, BEAM_SPECTRUM_IDS } from './emotion/beamSpectra.js';

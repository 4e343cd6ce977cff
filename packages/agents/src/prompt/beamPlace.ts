import { BEAM_LEVELS, BEAM_SPECTRA, type BeamSpectrumId, nearestBeamLevel } from '../emotion/beamSpectra.js';

/**
 * Words a position on a BEAM spectrum, by the nearest level: "the extreme sadness end of the
 * spectrum from sadness to joy" (|level| 1), "strongly toward sadness on the spectrum from
 * sadness to joy" (0.6), "mildly toward ..." (0.3), "the neutral midpoint of ..." (0).
 *
 * @param spectrum - the spectrum
 * @param signedIntensity - -1 .. +1
 * @returns the phrase
 */
export function beamPlace(spectrum: BeamSpectrumId, signedIntensity: number): string {
  const { negative, positive } = BEAM_SPECTRA[spectrum];
  const level = BEAM_LEVELS[nearestBeamLevel(signedIntensity)] as number;
  const pole = level < 0 ? negative : positive;
  const range = `the spectrum from ${negative} to ${positive}`;
  if (level === 0) return `the neutral midpoint of ${range}`;
  if (Math.abs(level) === 1) return `the extreme ${pole} end of ${range}`;
  return `${Math.abs(level) === 0.6 ? 'strongly' : 'mildly'} toward ${pole} on ${range}`;
}

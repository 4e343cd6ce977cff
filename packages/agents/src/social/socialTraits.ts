import type { SocialTraits } from './SocialDimension.js';
import { socialValue } from './socialDimensions.js';

/**
 * Combines the traits of a persona's social attribute values.
 *
 * Intuition: a persona's numeracy comes from several attributes (schooling, job), and its
 * familiarity with US places from where it lives or how it works (a truck driver knows road
 * distances).
 *
 * Behaviour: numeracy = mean of the numeracy traits present; familiarity = max of the
 * familiarity traits present; a trait is absent when no value carries it (custom dimensions
 * carry none).
 *
 * @param attributes - persona attributes, dimension id -> value id
 * @returns the combined traits
 */
export function socialTraits(attributes: Readonly<Record<string, string>>): SocialTraits {
  let numeracySum = 0;
  let numeracyCount = 0;
  let familiarity: number | undefined;
  for (const [dimension, value] of Object.entries(attributes)) {
    const traits = socialValue(dimension, value)?.traits;
    if (traits === undefined) continue;
    if (traits.numeracy !== undefined) {
      numeracySum += traits.numeracy;
      numeracyCount++;
    }
    if (traits.familiarity !== undefined) familiarity = Math.max(familiarity ?? 0, traits.familiarity);
  }
  const out: SocialTraits = {};
  if (numeracyCount > 0) out.numeracy = numeracySum / numeracyCount;
  if (familiarity !== undefined) out.familiarity = familiarity;
  return out;
}

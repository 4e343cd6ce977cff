import { AGE_GROUP } from '../social/ageGroup.js';
import { EDUCATION } from '../social/education.js';
import { GENDER } from '../social/gender.js';
import { OCCUPATION } from '../social/occupation.js';
import { POLITICAL_LEANING } from '../social/politicalLeaning.js';
import { REGION } from '../social/region.js';
import type { SocialDimension } from '../social/SocialDimension.js';
import { type BuiltInSpaceOptions, builtInEmotions, builtInSuffix } from './builtInEmotions.js';
import { createPersonaSpace, type PersonaSpace, type SpaceDimension } from './PersonaSpace.js';
import { stableHash } from './stableHash.js';

/** Number of social configurations in the paper space. */
export const PAPER_SOCIAL_CONFIGURATIONS = 538;

const toSpaceDimension = (d: SocialDimension): SpaceDimension => ({
  id: d.id,
  values: d.values.map((v) => v.id),
});

/** The dimensions whose full factorial the paper space's 538 configurations are drawn from. */
export const PAPER_DIMENSIONS: readonly SpaceDimension[] = [
  REGION,
  AGE_GROUP,
  GENDER,
  EDUCATION,
  OCCUPATION,
  POLITICAL_LEANING,
].map(toSpaceDimension);

/**
 * The positions in the full factorial of {@link PAPER_DIMENSIONS} kept by the paper space.
 *
 * Construction (deterministic, documented): the factorial region 4 x age 6 x gender 3 x
 * education 6 x occupation 12 x politics 5 has 25,920 configurations; each is written as its
 * canonical text "region=...|age=...|gender=...|education=...|occupation=...|politics=..." and
 * hashed with {@link stableHash} (seed 538); the 538 configurations with the smallest hashes are
 * kept, in factorial order. Hashing is a pseudo-random sample without replacement that does not
 * depend on any RNG implementation, so every value of every dimension appears roughly in
 * proportion (about 538 / 4 per region).
 *
 * @returns ascending factorial positions, length 538
 */
export function paperSocialSelection(): readonly number[] {
  if (cachedSelection !== undefined) return cachedSelection;
  const radices = PAPER_DIMENSIONS.map((d) => d.values.length);
  const total = radices.reduce((a, b) => a * b, 1);
  const scored: { position: number; hash: string }[] = [];
  for (let position = 0; position < total; position++) {
    let rest = position;
    const parts: string[] = new Array(PAPER_DIMENSIONS.length);
    for (let d = PAPER_DIMENSIONS.length - 1; d >= 0; d--) {
      const dim = PAPER_DIMENSIONS[d] as SpaceDimension;
      const radix = radices[d] as number;
      const v = rest % radix;
      rest = (rest - v) / radix;
      parts[d] = `${dim.id}=${dim.values[v]}`;
    }
    scored.push({ position, hash: stableHash(parts.join('|'), PAPER_SOCIAL_CONFIGURATIONS) });
  }
  scored.sort((a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : a.position - b.position));
  cachedSelection = scored
    .slice(0, PAPER_SOCIAL_CONFIGURATIONS)
    .map((s) => s.position)
    .sort((a, b) => a - b);
  return cachedSelection;
}
let cachedSelection: readonly number[] | undefined;

/**
 * The built-in "paper" space: 28 GoEmotions labels x 538 social configurations = 15,064 personas,
 * the crowd size of Kadiyala et al. 2025 (arXiv 2503.04849).
 *
 * Intuition: the paper reports 15,064 persona configurations; 15,064 = 28 x 538 suggests the 28
 * GoEmotions labels times 538 social configurations (RESEARCH.md §1, unconfirmed), and the
 * paper's attribute lists are not public. 538 = 2 x 269 cannot be a full factorial of
 * census-style dimensions, so the configurations are a documented deterministic selection, see
 * {@link paperSocialSelection}. Emotions are at the default intensity 0.7. With `options` the
 * 28 labels are replaced by another model's emotions or an intensity sweep (see
 * {@link builtInEmotions}) and the space is named "paper-<model>" and/or "@<sweep>"; the 538
 * social configurations stay.
 *
 * @param options - emotion model and intensity sweep
 * @returns the space (positions emotion-major: 0..537 are admiration)
 */
export function paperSpace(options: BuiltInSpaceOptions = {}): PersonaSpace {
  const emotions = builtInEmotions(options);
  const suffix = builtInSuffix(options);
  return createPersonaSpace({
    name: `paper${suffix}`,
    description:
      suffix === ''
        ? '28 GoEmotions labels x 538 social configurations (15,064 personas, Kadiyala et al. 2025)'
        : `${emotions.model} emotions${options.intensities ? ` at intensities ${options.intensities.join(', ')}` : ''} x the paper's 538 social configurations`,
    emotions,
    dimensions: PAPER_DIMENSIONS,
    socialSelection: paperSocialSelection(),
  });
}

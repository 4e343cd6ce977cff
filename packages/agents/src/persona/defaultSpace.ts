import { AGE_GROUP } from '../social/ageGroup.js';
import { EDUCATION } from '../social/education.js';
import { GENDER } from '../social/gender.js';
import { REGION } from '../social/region.js';
import { type BuiltInSpaceOptions, builtInEmotions, builtInSuffix } from './builtInEmotions.js';
import { createPersonaSpace, type PersonaSpace } from './PersonaSpace.js';

/**
 * The everyday space: 28 GoEmotions labels x region 4 x age 6 x gender 3 x education 6 =
 * 12,096 personas, a full factorial of the dimensions that matter most for a distance
 * question (where you live, numeracy through schooling) plus age and gender.
 *
 * `--personas N` samples N personas from it; `--personas all` takes all of them. With
 * `options` the emotion dimension is another model's or an intensity sweep (see
 * {@link builtInEmotions}); the space is then named "default-<model>" and/or "@<sweep>", e.g.
 * "default-beam" (7 spectra x 7 levels x 432 = 21,168 personas).
 *
 * @param options - emotion model and intensity sweep
 * @returns the space
 */
export function defaultSpace(options: BuiltInSpaceOptions = {}): PersonaSpace {
  const emotions = builtInEmotions(options);
  const suffix = builtInSuffix(options);
  return createPersonaSpace({
    name: `default${suffix}`,
    description:
      suffix === ''
        ? '28 GoEmotions labels x region x age x gender x education (12,096 personas)'
        : `${emotions.model} emotions${options.intensities ? ` at intensities ${options.intensities.join(', ')}` : ''} x region x age x gender x education`,
    emotions,
    dimensions: [REGION, AGE_GROUP, GENDER, EDUCATION].map((d) => ({
      id: d.id,
      values: d.values.map((v) => v.id),
    })),
  });
}

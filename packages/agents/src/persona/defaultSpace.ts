import { GOEMOTIONS_LABELS } from '@emocrowd/models';
import { AGE_GROUP } from '../social/ageGroup.js';
import { EDUCATION } from '../social/education.js';
import { GENDER } from '../social/gender.js';
import { REGION } from '../social/region.js';
import { createPersonaSpace, type PersonaSpace } from './PersonaSpace.js';

/**
 * The everyday space: 28 GoEmotions labels x region 4 x age 6 x gender 3 x education 6 =
 * 12,096 personas, a full factorial of the dimensions that matter most for a distance
 * question (where you live, numeracy through schooling) plus age and gender.
 *
 * `--personas N` samples N personas from it; `--personas all` takes all of them.
 *
 * @returns the space
 */
export function defaultSpace(): PersonaSpace {
  return createPersonaSpace({
    name: 'default',
    description: '28 GoEmotions labels x region x age x gender x education (12,096 personas)',
    emotions: { model: 'goemotions', labels: GOEMOTIONS_LABELS },
    dimensions: [REGION, AGE_GROUP, GENDER, EDUCATION].map((d) => ({
      id: d.id,
      values: d.values.map((v) => v.id),
    })),
  });
}

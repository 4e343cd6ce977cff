import { AGE_GROUP } from './ageGroup.js';
import { EDUCATION } from './education.js';
import { GENDER } from './gender.js';
import { OCCUPATION } from './occupation.js';
import { POLITICAL_LEANING } from './politicalLeaning.js';
import { REGION } from './region.js';
import type { SocialDimension, SocialValue } from './SocialDimension.js';

/**
 * The built-in social dimensions by id: region, age, gender, education, occupation, politics.
 *
 * Persona files may use other dimension ids too; those values are told to the persona as
 * "<dimension>: <value>" and carry no traits.
 */
export const SOCIAL_DIMENSIONS: Readonly<Record<string, SocialDimension>> = {
  region: REGION,
  age: AGE_GROUP,
  gender: GENDER,
  education: EDUCATION,
  occupation: OCCUPATION,
  politics: POLITICAL_LEANING,
};

const VALUE_INDEX = new Map<string, SocialValue>();
for (const dim of Object.values(SOCIAL_DIMENSIONS)) {
  for (const value of dim.values) VALUE_INDEX.set(`${dim.id}=${value.id}`, value);
}

/**
 * Looks up a built-in value.
 *
 * @param dimension - dimension id, e.g. "age"
 * @param value - value id, e.g. "25-34"
 * @returns the value, or undefined for custom dimensions / unknown values
 */
export function socialValue(dimension: string, value: string): SocialValue | undefined {
  return VALUE_INDEX.get(`${dimension}=${value}`);
}

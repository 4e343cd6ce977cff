import type { SocialDimension } from './SocialDimension.js';

/**
 * Gender: woman, man, non-binary.
 *
 * Source: US Census Bureau Household Pulse Survey gender-identity item (2021-), which adds
 * transgender / none of these to the ACS's binary sex question; non-binary stands for the latter.
 */
export const GENDER: SocialDimension = {
  id: 'gender',
  name: 'gender',
  source: 'US Census Bureau Household Pulse Survey, gender identity',
  values: [
    { id: 'woman', phrase: 'You are a woman.' },
    { id: 'man', phrase: 'You are a man.' },
    { id: 'non-binary', phrase: 'You are non-binary.' },
  ],
};

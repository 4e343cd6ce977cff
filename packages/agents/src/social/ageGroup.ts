import type { SocialDimension } from './SocialDimension.js';

/**
 * Adult age groups in the US Census Bureau's ten-year brackets (18-24, then 25-34 ... 65+).
 *
 * Source: US Census Bureau, American Community Survey table S0101 "Age and Sex" (adult
 * brackets merged to ten years as in CPS tables). No traits: age is told, not simulated.
 */
export const AGE_GROUP: SocialDimension = {
  id: 'age',
  name: 'age group',
  source: 'US Census Bureau, ACS S0101 age brackets (adults)',
  values: [
    { id: '18-24', phrase: 'You are 18 to 24 years old.' },
    { id: '25-34', phrase: 'You are 25 to 34 years old.' },
    { id: '35-44', phrase: 'You are 35 to 44 years old.' },
    { id: '45-54', phrase: 'You are 45 to 54 years old.' },
    { id: '55-64', phrase: 'You are 55 to 64 years old.' },
    { id: '65+', phrase: 'You are 65 years old or older.' },
  ],
};

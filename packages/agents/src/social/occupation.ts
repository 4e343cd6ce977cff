import type { SocialDimension } from './SocialDimension.js';

/**
 * Occupation: ten of the 22 major groups of the US Standard Occupational Classification, as
 * used by the Bureau of Labor Statistics (SOC codes in the ids' comments), plus "retired" and "student".
 *
 * Source: BLS, 2018 Standard Occupational Classification, major groups. The subset favours
 * large groups and ones plausibly related to estimation (driving distances, quantities).
 * Numeracy traits are this project's proxy; transportation workers get a familiarity trait
 * because long-distance driving makes road distances familiar.
 */
export const OCCUPATION: SocialDimension = {
  id: 'occupation',
  name: 'occupation',
  source: 'BLS 2018 SOC major groups (subset)',
  values: [
    { id: 'management', phrase: 'You work in management.', traits: { numeracy: 0.65 } }, // 11-0000
    {
      id: 'computer-math',
      phrase: 'You work in a computer or mathematical occupation.',
      traits: { numeracy: 0.85 },
    }, // 15-0000
    { id: 'engineering', phrase: 'You work in architecture or engineering.', traits: { numeracy: 0.85 } }, // 17-0000
    { id: 'education', phrase: 'You work in education.', traits: { numeracy: 0.6 } }, // 25-0000
    { id: 'healthcare', phrase: 'You are a healthcare practitioner.', traits: { numeracy: 0.65 } }, // 29-0000
    { id: 'sales', phrase: 'You work in sales.', traits: { numeracy: 0.5 } }, // 41-0000
    {
      id: 'office-admin',
      phrase: 'You work in office and administrative support.',
      traits: { numeracy: 0.5 },
    }, // 43-0000
    { id: 'farming', phrase: 'You work in farming, fishing or forestry.', traits: { numeracy: 0.45 } }, // 45-0000
    { id: 'construction', phrase: 'You work in construction.', traits: { numeracy: 0.5 } }, // 47-0000
    {
      id: 'transportation',
      phrase: 'You work in transportation, for example as a truck driver.',
      traits: { numeracy: 0.45, familiarity: 0.7 },
    }, // 53-0000
    { id: 'retired', phrase: 'You are retired.', traits: { numeracy: 0.5 } },
    { id: 'student', phrase: 'You are a student.', traits: { numeracy: 0.6 } },
  ],
};

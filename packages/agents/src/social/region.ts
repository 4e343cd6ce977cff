import type { SocialDimension } from './SocialDimension.js';

/**
 * Where the persona lives, coarse enough to express familiarity with the places of the default
 * question (Fargo, ND in the Upper Midwest; Seattle, WA in the Pacific Northwest).
 *
 * Source: regions follow US Census Bureau divisions loosely (Upper Midwest = ND, SD, MN, WI,
 * part of the West North Central / East North Central divisions; Pacific Northwest = WA, OR,
 * ID, part of the Pacific / Mountain divisions). Familiarity traits are this project's
 * choice: locals know their own region's distances best.
 */
export const REGION: SocialDimension = {
  id: 'region',
  name: 'region of residence',
  source: 'US Census Bureau regions and divisions (coarsened)',
  values: [
    {
      id: 'pacific-northwest',
      phrase: 'You live in the Pacific Northwest (Washington, Oregon or Idaho).',
      traits: { familiarity: 0.9 },
    },
    {
      id: 'upper-midwest',
      phrase: 'You live in the Upper Midwest (North Dakota, Minnesota or nearby).',
      traits: { familiarity: 0.9 },
    },
    { id: 'elsewhere-us', phrase: 'You live elsewhere in the United States.', traits: { familiarity: 0.5 } },
    { id: 'outside-us', phrase: 'You live outside the United States.', traits: { familiarity: 0.2 } },
  ],
};

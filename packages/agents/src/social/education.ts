import type { SocialDimension } from './SocialDimension.js';

/**
 * Educational attainment in the US Census Bureau's six summary levels (population 25+).
 *
 * Source: US Census Bureau, ACS table S1501 "Educational Attainment". The numeracy traits are
 * this project's monotone proxy (more formal schooling, more practice with quantities), in the
 * spirit of the PIAAC finding that numeracy rises with attainment (OECD 2013, Skills Outlook).
 */
export const EDUCATION: SocialDimension = {
  id: 'education',
  name: 'educational attainment',
  source: 'US Census Bureau, ACS S1501 educational attainment',
  values: [
    { id: 'less-than-high-school', phrase: 'You did not finish high school.', traits: { numeracy: 0.3 } },
    {
      id: 'high-school',
      phrase: 'Your highest education is a high school diploma.',
      traits: { numeracy: 0.45 },
    },
    {
      id: 'some-college',
      phrase: 'You went to college for a while but have no degree.',
      traits: { numeracy: 0.55 },
    },
    { id: 'associate', phrase: "You have an associate's degree.", traits: { numeracy: 0.6 } },
    { id: 'bachelor', phrase: "You have a bachelor's degree.", traits: { numeracy: 0.7 } },
    { id: 'graduate', phrase: 'You have a graduate or professional degree.', traits: { numeracy: 0.85 } },
  ],
};

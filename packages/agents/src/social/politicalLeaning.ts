import type { SocialDimension } from './SocialDimension.js';

/**
 * Political leaning on Pew Research Center's five-point ideology item.
 *
 * Source: Pew Research Center, "Political Polarization in the American Public" (2014) and its
 * survey item "very conservative, conservative, moderate, liberal, very liberal". No traits:
 * leaning is told, not simulated (Becker, Porter & Centola 2019 find partisan crowds are still wise).
 */
export const POLITICAL_LEANING: SocialDimension = {
  id: 'politics',
  name: 'political leaning',
  source: 'Pew Research Center five-point ideology scale',
  values: [
    { id: 'very-conservative', phrase: 'Politically, you are very conservative.' },
    { id: 'conservative', phrase: 'Politically, you are conservative.' },
    { id: 'moderate', phrase: 'Politically, you are moderate.' },
    { id: 'liberal', phrase: 'Politically, you are liberal.' },
    { id: 'very-liberal', phrase: 'Politically, you are very liberal.' },
  ],
};

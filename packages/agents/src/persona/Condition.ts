/**
 * The experimental conditions of Kadiyala et al. 2025 (arXiv 2503.04849): what a persona is told
 * about itself.
 *
 * - `emotion`: only its emotion;
 * - `social`: only its social attributes;
 * - `combined`: both.
 *
 * The condition shapes the prompt and the simulation hints, not the persona space: the same
 * 15,064 personas can be asked under each condition.
 */
export type Condition = 'emotion' | 'social' | 'combined';

/** All conditions, in the paper's order. */
export const CONDITIONS: readonly Condition[] = ['emotion', 'social', 'combined'];

/**
 * Whether a condition tells the persona its emotion.
 *
 * @param condition - the condition
 * @returns true for 'emotion' and 'combined'
 */
export function showsEmotion(condition: Condition): boolean {
  return condition !== 'social';
}

/**
 * Whether a condition tells the persona its social attributes.
 *
 * @param condition - the condition
 * @returns true for 'social' and 'combined'
 */
export function showsSocial(condition: Condition): boolean {
  return condition !== 'emotion';
}

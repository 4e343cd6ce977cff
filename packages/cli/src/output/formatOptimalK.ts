import type { SubsetStrategyResult } from '@emocrowd/crowd';
import { formatPercent } from './renderTable.js';

/**
 * One strategy's optimal subset size for a line of text: `mean k=56 [29-70] (26%; ε-good from
 * k=45) bias-artefact`, or `mean: no accurate subset`. The interval and the flags are always
 * shown, so an optimum is never read without its uncertainty and its caveats.
 *
 * @param result the strategy's subset curve
 * @returns the text
 */
export function formatOptimalK(result: SubsetStrategyResult): string {
  if (result.optimalK === null) return `${result.name}: no accurate subset`;
  const interval = result.optimalKInterval
    ? ` [${result.optimalKInterval[0]}-${result.optimalKInterval[1]}]`
    : '';
  const flags = result.flags.filter((f) => f !== 'no-accurate-subset');
  return `${result.name} k=${result.optimalK}${interval} (${formatPercent(result.optimalAccuracy, 0)}; ε-good from k=${result.smallestGoodK})${flags.length > 0 ? ` ${flags.join(' ')}` : ''}`;
}

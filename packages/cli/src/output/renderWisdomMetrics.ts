import type { CrowdMetrics } from '@emocrowd/crowd';
import type { Colors } from './colors.js';
import { formatNumber, formatPercent } from './renderTable.js';

/**
 * The wisdom-of-crowds lines of a crowd's report: the diversity prediction theorem in the answers'
 * unit and in log space (with the answers <= 0 the log terms leave out), how many individuals the
 * mean and the median beat, the bracketing rate and WOC indicator, the estimate/truth ratio, the
 * round-number share and the hyper-accuracy flag. `emocrowd run` and `emocrowd analyze` both
 * write a crowd's metrics with it.
 *
 * @param m the crowd's metrics
 * @param opts the decimals of the squared errors, the unit they are squared in, colours
 * @returns the lines, indented by two spaces
 */
export function renderWisdomMetrics(
  m: CrowdMetrics,
  opts: { digits: number; unit: string; colors: Colors },
): string[] {
  const d = opts.digits;
  return [
    `  collective error ${formatNumber(m.collectiveError, d)} = average individual error ${formatNumber(m.averageIndividualError, d)} - diversity ${formatNumber(m.diversity, d)}  (squared ${opts.unit || 'units'})`,
    `  log space: ${formatNumber(m.logCollectiveError, 4)} = ${formatNumber(m.logAverageIndividualError, 4)} - ${formatNumber(m.logDiversity, 4)}${m.logDropped > 0 ? ` (${m.logDropped} estimates <= 0 left out)` : ''}`,
    `  mean beats ${formatPercent(m.beatenByMean)} of individuals, median ${formatPercent(m.beatenByMedian)}; bracketing rate ${formatPercent(m.bracketingRate)}; WOC indicator ${m.wocIndicator}`,
    `  estimate/truth: median ${formatNumber(m.ratioMedian, 3)}, IQR ${formatNumber(m.ratioIQR, 3)}; round numbers ${formatPercent(m.roundNumberShare)}${m.hyperAccuracy ? opts.colors.yellow('; hyper-accuracy: the spread collapsed onto the truth') : ''}`,
  ];
}

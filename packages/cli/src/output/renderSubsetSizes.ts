import type { SubsetAnalysis } from '@emocrowd/crowd';
import type { Colors } from './colors.js';
import { formatOptimalK } from './formatOptimalK.js';
import { formatPercent } from './renderTable.js';

/**
 * The subset-size lines of a crowd's report: each strategy's optimal subset size with its
 * interval (`formatOptimalK`), then the `--ks` sizes left out as larger than the crowd and the
 * sizes above the analysis' cap that were not drawn. Nothing without a subset analysis.
 *
 * @param subsets the crowd's subset analysis
 * @param colors colours
 * @param limit how many strategies to list (default all)
 * @returns the lines, indented by two spaces
 */
export function renderSubsetSizes(
  subsets: SubsetAnalysis | undefined,
  colors: Colors,
  limit = Number.POSITIVE_INFINITY,
): string[] {
  if (!subsets || subsets.strategies.length === 0) return [];
  const best = subsets.strategies.slice(0, limit).map((r) => formatOptimalK(r));
  const out = [
    `  optimal subset size [interval] (accuracy within ±${formatPercent(subsets.tolerance, 0)}): ${best.join(', ')}`,
  ];
  if (subsets.skippedKs.length > 0)
    out.push(
      colors.yellow(
        `  --ks ${subsets.skippedKs.join(',')} left out: larger than the crowd (${subsets.n} answers)`,
      ),
    );
  if ((subsets.cappedKs?.length ?? 0) > 0)
    out.push(
      colors.dim(
        `  subset sizes ${subsets.cappedKs.map((k) => k.toLocaleString('en-US')).join(', ')} not drawn (above ${subsets.maxK.toLocaleString('en-US')}); ask for one with --ks`,
      ),
    );
  return out;
}

import type { IntensityTrend, TrendSlope } from '@emocrowd/crowd';
import type { Colors } from './colors.js';
import { formatNumber, renderTable } from './renderTable.js';

/**
 * The dose-response of an intensity sweep as text: one row per stratum (a BEAM spectrum, a
 * Plutchik spoke or a GoEmotions label) with the slopes of bias, error and spread per unit of
 * intensity and their intervals; an interval that excludes 0 is marked.
 *
 * @param trends - the summary's `intensityTrends`
 * @param colors - terminal colours
 * @returns the table, or "" without trends
 */
export function renderIntensityTrends(trends: readonly IntensityTrend[], colors: Colors): string {
  if (trends.length === 0) return '';
  const level = trends.find((t) => t.absLogError)?.absLogError?.level ?? 0.95;
  const cell = (slope: TrendSlope | null): string => {
    if (slope === null) return '';
    const text = `${formatNumber(slope.estimate, 3)} [${formatNumber(slope.lower, 3)}, ${formatNumber(slope.upper, 3)}]`;
    return slope.lower > 0 || slope.upper < 0 ? colors.bold(text) : text;
  };
  return [
    colors.bold('intensity trends'),
    colors.dim(
      `  slopes per unit of intensity, ${Math.round(level * 100)}% stratified bootstrap intervals; bold: the interval excludes 0`,
    ),
    renderTable(
      [
        { header: 'scale' },
        { header: 'levels', align: 'right' },
        { header: 'n', align: 'right' },
        { header: 'ln(x/T)', align: 'right' },
        { header: '|ln(x/T)|', align: 'right' },
        { header: 'log-sd', align: 'right' },
      ],
      trends.map((t) => [
        t.stratum,
        String(t.levels.length),
        String(t.n),
        cell(t.logRatio),
        cell(t.absLogError),
        cell(t.logSd),
      ]),
    ).trimEnd(),
  ].join('\n');
}

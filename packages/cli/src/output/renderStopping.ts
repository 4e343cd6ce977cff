import type { StoppingSummary } from '@emocrowd/crowd';
import type { Colors } from './colors.js';
import { formatNumber, formatPercent } from './renderTable.js';

/**
 * The lines that say why and when a crowd with `--stop-at-precision` stopped, what it saved and
 * the interval it stopped on (one per item of a battery).
 *
 * @param stopping the summary's `stopping`
 * @param colors terminal colours
 * @returns the lines (no trailing blank line)
 */
export function renderStopping(stopping: StoppingSummary, colors: Colors): string[] {
  const { crowd, population, callsSaved, precision } = stopping;
  const n = (x: number): string => x.toLocaleString('en-US');
  const why =
    stopping.reason === 'precision'
      ? `stopped after ${n(crowd)} of ${n(population)} in random order: the ${formatPercent(stopping.level, 0)} interval of the ${stopping.strategy} was narrower than ${formatPercent(precision, 1)} of it`
      : stopping.reason === 'exhausted'
        ? `asked all ${n(population)}: the ${stopping.strategy}'s interval never got narrower than ${formatPercent(precision, 1)} of it`
        : `interrupted after ${n(crowd)} of ${n(population)} in random order, before the interval reached ${formatPercent(precision, 1)}`;
  const lines = [
    colors.bold('stopping'),
    `  ${why}; ${n(callsSaved)} model calls saved (${n(stopping.looks)} looks, one every ${n(stopping.checkEvery)})`,
  ];
  for (const interval of stopping.intervals) {
    const where = interval.item !== undefined ? `${interval.item}: ` : '';
    const range =
      interval.lower === null || interval.upper === null
        ? 'no interval yet'
        : `[${formatNumber(interval.lower, 1)}, ${formatNumber(interval.upper, 1)}], width ${formatPercent(interval.relativeWidth ?? Number.NaN, 1)}`;
    lines.push(
      `  ${where}${stopping.strategy} ${formatNumber(interval.estimate, 1)} ${range} (${n(interval.answered)} answers)`,
    );
  }
  return lines;
}

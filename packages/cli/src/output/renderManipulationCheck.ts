import type { ManipulationCheck } from '../analysis/manipulationCheck.js';
import type { Colors } from './colors.js';
import { formatPercent, renderTable } from './renderTable.js';

/**
 * The manipulation check of a run as text: the share of answers that express their assigned
 * emotion, then one row per emotion.
 *
 * @param check the check
 * @param colors colours
 * @returns the text
 */
export function renderManipulationCheck(check: ManipulationCheck, colors: Colors): string {
  return `${colors.bold('manipulation check')}: ${formatPercent(check.share)} of ${check.n} answers express their assigned emotion (Ekman level, built-in classifier)${check.skipped > 0 ? `; ${check.skipped} not checked` : ''}\n\n${renderTable(
    [
      { header: 'emotion' },
      { header: 'ekman' },
      { header: 'n', align: 'right' },
      { header: 'expressed', align: 'right' },
      { header: 'most predicted' },
    ],
    check.byEmotion.map((r) => [
      r.emotion,
      r.ekman,
      String(r.n),
      formatPercent(r.share),
      `${r.topPredicted} (${formatPercent(r.topPredictedShare, 0)})`,
    ]),
  )}`;
}

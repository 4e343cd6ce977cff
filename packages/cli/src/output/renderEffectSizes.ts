import type { EstimateSummary } from '@emocrowd/crowd';
import type { Colors } from './colors.js';
import { formatNumber } from './renderTable.js';

/**
 * The share of the variance of ln(estimate) each dimension explains (one-way eta² and omega²),
 * and, when emotion and social attributes both vary, the two-factor model of emotion against the
 * joint social configuration (partial eta², partial omega², interval). Only renders.
 *
 * @param summary the summary (nothing is rendered without effect sizes)
 * @param colors colours
 * @returns the lines (empty when there is nothing to show)
 */
export function renderEffectSizes(
  summary: Pick<EstimateSummary, 'effectSizes' | 'effectModel'>,
  colors: Colors,
): string[] {
  const effects = summary.effectSizes ?? [];
  if (effects.length === 0) return [];
  const out = [
    '',
    colors.bold('variance of ln(estimate) explained, one dimension at a time'),
    `  ${effects.map((e) => `${e.dimension} η² ${formatNumber(e.eta2, 4)} ω² ${formatNumber(e.omega2, 4)}`).join('; ')}`,
  ];
  const model = summary.effectModel;
  if (model) {
    out.push(
      `  one model (Type II, ${model.n} answers): ${model.terms
        .map(
          (t) =>
            `${t.factor} (${t.levels} levels) partial η² ${formatNumber(t.partialEta2, 4)} ω² ${formatNumber(t.partialOmega2, 4)} ${t.interval ? `[${formatNumber(t.interval[0], 4)}, ${formatNumber(t.interval[1], 4)}]` : '(too few answers per level for an interval)'}`,
        )
        .join('; ')}`,
    );
  }
  return out;
}

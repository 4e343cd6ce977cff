import { partitionAggregates, type RunSummary } from '@emocrowd/crowd';
import type { Colors } from './colors.js';
import { renderBatterySummary } from './renderBatterySummary.js';
import { renderConductSummary } from './renderConductSummary.js';
import { renderEffectSizes } from './renderEffectSizes.js';
import { renderFidelity } from './renderFidelity.js';
import { renderIntensityTrends } from './renderIntensityTrends.js';
import { renderJudgeUsage } from './renderJudgeUsage.js';
import { renderNotComputed } from './renderNotComputed.js';
import { renderStopping } from './renderStopping.js';
import { renderSubsetSizes } from './renderSubsetSizes.js';
import { formatNumber, formatPercent, renderTable } from './renderTable.js';
import { renderUsage } from './renderUsage.js';
import { renderWisdomMetrics } from './renderWisdomMetrics.js';

/**
 * The human report of a run: what was asked, the answer counts, each strategy's estimate and
 * error, the wisdom-of-crowds metrics, the optimal subset size, per-round measures and the
 * trends of an intensity sweep; for a battery, one row per item (`renderBatterySummary`).
 */
export function renderRunSummary(summary: RunSummary, opts: { colors: Colors; dir?: string }): string {
  const { colors } = opts;
  const unit = summary.task.unit ?? '';
  const c = summary.counts;
  const out: string[] = [];
  const model = `model ${summary.model.id}${summary.model.isLanguageModel ? '' : ' (simulated, not an LLM)'}   seed ${summary.seed}`;
  out.push(
    '',
    colors.bold(summary.task.question),
    summary.items
      ? `${summary.task.id}   ${model}`
      : `truth ${formatNumber(summary.task.truth, 0)} ${unit} (${summary.task.truthSource})   ${model}`,
    `${c.answered.toLocaleString('en-US')} answered, ${c.unparsed} unparsed, ${c.failed} failed${c.missing > 0 ? `, ${c.missing} missing` : ''}${c.skipped ? `, ${c.skipped.toLocaleString('en-US')} not asked` : ''}   ${c.cached} cached, ${c.modelCalls.toLocaleString('en-US')} model calls   ${formatNumber(summary.timing.elapsedMs / 1000, 1)} s`,
  );
  const tokens = renderUsage(summary);
  if (tokens !== undefined) out.push(colors.dim(tokens));
  const judgeTokens = renderJudgeUsage(summary);
  if (judgeTokens !== undefined) out.push(colors.dim(judgeTokens));
  out.push('');
  if (summary.stopping) out.push(...renderStopping(summary.stopping, colors), '');
  if (summary.items) {
    out.push(...renderBatterySummary(summary, { colors }));
    const itemTrends = summary.items.flatMap((item) =>
      (item.intensityTrends ?? []).map((trend) => ({ ...trend, stratum: `${item.id}: ${trend.stratum}` })),
    );
    if (itemTrends.length > 0) out.push('', renderIntensityTrends(itemTrends, colors));
    for (const item of summary.items)
      if (item.conduct) out.push('', ...renderConductSummary(item.conduct, colors, `${item.id}: `));
    if (opts.dir) out.push('', colors.dim(`stored in ${opts.dir}`));
    return `${out.join('\n')}\n`;
  }
  const notes: string[] = [];
  const { computed, notComputed } = partitionAggregates(summary.aggregates ?? {});
  const rows = computed.map(([name, a]) => [
    a.note ? `${name} ${'*'.repeat(notes.push(`${'*'.repeat(notes.length + 1)} ${name}: ${a.note}`))}` : name,
    formatNumber(a.estimate, 1),
    formatNumber(a.error, 1),
    formatPercent(a.relError, 1),
    formatNumber(a.logRatio, 3),
    a.dropped ? String(a.dropped) : '',
  ]);
  if (rows.length > 0) {
    out.push(
      renderTable(
        [
          { header: 'strategy' },
          { header: `estimate (${unit})`, align: 'right' },
          { header: 'error', align: 'right' },
          { header: 'rel. error', align: 'right' },
          { header: 'log ratio', align: 'right' },
          { header: 'dropped', align: 'right' },
        ],
        rows,
      ),
    );
    for (const note of notes) out.push(colors.dim(note));
  }
  out.push(...renderNotComputed(notComputed, colors));
  if (notes.length + notComputed.length > 0) out.push('');
  const m = summary.metrics;
  if (m && m.n > 0)
    out.push(colors.bold('wisdom of the crowd'), ...renderWisdomMetrics(m, { digits: 0, unit, colors }));
  out.push(...renderSubsetSizes(summary.subsets, colors, 4));
  out.push(...renderEffectSizes(summary, colors));
  if (summary.rounds.length > 1) {
    out.push(
      '',
      renderTable(
        [
          { header: 'round' },
          { header: 'n', align: 'right' },
          { header: 'median', align: 'right' },
          { header: 'collective error', align: 'right' },
          { header: 'diversity', align: 'right' },
          { header: 'log diversity', align: 'right' },
          { header: 'WOC', align: 'right' },
          { header: 'revision w (median)', align: 'right' },
        ],
        summary.rounds.map((r) => [
          String(r.round + 1),
          String(r.n),
          formatNumber(r.median, 1),
          formatNumber(r.collectiveError, 0),
          formatNumber(r.diversity, 0),
          formatNumber(r.logDiversity, 4),
          String(r.wocIndicator),
          r.revised > 0 ? `${formatNumber(r.revisionWeightMedian, 2)} (n ${r.revised})` : '–',
        ]),
      ).trimEnd(),
    );
  }
  if (summary.intensityTrends && summary.intensityTrends.length > 0)
    out.push('', renderIntensityTrends(summary.intensityTrends, colors));
  if (summary.fidelity) out.push('', ...renderFidelity(summary.fidelity, colors));
  if (summary.conduct) out.push('', ...renderConductSummary(summary.conduct, colors));
  if (opts.dir) out.push('', colors.dim(`stored in ${opts.dir}`));
  return `${out.join('\n')}\n`;
}

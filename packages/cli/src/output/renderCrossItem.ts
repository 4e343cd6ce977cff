import type { CrossItemAnalysis, SkillSummary } from '@emocrowd/crowd';
import type { Colors } from './colors.js';
import { formatNumber, formatPercent, renderTable } from './renderTable.js';

/**
 * The cross-item ranking of a battery as text: each strategy's mean |ln(estimate/truth)| over
 * the items with its interval, mean rank and share of items won, best first; then how the best
 * compares with each other strategy, paired by item.
 *
 * @param cross the analysis
 * @param colors colours
 * @returns the lines
 */
export function renderCrossItem(cross: CrossItemAnalysis, colors: Colors): string[] {
  const level = formatPercent(cross.level, 0);
  const out = [
    colors.bold(`strategies across ${cross.items} items`) +
      colors.dim(`  (${level} intervals resample items, ${cross.resamples} times)`),
    renderTable(
      [
        { header: 'strategy' },
        { header: 'mean |ln(x/T)|', align: 'right' },
        { header: `${level} interval`, align: 'right' },
        { header: 'mean rank', align: 'right' },
        { header: 'wins', align: 'right' },
        { header: 'items', align: 'right' },
      ],
      cross.ranking.map((name) => {
        const s = cross.strategies[name];
        return [
          name,
          formatNumber(s?.meanAbsLogRatio, 3),
          `${formatNumber(s?.lower, 3)}–${formatNumber(s?.upper, 3)}`,
          formatNumber(s?.meanRank, 2),
          formatPercent(s?.winShare, 0),
          String(s?.items ?? 0),
        ];
      }),
    ).trimEnd(),
  ];
  const best = cross.ranking[0];
  const versus = cross.differences.filter((d) => d.a === best);
  if (best && versus.length > 0) {
    out.push(
      colors.dim(
        `${best} minus each other strategy, mean |ln(x/T)| difference over the items both have (negative: ${best} closer):`,
      ),
      ...versus.map(
        (d) =>
          `  ${d.b}: ${formatNumber(d.meanDifference, 3)} (${formatNumber(d.lower, 3)} to ${formatNumber(d.upper, 3)})${d.upper < 0 ? ' *' : ''}`,
      ),
      colors.dim(`  * the whole interval is below 0`),
    );
  }
  for (const n of cross.notComputed) out.push(colors.dim(`not computed: ${n.name} (${n.reason})`));
  return out;
}

/**
 * The skill of a battery's respondents as text: its distribution, its split-half reliability and
 * how much of it each group dimension explains (best groups of the dimension that explains most).
 *
 * @param skill the summary
 * @param colors colours
 * @param who what respondents are called ("personas", "respondents")
 * @returns the lines
 */
export function renderSkill(skill: SkillSummary, colors: Colors, who: string): string[] {
  const r = skill.reliability;
  const out = [
    colors.bold(`skill of ${skill.n} ${who}`) +
      colors.dim('  (mean |ln(x/T)| over the items each answered; lower is better)'),
    `  mean ${formatNumber(skill.mean, 3)}, median ${formatNumber(skill.median, 3)}`,
    `  split-half reliability (odd vs even items, ${r.respondents} ${who}): r = ${formatNumber(r.halfCorrelation, 3)}, Spearman-Brown ${formatNumber(r.spearmanBrown, 3)}`,
  ];
  const dims = Object.entries(skill.byGroup).sort((a, b) => (b[1].omega2 || 0) - (a[1].omega2 || 0));
  if (dims.length > 0) {
    out.push(
      `  share of skill's variance by group (omega²): ${dims.map(([d, v]) => `${d} ${formatNumber(v.omega2, 3)}`).join(', ')}`,
    );
    const [dimension, top] = dims[0] as [string, (typeof dims)[number][1]];
    const ranked = [...top.groups].sort((a, b) => a.mean - b.mean).slice(0, 3);
    out.push(
      `  best ${dimension} groups: ${ranked.map((g) => `${g.label} ${formatNumber(g.mean, 3)} (n ${g.n})`).join(', ')}`,
    );
  }
  return out;
}

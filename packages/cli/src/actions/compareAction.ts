import { beatenShare, partitionAggregates } from '@emocrowd/crowd';
import { loadCrowds } from '../analysis/loadCrowds.js';
import { summarizeCrowd } from '../analysis/summarizeCrowd.js';
import { usageError } from '../command/CliError.js';
import type { CommandContext } from '../command/defineCommand.js';
import type { compareFlags } from '../commands/compare.js';
import { ksFlag } from '../flags.js';
import { colorsFor } from '../output/colors.js';
import { renderLineChart } from '../output/renderLineChart.js';
import { renderNotComputed } from '../output/renderNotComputed.js';
import { formatNumber, formatPercent, renderTable } from '../output/renderTable.js';

/** What `emocrowd compare` does; its flags and help are in commands/compare.ts. */
export async function compareAction({
  flags,
  io,
  positionals,
}: CommandContext<typeof compareFlags>): Promise<number> {
  const { strategies, input, crowds } = loadCrowds('compare', flags, positionals, io.cwd, undefined);
  // One question only: comparing strategies across questions with different truths is meaningless.
  const crowd = crowds.crowds[0];
  if (crowds.crowds.length !== 1 || !crowd) {
    throw usageError(
      `compare: ${input.path} holds ${crowds.crowds.length} questions; pick one with --filter COL=VALUE`,
    );
  }
  const summary = summarizeCrowd(
    {
      ...crowd,
      sample: {
        values: crowd.sample.values,
        ...(crowd.sample.confidence ? { confidence: crowd.sample.confidence } : {}),
      },
    },
    {
      strategies,
      subsets: flags.subsets,
      tolerance: flags.tolerance,
      ks: ksFlag(flags.ks),
      epsilon: flags.epsilon,
      seed: flags.seed,
      bootstrap: 0,
    },
  );
  if (!summary) throw usageError(`compare: no numeric estimate in column ${crowds.column} of ${input.path}`);
  const values = crowd.sample.values;
  const { computed, notComputed } = partitionAggregates(summary.aggregates);
  const rows = computed.map(([name, a]) => {
    const beaten = Number.isFinite(a.estimate) ? beatenShare(values, a.estimate, crowd.truth) : undefined;
    const curve = summary.subsets?.strategies.find((s) => s.name === name);
    return {
      name,
      estimate: a.estimate,
      error: a.error,
      relError: a.relError,
      absRelError: a.absRelError,
      logRatio: a.logRatio,
      beaten: beaten?.beaten ?? null,
      ties: beaten?.ties ?? null,
      optimalK: curve?.optimalK ?? null,
      optimalKInterval: curve?.optimalKInterval ?? null,
      flags: curve?.flags ?? [],
      optimalAccuracy: curve?.optimalAccuracy ?? null,
      smallestGoodK: curve?.smallestGoodK ?? null,
      accuracyAtN: curve?.points[curve.points.length - 1]?.accuracy ?? null,
      curve: (curve?.points ?? []).map((p) => ({
        k: p.k,
        accuracy: p.accuracy,
        accuracyInterval: p.accuracyInterval,
        meanAbsRelError: p.meanAbsRelError,
      })),
    };
  });
  if (flags.json) {
    const report = {
      input: input.path,
      column: crowds.column,
      label: crowd.label,
      truth: crowd.truth,
      n: values.length,
      skipped: crowd.skipped,
      tolerance: flags.tolerance,
      permutations: summary.subsets?.B ?? 0,
      ks: summary.subsets?.ks ?? [],
      strategies: [...rows, ...notComputed.map(({ name, reason }) => ({ name, estimate: null, reason }))],
    };
    io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return 0;
  }
  const colors = colorsFor(io.stdout, io.env);
  const out: string[] = [
    colors.bold(
      `${input.path}${crowd.label === 'all' ? '' : ` (${crowd.label})`}: ${values.length} estimates, truth ${formatNumber(crowd.truth, 2)}`,
    ),
    ...(crowd.skipped.total > 0
      ? [colors.yellow(`skipped ${crowd.skipped.total} rows without a number (see emocrowd analyze)`)]
      : []),
    '',
    renderTable(
      [
        { header: 'strategy' },
        { header: 'estimate', align: 'right' },
        { header: 'rel. error', align: 'right' },
        { header: 'beats', align: 'right' },
        { header: 'optimal k [interval]', align: 'right' },
        { header: 'accuracy at k', align: 'right' },
        { header: `accuracy at n=${values.length}`, align: 'right' },
      ],
      rows.map((r) => [
        r.name,
        formatNumber(r.estimate, 1),
        formatPercent(r.relError, 1),
        formatPercent(r.beaten, 1),
        r.optimalK === null
          ? '–'
          : `${r.optimalK}${r.optimalKInterval ? ` [${r.optimalKInterval[0]}-${r.optimalKInterval[1]}]` : ''}${r.flags.length > 0 ? ` ${r.flags.join(' ')}` : ''}`,
        formatPercent(r.optimalAccuracy, 0),
        formatPercent(r.accuracyAtN, 0),
      ]),
    ).trimEnd(),
    ...renderNotComputed(notComputed, colors),
  ];
  if (summary.subsets && rows.length > 0) {
    out.push(
      '',
      `share of random subsets of size k within ±${formatPercent(flags.tolerance, 0)} of the truth (${summary.subsets.B} permutations)`,
      renderLineChart(
        rows.map((r) => ({ label: r.name, points: r.curve.map((p) => ({ x: p.k, y: p.accuracy })) })),
        {
          width: flags.width,
          height: 12,
          logX: true,
          yMin: 0,
          // Up to the next 10% above the best curve, so low accuracies are not a flat line at 0.
          yMax: Math.min(
            1,
            Math.ceil(Math.max(0.1, ...rows.flatMap((r) => r.curve.map((p) => p.accuracy))) * 10) / 10,
          ),
          formatY: (y) => `${Math.round(y * 100)}%`,
          formatX: (x) => String(Math.round(x)),
          xLabel: 'crowd size k',
          ascii: flags.ascii === true,
        },
      ).trimEnd(),
    );
  }
  io.stdout.write(`${out.join('\n')}\n`);
  return 0;
}

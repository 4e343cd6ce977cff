import { estimateInputFlags } from '../analysis/estimateInputFlags.js';
import { loadCrowds } from '../analysis/loadCrowds.js';
import { wantsRounds } from '../analysis/loadRoundCrowds.js';
import { type ManipulationCheck, manipulationCheck } from '../analysis/manipulationCheck.js';
import { reportRounds } from '../analysis/reportRounds.js';
import { roundInputFlags } from '../analysis/roundInputFlags.js';
import { summarizeCrowd } from '../analysis/summarizeCrowd.js';
import { usageError } from '../command/CliError.js';
import { defineCommand } from '../command/defineCommand.js';
import { analysisFlags, listFlag, outputFlags } from '../flags.js';
import { colorsFor } from '../output/colors.js';
import { renderEstimateSummary } from '../output/renderEstimateSummary.js';
import { formatPercent, renderTable } from '../output/renderTable.js';

/** `emocrowd analyze`: every metric and strategy on a run's answers or a CSV of human estimates. */
export const analyzeCommand = defineCommand({
  meta: {
    name: 'analyze',
    description:
      "Compute every aggregation strategy and wisdom-of-crowds metric (with the subset-size analysis and group breakdowns) on a run or on a CSV of human estimates. Rows that are not numbers are counted and reported. For a run, also checks how often answers express their assigned emotion (manipulation check). With --rounds or --round-column, follow each crowd across rounds: every round's summary, revision weights, improvement and its tests between groups.",
    examples: [
      'emocrowd analyze --input runs/20261122-081500-fargo-seattle-synthetic',
      'emocrowd analyze --input silver_jellybean_Jb1.csv --column E1 --truth 250',
      'emocrowd analyze --input becker_2017.csv --column response_1 --truth-column truth --filter task=1a --group-by network',
      'emocrowd analyze --input becker_2017.csv --column response_1 --truth-column truth --group-by task --json',
      'emocrowd analyze --input becker_2017.csv --rounds response_1,response_2,response_3 --shown-columns mean.neighbor.time1,mean.neighbor.time2 --truth-column truth --split-by task,group_number --group-by network',
      'emocrowd analyze --input lorenz_2011.csv --rounds E1,E2,E3,E4,E5 --truth-column Truth --split-by Session_Date,Question --group-by Information_Condition',
      'emocrowd analyze --input runs/20261122-081500-fargo-seattle-synthetic --round-column round',
    ],
  },
  flags: {
    ...estimateInputFlags,
    ...roundInputFlags,
    ...analysisFlags,
    'manipulation-check': {
      type: 'boolean',
      description:
        'For a run: classify each answer text and report how often it expresses the assigned emotion.',
      default: true,
    },
    json: outputFlags.json,
  },
  async run({ flags, io, positionals, explicit }) {
    if (wantsRounds(flags)) return reportRounds(flags, positionals, io, explicit);
    for (const name of ['respondent-column', 'shown-columns', 'shown-column'] as const)
      if (flags[name] !== undefined) throw usageError(`--${name} needs --rounds or --round-column`);
    const { strategies, input, crowds } = loadCrowds(
      'analyze',
      flags,
      positionals,
      io.cwd,
      listFlag(flags['group-by']),
    );
    const options = { strategies, subsets: flags.subsets, tolerance: flags.tolerance, seed: flags.seed };
    const results = crowds.crowds.map((crowd) => ({ crowd, summary: summarizeCrowd(crowd, options) }));
    if (results.every((r) => r.summary === undefined)) {
      throw usageError(
        `analyze: no numeric estimate in column ${crowds.column} of ${input.path} (${crowds.rows} rows read); pick the estimates' column with --column`,
      );
    }
    const status =
      input.records === undefined
        ? undefined
        : {
            ok: input.records.filter((r) => r.status === 'ok').length,
            unparsed: input.records.filter((r) => r.status === 'unparsed').length,
            failed: input.records.filter((r) => r.status === 'failed').length,
          };
    const check: ManipulationCheck | undefined =
      input.records && flags['manipulation-check'] ? manipulationCheck(input.records) : undefined;

    if (flags.json) {
      const report = {
        input: input.path,
        kind: input.kind,
        column: crowds.column,
        truthFrom: crowds.truthFrom,
        filters: crowds.filters,
        splitBy: crowds.splitBy,
        breakdownBy: crowds.breakdownBy,
        rows: crowds.rows,
        filteredOut: crowds.filteredOut,
        notes: crowds.notes,
        ...(status ? { status } : {}),
        crowds: results.map(({ crowd, summary }) => ({
          label: crowd.label,
          key: crowd.key,
          truth: crowd.truth,
          n: crowd.sample.values.length,
          rows: crowd.rows,
          skipped: crowd.skipped,
          summary: summary ?? null,
        })),
        ...(check ? { manipulationCheck: check } : {}),
      };
      io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    } else {
      const colors = colorsFor(io.stdout, io.env);
      const head = [
        `${input.kind === 'run' ? 'run' : 'file'} ${input.path}: ${crowds.rows} rows, column ${crowds.column}, truth from ${crowds.truthFrom}`,
        ...(crowds.filteredOut > 0
          ? [
              `${crowds.filteredOut} rows filtered out (${crowds.filters.map((f) => `${f.column}=${f.value}`).join(', ')})`,
            ]
          : []),
        ...(status ? [`answers: ${status.ok} ok, ${status.unparsed} unparsed, ${status.failed} failed`] : []),
        ...(crowds.splitBy.length > 0
          ? [`${results.length} questions (by ${crowds.splitBy.join(', ')})`]
          : []),
        ...crowds.notes,
        '',
      ];
      io.stdout.write(head.join('\n'));
      io.stdout.write('\n');
      for (const { crowd, summary } of results)
        io.stdout.write(renderEstimateSummary(crowd, summary, { colors }));
      if (check) {
        io.stdout.write(
          `${colors.bold('manipulation check')}: ${formatPercent(check.share)} of ${check.n} answers express their assigned emotion (Ekman level, built-in classifier)${check.skipped > 0 ? `; ${check.skipped} not checked` : ''}\n\n`,
        );
        io.stdout.write(
          renderTable(
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
          ),
        );
      }
    }
    return 0;
  },
});

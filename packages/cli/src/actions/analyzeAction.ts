import type { WocTieRule } from '@emocrowd/crowd';
import { analyzeBattery, batteryJson } from '../analysis/batteryReport.js';
import { isBatteryInput, loadBattery } from '../analysis/loadBattery.js';
import { crowdsOf, loadInput } from '../analysis/loadCrowds.js';
import type { EstimateInput } from '../analysis/loadEstimateInput.js';
import { wantsRounds } from '../analysis/loadRoundCrowds.js';
import { type ManipulationCheck, manipulationCheck } from '../analysis/manipulationCheck.js';
import { reportRounds } from '../analysis/reportRounds.js';
import { summarizeCrowd } from '../analysis/summarizeCrowd.js';
import { usageError } from '../command/CliError.js';
import type { CommandContext } from '../command/defineCommand.js';
import type { analyzeFlags } from '../commands/analyze.js';
import { ksFlag, listFlag } from '../flags.js';
import { colorsFor } from '../output/colors.js';
import { renderBatteryReport } from '../output/renderBatteryReport.js';
import { renderEstimateSummary } from '../output/renderEstimateSummary.js';
import { renderManipulationCheck } from '../output/renderManipulationCheck.js';

/** What `emocrowd analyze` does; its flags and help are in commands/analyze.ts. */
export async function analyzeAction({
  flags,
  io,
  positionals,
  explicit,
}: CommandContext<typeof analyzeFlags>): Promise<number> {
  if (wantsRounds(flags)) {
    if (explicit.has('woc-ties'))
      throw usageError(
        '--woc-ties applies to one-round summaries; the round analysis counts ties on both sides',
      );
    return reportRounds(flags, positionals, io, explicit);
  }
  for (const name of ['shown-columns', 'shown-column'] as const)
    if (flags[name] !== undefined) throw usageError(`--${name} needs --rounds or --round-column`);
  const { strategies, input } = loadInput('analyze', flags, positionals, io.cwd);
  const groupBy = listFlag(flags['group-by']);
  const options = {
    strategies,
    subsets: flags.subsets,
    tolerance: flags.tolerance,
    ks: ksFlag(flags.ks),
    epsilon: flags.epsilon,
    seed: flags.seed,
    selectK: flags['select-k'],
    wocTies: flags['woc-ties'] as WocTieRule,
  };
  const batteryFlags = {
    column: flags.column,
    itemColumn: flags['item-column'],
    itemColumns: flags['item-columns'],
    respondentColumn: flags['respondent-column'],
    truthColumn: flags['truth-column'],
    truthFile: flags['truth-file'],
    truthFileColumn: flags['truth-file-column'],
    truthFileKey: flags['truth-file-key'],
    confidenceColumn: flags['confidence-column'],
    cueColumn: flags['cue-column'],
    groupBy,
    filters: flags.filter,
  };
  const check: ManipulationCheck | undefined =
    input.records && flags['manipulation-check'] ? manipulationCheck(input.records) : undefined;
  const status = answerStatus(input);
  const battery = isBatteryInput(input, batteryFlags);
  if (flags['respondent-column'] !== undefined && !battery)
    throw usageError('--respondent-column needs --rounds, --round-column, --item-column or --item-columns');
  if (battery) {
    const loaded = loadBattery(input, batteryFlags, io.cwd);
    const summary = analyzeBattery(loaded, options);
    if (flags.json) {
      const report = {
        ...batteryJson(input, loaded, summary),
        ...(status ? { status } : {}),
        ...(check ? { manipulationCheck: check } : {}),
      };
      io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      return 0;
    }
    const colors = colorsFor(io.stdout, io.env);
    const head = [
      `${input.kind === 'run' ? 'run' : 'file'} ${input.path}: ${loaded.battery.rows} rows, ${loaded.battery.respondents} ${input.kind === 'run' ? 'personas' : 'respondents'}, truths from ${loaded.truthFrom}`,
      ...(loaded.battery.filteredOut > 0
        ? [
            `${loaded.battery.filteredOut} rows filtered out (${loaded.filters.map((f) => `${f.column}=${f.value}`).join(', ')})`,
          ]
        : []),
      ...(status ? [`answers: ${status.ok} ok, ${status.unparsed} unparsed, ${status.failed} failed`] : []),
      ...loaded.notes,
      '',
    ];
    io.stdout.write(`${head.join('\n')}\n`);
    io.stdout.write(renderBatteryReport(loaded, summary, { colors }));
    if (check) io.stdout.write(renderManipulationCheck(check, colors));
    return 0;
  }
  const crowds = crowdsOf(input, flags, groupBy);
  const results = crowds.crowds.map((crowd) => ({ crowd, summary: summarizeCrowd(crowd, options) }));
  if (results.every((r) => r.summary === undefined)) {
    throw usageError(
      `analyze: no numeric estimate in column ${crowds.column} of ${input.path} (${crowds.rows} rows read); pick the estimates' column with --column`,
    );
  }

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
      ...(crowds.splitBy.length > 0 ? [`${results.length} questions (by ${crowds.splitBy.join(', ')})`] : []),
      ...crowds.notes,
      '',
    ];
    io.stdout.write(head.join('\n'));
    io.stdout.write('\n');
    for (const { crowd, summary } of results)
      io.stdout.write(renderEstimateSummary(crowd, summary, { colors }));
    if (check) io.stdout.write(renderManipulationCheck(check, colors));
  }
  return 0;
}

/** How many of a run's answers have a number, are unparsed or failed (undefined for a CSV). */
function answerStatus(input: EstimateInput): { ok: number; unparsed: number; failed: number } | undefined {
  if (input.records === undefined) return undefined;
  return {
    ok: input.records.filter((r) => r.status === 'ok').length,
    unparsed: input.records.filter((r) => r.status === 'unparsed').length,
    failed: input.records.filter((r) => r.status === 'failed').length,
  };
}

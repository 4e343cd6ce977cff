import type { WocTieRule } from '@emocrowd/crowd';
import { analysisFidelity } from '../analysis/analysisFidelity.js';
import { humanSpec } from '../analysis/crowdFidelity.js';
import { isBatteryInput } from '../analysis/loadBattery.js';
import { crowdsOf, loadInput } from '../analysis/loadCrowds.js';
import type { EstimateInput } from '../analysis/loadEstimateInput.js';
import { wantsRounds } from '../analysis/loadRoundCrowds.js';
import { type ManipulationCheck, manipulationCheck } from '../analysis/manipulationCheck.js';
import { reportBattery } from '../analysis/reportBattery.js';
import { reportRounds } from '../analysis/reportRounds.js';
import { summarizeCrowd } from '../analysis/summarizeCrowd.js';
import { usageError } from '../command/CliError.js';
import type { CommandContext } from '../command/defineCommand.js';
import type { analyzeFlags } from '../commands/analyze.js';
import { ksFlag, listFlag } from '../flags.js';
import { colorsFor } from '../output/colors.js';
import { renderEstimateSummary } from '../output/renderEstimateSummary.js';
import { renderFidelity } from '../output/renderFidelity.js';
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
  const human = humanSpec(flags, io.cwd);
  const battery = isBatteryInput(input, batteryFlags);
  if (flags['respondent-column'] !== undefined && !battery)
    throw usageError('--respondent-column needs --rounds, --round-column, --item-column or --item-columns');
  if (battery)
    return reportBattery(input, { ...batteryFlags, json: flags.json }, options, { human, status, check }, io);
  const crowds = crowdsOf(input, flags, groupBy);
  const results = crowds.crowds.map((crowd) => ({ crowd, summary: summarizeCrowd(crowd, options) }));
  if (results.every((r) => r.summary === undefined)) {
    throw usageError(
      `analyze: no numeric estimate in column ${crowds.column} of ${input.path} (${crowds.rows} rows read); pick the estimates' column with --column`,
    );
  }
  const { fidelity, note: fidelityNote } = analysisFidelity(
    input,
    crowds.crowds.map((crowd) => ({ truth: crowd.truth, values: crowd.sample.values, vars: crowd.key })),
    // A run of one question split into several crowds has no single human crowd to compare with.
    crowds.crowds.length === 1 || human ? human : undefined,
    { seed: flags.seed, resamples: 500, cwd: io.cwd },
  );

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
      crowds: results.map(({ crowd, summary }, i) => ({
        label: crowd.label,
        key: crowd.key,
        truth: crowd.truth,
        n: crowd.sample.values.length,
        rows: crowd.rows,
        skipped: crowd.skipped,
        summary: summary ?? null,
        ...(fidelity[i] ? { fidelity: fidelity[i] } : {}),
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
      ...(fidelityNote ? [fidelityNote] : []),
      '',
    ];
    io.stdout.write(head.join('\n'));
    io.stdout.write('\n');
    results.forEach(({ crowd, summary }, i) => {
      io.stdout.write(renderEstimateSummary(crowd, summary, { colors }));
      const f = fidelity[i];
      if (f) io.stdout.write(`${renderFidelity(f, colors, 'crowd').join('\n')}\n\n`);
    });
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

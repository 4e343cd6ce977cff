import type { HumanFidelity } from '@emocrowd/crowd';
import type { Io } from '../command/Io.js';
import { colorsFor } from '../output/colors.js';
import { renderBatteryReport } from '../output/renderBatteryReport.js';
import { renderManipulationCheck } from '../output/renderManipulationCheck.js';
import { analysisFidelity } from './analysisFidelity.js';
import { analyzeBattery, batteryJson } from './batteryReport.js';
import type { HumanSpec } from './crowdFidelity.js';
import { type BatterySelectionFlags, loadBattery } from './loadBattery.js';
import type { EstimateInput } from './loadEstimateInput.js';
import type { ManipulationCheck } from './manipulationCheck.js';
import type { CrowdAnalysisOptions } from './summarizeCrowd.js';

/**
 * `emocrowd analyze` on a battery: reads it (`loadBattery`), analyses it (`summarizeBattery`),
 * compares each item with its human crowd (`analysisFidelity`) and prints the report (`--json`
 * or text). No statistic is computed here.
 *
 * @returns the exit code
 */
export function reportBattery(
  input: EstimateInput,
  flags: BatterySelectionFlags & { json?: boolean | undefined },
  options: CrowdAnalysisOptions,
  extra: {
    human: HumanSpec | undefined;
    status: { ok: number; unparsed: number; failed: number } | undefined;
    check: ManipulationCheck | undefined;
  },
  io: Io,
): number {
  const loaded = loadBattery(input, flags, io.cwd);
  const summary = analyzeBattery(loaded, options);
  const { fidelity, note } = analysisFidelity(
    input,
    loaded.battery.items.map((item) => ({
      item: item.id,
      truth: item.truth,
      values: item.sample.values,
      vars: { item: item.id },
    })),
    extra.human,
    { seed: options.seed, resamples: options.bootstrap ?? 500, cwd: io.cwd },
  );
  if (flags.json) {
    const report = {
      ...batteryJson(input, loaded, summary, fidelity),
      ...(extra.status ? { status: extra.status } : {}),
      ...(extra.check ? { manipulationCheck: extra.check } : {}),
    };
    io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return 0;
  }
  const colors = colorsFor(io.stdout, io.env);
  const { status } = extra;
  const head = [
    `${input.kind === 'run' ? 'run' : 'file'} ${input.path}: ${loaded.battery.rows} rows, ${loaded.battery.respondents} ${input.kind === 'run' ? 'personas' : 'respondents'}, truths from ${loaded.truthFrom}`,
    ...(loaded.battery.filteredOut > 0
      ? [
          `${loaded.battery.filteredOut} rows filtered out (${loaded.filters.map((f) => `${f.column}=${f.value}`).join(', ')})`,
        ]
      : []),
    ...(status ? [`answers: ${status.ok} ok, ${status.unparsed} unparsed, ${status.failed} failed`] : []),
    ...loaded.notes,
    ...(note ? [note] : []),
    '',
  ];
  io.stdout.write(`${head.join('\n')}\n`);
  io.stdout.write(
    renderBatteryReport(loaded, summary, { colors, fidelity: fidelity as (HumanFidelity | undefined)[] }),
  );
  if (extra.check) io.stdout.write(renderManipulationCheck(extra.check, colors));
  return 0;
}

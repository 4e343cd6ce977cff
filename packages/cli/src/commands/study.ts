import { usageError } from '../command/CliError.js';
import { type CommandDef, defineCommand } from '../command/defineCommand.js';

/** `emocrowd study`: a whole experiment (cells, contrasts) from one file. */
export const studyCommand = defineCommand({
  meta: {
    name: 'study',
    usage: 'plan|run|report|merge',
    description:
      'Run a whole experiment from one study file: factors (or cells) and contrasts. Every cell is an ordinary run directory under the study directory; the report compares the cells with bootstrap intervals paired by persona, effect sizes and Holm-adjusted p-values.',
    examples: [
      'emocrowd study plan studies/paper.yaml',
      'emocrowd study report runs/paper',
      'emocrowd study merge runs/paper-shard1of2 runs/paper-shard2of2 --out runs/paper',
      'emocrowd study run studies/paper.yaml --set model.base=synthetic --set model.tuned=synthetic:emotional --scale 1/56',
    ],
  },
  flags: {},
  subCommands: {
    plan: async () => (await import('./studyPlan.js')).studyPlanCommand as unknown as CommandDef,
    run: async () => (await import('./studyRun.js')).studyRunCommand as unknown as CommandDef,
    report: async () => (await import('./studyReport.js')).studyReportCommand as unknown as CommandDef,
    merge: async () => (await import('./studyMerge.js')).studyMergeCommand as unknown as CommandDef,
  },
  async run({ positionals }) {
    throw usageError(
      `study: ${positionals[0] ? `unknown command "${positionals[0]}"` : 'needs a command'}; one of: plan, run, report, merge (see: emocrowd study --help)`,
    );
  },
});

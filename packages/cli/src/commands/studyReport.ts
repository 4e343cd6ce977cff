import { defineCommand, type FlagDefs } from '../command/defineCommand.js';
import { outputFlags } from '../flags.js';

/** The flags of `emocrowd study report`. */
export const studyReportFlags = {
  json: { type: 'boolean', description: 'Print the report as one JSON object (docs/json-output.md).' },
  html: {
    type: 'string',
    valueName: 'FILE',
    description:
      'Also write the report as one self-contained HTML file (opens from disk, no network): the tables, a forest plot per metric, and per contrast the overlaid log-scale histograms and the subset curves with bands.',
  },
  strategies: {
    type: 'string',
    valueName: 'LIST',
    description:
      "Strategies whose errors are compared. Default: the study file's, else those both cells computed.",
  },
  bootstrap: {
    type: 'integer',
    valueName: 'B',
    description: "Bootstrap resamples per contrast metric. Default: the study file's, else 2000.",
    min: 100,
  },
  permutations: {
    type: 'integer',
    valueName: 'R',
    description:
      "Random permutations per contrast metric (0 = no p-values). Default: the study file's, else 2000.",
    min: 0,
  },
  level: {
    type: 'number',
    description: "Coverage of the intervals. Default: the study file's, else 0.95.",
    min: 0.5,
    max: 0.999,
  },
  quiet: outputFlags.quiet,
} as const satisfies FlagDefs;

/** `emocrowd study report DIR`: every cell and contrast of a study. */
export const studyReportCommand = defineCommand({
  meta: {
    name: 'study report',
    usage: 'DIR',
    description:
      "Report a study directory: each cell's answers, aggregates, errors, diversity terms and optimal subset size, and each contrast's differences (absolute error per strategy, mean |ln(x/truth)|, dispersion) with bootstrap intervals paired by persona where the cells allow, effect sizes and Holm-adjusted permutation p-values.",
    examples: [
      'emocrowd study report runs/paper',
      'emocrowd study report runs/paper --json > paper-report.json',
      'emocrowd study report runs/paper --html paper-report.html',
    ],
  },
  flags: studyReportFlags,
  run: async (context) => (await import('../actions/studyReportAction.js')).studyReportAction(context),
});

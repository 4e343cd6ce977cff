import { existsSync, mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { strategyNames } from '@emocrowd/crowd';
import { usageError } from '../command/CliError.js';
import type { CommandContext } from '../command/defineCommand.js';
import type { studyReportFlags } from '../commands/studyReport.js';
import { listFlag } from '../flags.js';
import { colorsFor } from '../output/colors.js';
import { readStudyReport } from '../study/readStudyReport.js';
import { renderStudyHtml } from '../study/renderStudyHtml.js';
import { renderStudyReport } from '../study/renderStudyReport.js';

/** What `emocrowd study report` does; its flags and help are in commands/studyReport.ts. */
export async function studyReportAction({
  flags,
  io,
  positionals,
}: CommandContext<typeof studyReportFlags>): Promise<number> {
  const [dir, extra] = positionals;
  if (dir === undefined) throw usageError('study report needs a study directory: emocrowd study report DIR');
  if (extra !== undefined)
    throw usageError(`study report: unexpected argument "${extra}" (one study directory)`);
  const strategies = listFlag(flags.strategies);
  const unknown = (strategies ?? []).filter((name) => !strategyNames.includes(name));
  if (unknown.length > 0)
    throw usageError(
      `--strategies: unknown strategy ${unknown.join(', ')}; known: ${strategyNames.join(', ')}`,
    );
  const { report, dir: root } = readStudyReport(dir, io.cwd, {
    ...(strategies ? { strategies } : {}),
    ...(flags.bootstrap !== undefined ? { bootstrap: flags.bootstrap } : {}),
    ...(flags.permutations !== undefined ? { permutations: flags.permutations } : {}),
    ...(flags.level !== undefined ? { level: flags.level } : {}),
  });
  if (flags.html !== undefined) {
    const file = resolve(io.cwd, flags.html);
    if (existsSync(file) && statSync(file).isDirectory())
      throw usageError(`--html: ${flags.html} is a directory; give a file name such as report.html`);
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.tmp-${process.pid}`;
    writeFileSync(tmp, renderStudyHtml(report, dir));
    renameSync(tmp, file);
    if (!flags.quiet) io.stderr.write(`wrote ${flags.html}\n`);
  }
  if (flags.json) io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else io.stdout.write(renderStudyReport(report, { colors: colorsFor(io.stdout, io.env), dir: root }));
  return 0;
}

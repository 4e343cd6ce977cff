import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DefinitionFileError } from '@emocrowd/agents';
import { refineCodeOfConduct, reviewAgreement } from '@emocrowd/crowd';
import { stringify } from 'yaml';
import { definitionFileMessage } from '../catalog/definitionFileMessage.js';
import { usageError } from '../command/CliError.js';
import type { CommandContext } from '../command/defineCommand.js';
import type { conductReviewFlags } from '../commands/conductReview.js';
import { type OpenedReview, openRunReview } from '../conduct/openRunReview.js';
import { colorsFor } from '../output/colors.js';
import { formatNumber, renderTable } from '../output/renderTable.js';

/** What `emocrowd conduct review` does; its flags and help are in commands/conductReview.ts. */
export async function conductReviewAction({
  flags,
  positionals,
  io,
}: CommandContext<typeof conductReviewFlags>): Promise<number> {
  const [runArg, extra] = positionals;
  if (runArg === undefined) throw usageError('conduct review: needs a run directory');
  if (extra !== undefined) throw usageError(`conduct review: unexpected argument "${extra}"; give one run`);
  const fileArg = flags.file;
  let opened: OpenedReview;
  try {
    opened = openRunReview(resolve(io.cwd, runArg), runArg, {
      ...(fileArg ? { file: resolve(io.cwd, fileArg) } : {}),
      flagged: flags.flagged,
      ...(flags.controls !== undefined ? { controls: flags.controls } : {}),
    });
  } catch (error) {
    if (error instanceof DefinitionFileError)
      throw usageError(definitionFileMessage(error, fileArg ?? `${runArg}/conduct-review.yaml`));
    throw error;
  }
  const shownFile = fileArg ?? `${runArg}/conduct-review.yaml`;
  const { review } = opened;
  const flaggedListed = review.answers.filter((a) => a.verdict === 'violation').length;
  if (opened.created) {
    if (flags.json)
      io.stdout.write(
        `${JSON.stringify({ file: shownFile, created: true, listed: review.answers.length, flagged: flaggedListed, controls: review.answers.length - flaggedListed }, null, 2)}\n`,
      );
    else
      io.stdout.write(
        `wrote ${shownFile}: ${review.answers.length} answers (${flaggedListed} flagged, ${review.answers.length - flaggedListed} controls).\nSet decision: accept or reject for each (in any editor, or in the viewer), then run\n  emocrowd conduct review ${runArg}${fileArg ? ` --file ${fileArg}` : ''} --out refined-code.yaml\n`,
      );
    return 0;
  }
  const agreement = reviewAgreement(review, opened.descriptor.seed);
  let out: string | undefined;
  if (flags.out !== undefined) {
    const path = resolve(io.cwd, flags.out);
    if (existsSync(path)) throw usageError(`--out ${flags.out} already exists; choose a new file`);
    let refined: ReturnType<typeof refineCodeOfConduct>;
    try {
      refined = refineCodeOfConduct(opened.code, review);
    } catch (error) {
      throw usageError(`${shownFile}: ${(error as Error).message}`);
    }
    writeFileSync(path, stringify(refined, { lineWidth: 100 }), { flag: 'wx' });
    out = flags.out;
  }
  if (flags.json) {
    io.stdout.write(
      `${JSON.stringify({ file: shownFile, created: false, ...agreement, ...(out ? { out } : {}) }, null, 2)}\n`,
    );
    return 0;
  }
  const colors = colorsFor(io.stdout, io.env);
  const k = agreement.kappa;
  const lines = [
    `${shownFile}: ${agreement.decided} of ${agreement.listed} answers decided (${agreement.accepted} accepted, ${agreement.rejected} rejected)`,
  ];
  if (agreement.decided > 0) {
    lines.push(
      '',
      renderTable(
        [
          { header: 'judge \\ reviewer' },
          ...k.categories.map((c) => ({ header: c, align: 'right' as const })),
        ],
        k.categories.map((c, i) => [c, ...(k.table[i] ?? []).map(String)]),
      ).trimEnd(),
      '',
      colors.bold(
        `Cohen's kappa ${formatNumber(k.kappa, 2)} [${formatNumber(k.lower, 2)}, ${formatNumber(k.upper, 2)}] (${Math.round(k.level * 100)}% bootstrap), observed agreement ${formatNumber(k.observed, 2)}, chance ${formatNumber(k.expected, 2)}`,
      ),
    );
  }
  if (out)
    lines.push(
      `wrote ${out}: the code with ${agreement.decided} decisions as examples; use it with --conduct ${out}`,
    );
  io.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

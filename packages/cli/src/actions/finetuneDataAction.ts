import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  buildTrainingData,
  type EmotionLevel,
  type GoEmotionsRow,
  type GoEmotionsSplit,
  type MultiLabelPolicy,
  readGoEmotions,
  type TrainingData,
  type TrainingFormat,
  type TrainingObjective,
  validateTrainingRecords,
  writeJsonl,
} from '@emocrowd/models';
import { resolveGoEmotionsDir } from '../catalog/resolveGoEmotionsDir.js';
import { CliError, usageError } from '../command/CliError.js';
import type { CommandContext } from '../command/defineCommand.js';
import type { finetuneDataFlags } from '../commands/finetuneData.js';
import { renderTable } from '../output/renderTable.js';

/** What `emocrowd finetune data` does; its flags and help are in commands/finetuneData.ts. */
export async function finetuneDataAction({
  flags,
  positionals,
  io,
}: CommandContext<typeof finetuneDataFlags>): Promise<number> {
  if (positionals.length > 0) throw usageError(`finetune data: unexpected argument "${positionals[0]}"`);
  if (flags.objective === undefined)
    throw usageError(
      'finetune data: needs --objective express|recognize (see: emocrowd finetune data --help)',
    );
  if (flags.out === undefined) throw usageError('finetune data: needs --out FILE.jsonl');
  if (flags.balance && flags['max-per-label'] !== undefined)
    throw usageError('finetune data: give --balance or --max-per-label, not both');
  const out = resolve(io.cwd, flags.out);
  if (existsSync(out) && !flags.force)
    throw usageError(`finetune data: ${flags.out} exists; pass --force to overwrite it`);
  const split = flags.split as GoEmotionsSplit;
  const dir = resolveGoEmotionsDir(flags.goemotions, io.cwd, split);
  let rows: GoEmotionsRow[];
  try {
    rows = await readGoEmotions(dir, split);
  } catch (error) {
    throw usageError(`--goemotions: ${(error as Error).message.split('\n')[0]}`);
  }
  const format = flags.format as TrainingFormat;
  const objective = flags.objective as TrainingObjective;
  const level = flags.labels as EmotionLevel;
  const data: TrainingData = buildTrainingData({
    rows,
    objective,
    format,
    split,
    seed: flags.seed,
    level,
    multiLabel: flags['multi-label'] as MultiLabelPolicy,
    ...(flags.balance ? { balance: true } : {}),
    ...(flags['max-per-label'] !== undefined ? { maxPerLabel: flags['max-per-label'] } : {}),
    ...(flags.masks !== undefined ? { masks: flags.masks as 'keep' | 'replace' } : {}),
  });
  const problems = validateTrainingRecords(data.records, format);
  if (problems.length > 0) {
    const first = problems[0] as { line: number; message: string };
    throw new CliError(
      `finetune data: ${problems.length} records are not valid ${format} records (first: record ${first.line}: ${first.message}); nothing written`,
      1,
    );
  }
  mkdirSync(dirname(out), { recursive: true });
  await writeJsonl(out, data.records);
  if (flags.json) {
    io.stdout.write(
      `${JSON.stringify(
        {
          out,
          objective,
          format,
          split,
          labels: level,
          rows: rows.length,
          records: data.records.length,
          skipped: data.skipped,
          labelCounts: data.labelCounts,
        },
        null,
        2,
      )}\n`,
    );
    return 0;
  }
  const total = data.records.length;
  const rowsOut = Object.entries(data.labelCounts).map(([label, n]) => [
    label,
    n.toLocaleString('en-US'),
    total > 0 ? `${((n / total) * 100).toFixed(1)}%` : '–',
  ]);
  io.stdout.write(
    `wrote ${total.toLocaleString('en-US')} ${format} records (${objective}, ${split} split, ${level} labels) to ${flags.out}; ${data.skipped.toLocaleString('en-US')} of ${rows.length.toLocaleString('en-US')} rows left out\n\n`,
  );
  io.stdout.write(
    renderTable(
      [{ header: 'label' }, { header: 'records', align: 'right' }, { header: 'share', align: 'right' }],
      rowsOut,
    ),
  );
  io.stdout.write('\n(a record with several labels counts under each)\nnext: emocrowd finetune recipe\n');
  return 0;
}

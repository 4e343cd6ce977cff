import { type EmotionLevel, labelsForLevel, mapToLevel } from '../goemotions/emotionLevel.js';
import { GOEMOTIONS_LABELS } from '../goemotions/goEmotionsLabels.js';
import type { GoEmotionsRow, GoEmotionsSplit } from '../goemotions/readGoEmotions.js';
import { createRng } from '../Rng.js';
import { buildRecognitionPrompt } from '../recognition/buildRecognitionPrompt.js';
import { replaceMasks } from './replaceMasks.js';
import type { TrainingFormat, TrainingRecord } from './trainingRecordSchemas.js';

/** What the fine-tuned model learns: to write as a persona who feels an emotion, or to name the emotion of a text. */
export type TrainingObjective = 'express' | 'recognize';

/**
 * How rows with several labels are used.
 * - `joint`: keep the row with all its labels ("a persona who feels anger and disgust";
 *   the recognition answer lists every label);
 * - `first`: keep the row under its first label only;
 * - `skip`: drop multi-label rows (about 16% of train), so every record has one emotion.
 */
export type MultiLabelPolicy = 'joint' | 'first' | 'skip';

/** Options of `buildTrainingData`. */
export interface BuildTrainingDataOptions {
  rows: readonly GoEmotionsRow[];
  objective: TrainingObjective;
  format: TrainingFormat;
  /** Cap every label at the median label count (unless `maxPerLabel` sets the cap). */
  balance?: boolean;
  /** Cap every label at this many records. */
  maxPerLabel?: number;
  /** Seed of the sampling, the record order and the mask replacement. */
  seed: number | string;
  /** The split the rows come from (part of the random stream, so splits draw independently). */
  split: GoEmotionsSplit;
  /** `[NAME]`/`[RELIGION]` masks: keep them or replace them with names (default: replace for express, keep for recognize). */
  masks?: 'keep' | 'replace';
  /** Multi-label rows (default 'joint'). */
  multiLabel?: MultiLabelPolicy;
  /** Label level of the records (default 'goemotions'); Ekman or sentiment use the authors' groupings. */
  level?: EmotionLevel;
}

/** The training set: records, ready for `writeJsonl`, and what they contain. */
export interface TrainingData {
  records: TrainingRecord[];
  /** For each record, the GoEmotions comment id and the labels it carries. */
  sources: Array<{ id: string; labels: string[] }>;
  /** Records per label (a multi-label record counts under each of its labels), every label of the level listed. */
  labelCounts: Record<string, number>;
  /** Rows dropped by the multi-label policy, the per-label cap, or for having no text. */
  skipped: number;
}

const EXPRESS_USER = 'Write a short Reddit comment.';

/**
 * The system prompt of the `express` objective: the persona and the emotion it feels.
 *
 * @param labels - the emotion labels of the record (GoEmotions names or group names)
 * @returns the system message
 */
export function expressSystemPrompt(labels: readonly string[]): string {
  const named = labels.filter((l) => l !== 'neutral');
  if (named.length === 0) return 'You are a Reddit user. Right now you feel no particular emotion (neutral).';
  const list = named.length === 1 ? named[0] : `${named.slice(0, -1).join(', ')} and ${named.at(-1)}`;
  return `You are a Reddit user. Right now you feel ${list}. Let that feeling show in what you write.`;
}

/**
 * Builds fine-tuning records from GoEmotions rows.
 *
 * - `express` teaches a model to write as a persona who feels an emotion, the ability an
 *   emotional crowd relies on (Kadiyala et al. 2025 fine-tuned on GoEmotions for this):
 *   system = the persona and its emotion (`expressSystemPrompt`), user = "Write a short Reddit
 *   comment.", assistant = the comment. Alpaca: instruction = system + user, input = "",
 *   output = the comment.
 * - `recognize` teaches the classification prompt of Peng et al. (ICASSP 2024): user =
 *   `buildRecognitionPrompt(comment, labels)`, assistant = the label names joined with ", ".
 *   Alpaca: instruction = the prompt up to its colon, input = the comment, output = the labels.
 *
 * Neutral holds a third of GoEmotions' labels; `maxPerLabel` (or `balance`, which caps at the
 * median label count) samples rows in a seeded random order and keeps a row only while every
 * one of its labels is under the cap; rows are offered rarest label first, so a rare label is
 * not crowded out by a capped common label it co-occurs with. Records come out in a seeded
 * random order, so the same options always give the same file.
 *
 * @example
 * const rows = await readGoEmotions(dir, 'train');
 * const { records } = buildTrainingData({ rows, objective: 'express', format: 'chat', maxPerLabel: 2000, seed: 1, split: 'train' });
 * await writeJsonl('express.jsonl', records);
 *
 * @param options - rows, objective, format and sampling
 * @returns records, their sources and label counts
 */
export function buildTrainingData(options: BuildTrainingDataOptions): TrainingData {
  const level = options.level ?? 'goemotions';
  const policy = options.multiLabel ?? 'joint';
  const masks = options.masks ?? (options.objective === 'express' ? 'replace' : 'keep');
  const levelLabels = labelsForLevel(level);
  const rng = createRng(options.seed).fork(`finetune:${options.split}:${options.objective}`);
  const orderRng = rng.fork('order');
  const maskRng = rng.fork('masks');

  let skipped = 0;
  const candidates: Array<{ row: GoEmotionsRow; labels: string[] }> = [];
  for (const row of options.rows) {
    let labels = mapToLevel(
      row.labels.map((id) => GOEMOTIONS_LABELS[id] as string),
      level,
    );
    if ((labels.length > 1 && policy === 'skip') || labels.length === 0 || row.text.trim() === '') {
      skipped++;
      continue;
    }
    if (policy === 'first') labels = labels.slice(0, 1);
    candidates.push({ row, labels });
  }

  const counts = new Map<string, number>(levelLabels.map((l) => [l, 0]));
  for (const c of candidates) for (const l of c.labels) counts.set(l, (counts.get(l) ?? 0) + 1);
  let cap = Number.POSITIVE_INFINITY;
  if (options.maxPerLabel !== undefined) {
    if (!(options.maxPerLabel >= 1))
      throw new RangeError(`maxPerLabel must be at least 1, got ${options.maxPerLabel}`);
    cap = Math.floor(options.maxPerLabel);
  } else if (options.balance === true) {
    const sorted = [...counts.values()].filter((n) => n > 0).sort((a, b) => a - b);
    cap = sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
  }

  // Rows of the rarest labels are offered first, so a capped common label never crowds out a
  // rare one it co-occurs with; within a rarity level the order is random.
  orderRng.shuffle(candidates);
  const rarity = (labels: readonly string[]): number => Math.min(...labels.map((l) => counts.get(l) ?? 0));
  if (Number.isFinite(cap)) candidates.sort((a, b) => rarity(a.labels) - rarity(b.labels));
  const labelCounts: Record<string, number> = Object.fromEntries(levelLabels.map((l) => [l, 0]));
  const records: TrainingRecord[] = [];
  const sources: TrainingData['sources'] = [];
  for (const { row, labels } of candidates) {
    if (labels.some((l) => (labelCounts[l] ?? 0) >= cap)) {
      skipped++;
      continue;
    }
    for (const l of labels) labelCounts[l] = (labelCounts[l] ?? 0) + 1;
    const text = masks === 'replace' ? replaceMasks(row.text, maskRng) : row.text;
    records.push(
      options.objective === 'express'
        ? expressRecord(text.trim(), labels, options.format)
        : recognizeRecord(text.trim(), labels, levelLabels, level, options.format),
    );
    sources.push({ id: row.id, labels });
  }
  if (Number.isFinite(cap)) {
    // undo the rarity order: shuffle records and sources together
    const order = orderRng.shuffle(records.map((_, i) => i));
    return {
      records: order.map((i) => records[i] as TrainingRecord),
      sources: order.map((i) => sources[i] as TrainingData['sources'][number]),
      labelCounts,
      skipped,
    };
  }
  return { records, sources, labelCounts, skipped };
}

function expressRecord(text: string, labels: string[], format: TrainingFormat): TrainingRecord {
  const system = expressSystemPrompt(labels);
  if (format === 'alpaca') return { instruction: `${system}\n${EXPRESS_USER}`, input: '', output: text };
  return {
    messages: [
      { role: 'system', content: system },
      { role: 'user', content: EXPRESS_USER },
      { role: 'assistant', content: text },
    ],
  };
}

function recognizeRecord(
  text: string,
  labels: string[],
  levelLabels: readonly string[],
  level: EmotionLevel,
  format: TrainingFormat,
): TrainingRecord {
  const noun = level === 'sentiment' ? 'sentiment' : 'emotion';
  const answer = labels.join(', ');
  if (format === 'alpaca') {
    const prompt = buildRecognitionPrompt('', levelLabels, noun).trimEnd();
    return { instruction: prompt, input: text, output: answer };
  }
  return {
    messages: [
      { role: 'user', content: buildRecognitionPrompt(text, levelLabels, noun) },
      { role: 'assistant', content: answer },
    ],
  };
}

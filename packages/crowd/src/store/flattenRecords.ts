import { beamToPlutchik, type GoEmotionLabel, goEmotionToPlutchik, isGoEmotionLabel } from '@emocrowd/agents';
import type { ResponseRecord } from '../events/ResponseRecord.js';
import type { DataTable, TableCell } from '../import/DataTable.js';

/** Columns before the persona's social attributes. */
const LEADING = [
  'runId',
  'round',
  'replicate',
  'personaIndex',
  'personaId',
  'emotion',
  'emotionModel',
  'plutchik',
  'intensity',
  'spectrum',
  'signedIntensity',
] as const;
/** Columns after them. */
const TRAILING = [
  'status',
  'estimate',
  'confidence',
  'shown',
  'isRange',
  'reason',
  'latencyMs',
  'promptTokens',
  'completionTokens',
  'cached',
  'model',
  'host',
  'raw',
] as const;

/**
 * Flattens a run's answers into one table row per answer, for pandas, R and `extractCrowds`.
 *
 * Intuition: analysts want a tidy table — one row per observation, one column per variable —
 * with the persona's social attributes as ordinary columns they can group by. Behaviour:
 * 1. Columns, always in this order: `runId` (when given), round, `item` (when the answers are
 *    of a battery's items), replicate, personaIndex, personaId, emotion, emotionModel, plutchik
 *    (the Plutchik primary of a GoEmotions label or BEAM word, "none" when it has none),
 *    intensity, spectrum and signedIntensity (BEAM emotions; null otherwise), then every social
 *    attribute seen in any record
 *    (sorted by name; a name equal to another column gets the prefix `attribute.`), then
 *    status, estimate, confidence, shown (what the persona was shown, as one number), isRange,
 *    reason, latencyMs, promptTokens, completionTokens, cached, model, host, for a run with the
 *    conduct check conductVerdict, conductVirtue, conductVice, revised and originalEstimate (the
 *    first answer's estimate when revised), and raw (the model's text, last as it is longest).
 * 2. Rows are sorted by round, item (in the order items first appear), replicate and persona
 *    index, so the output does not depend on the order answers arrived in. Missing values are
 *    null; numbers and booleans stay typed.
 *
 * @param records the run's answers (e.g. `readRun(dir).records`)
 * @param runId written as the first column when given (for stacking several runs)
 * @returns the table; `source` is `runId` or "responses"
 */
export function flattenRecords(records: readonly ResponseRecord[], runId?: string): DataTable {
  const attributeNames = [...new Set(records.flatMap((r) => Object.keys(r.attributes ?? {})))].sort();
  const itemOrder = new Map<string, number>();
  for (const r of records)
    if (r.item !== undefined && !itemOrder.has(r.item)) itemOrder.set(r.item, itemOrder.size);
  const hasItems = itemOrder.size > 0;
  const hasConduct = records.some((r) => r.conduct !== undefined);
  const fixed = new Set<string>([...LEADING, 'item', ...TRAILING, ...CONDUCT]);
  const attributeColumns = attributeNames.map((name) => (fixed.has(name) ? `attribute.${name}` : name));
  const leading = LEADING.filter((c) => c !== 'runId' || runId !== undefined);
  const columns = [
    ...(hasItems
      ? [
          ...leading.slice(0, leading.indexOf('round') + 1),
          'item',
          ...leading.slice(leading.indexOf('round') + 1),
        ]
      : leading),
    ...attributeColumns,
    ...(hasConduct ? [...TRAILING.slice(0, -1), ...CONDUCT, 'raw'] : TRAILING),
  ];
  const itemRank = (r: ResponseRecord): number =>
    r.item === undefined ? -1 : (itemOrder.get(r.item) as number);
  const sorted = [...records].sort(
    (a, b) =>
      a.round - b.round ||
      itemRank(a) - itemRank(b) ||
      a.replicate - b.replicate ||
      a.personaIndex - b.personaIndex,
  );
  const rows = sorted.map((r): TableCell[] => [
    ...(runId === undefined ? [] : [runId]),
    r.round,
    ...(hasItems ? [r.item ?? null] : []),
    r.replicate,
    r.personaIndex,
    r.personaId,
    r.emotion ?? null,
    r.emotionModel ?? null,
    r.emotion === undefined ? null : plutchikOf(r.emotion, r.emotionModel),
    r.intensity ?? null,
    r.spectrum ?? null,
    r.signedIntensity ?? null,
    ...attributeNames.map((name) => r.attributes?.[name] ?? null),
    r.status,
    r.estimate ?? null,
    r.confidence ?? null,
    r.shown ?? null,
    r.isRange === true,
    r.reason ?? null,
    r.latencyMs,
    r.tokens?.prompt ?? null,
    r.tokens?.completion ?? null,
    r.cached,
    r.model,
    r.host ?? null,
    ...(hasConduct ? conductCells(r) : []),
    r.raw ?? null,
  ]);
  return { source: runId ?? 'responses', columns, rows };
}

/** The conduct check's columns (runs with `--conduct`), before `raw`. */
const CONDUCT = ['conductVerdict', 'conductVirtue', 'conductVice', 'revised', 'originalEstimate'] as const;

function conductCells(r: ResponseRecord): TableCell[] {
  const c = r.conduct;
  if (c === undefined) return [null, null, null, null, null];
  return [c.verdict, c.virtue ?? null, c.vice ?? null, c.revised, c.original?.estimate ?? null];
}

function plutchikOf(label: string, model: string | undefined): string {
  if (model === 'plutchik') return label;
  if (model === 'beam') return beamToPlutchik(label)?.emotion ?? 'none';
  if (!isGoEmotionLabel(label)) return 'none';
  return goEmotionToPlutchik(label as GoEmotionLabel)?.emotion ?? 'none';
}

import { z } from 'zod';
import { TASK_UNITS } from './taskUnits.js';

const NUMBER = z
  .number({ error: 'expected a number' })
  .refine(Number.isFinite, { error: 'expected a finite number' });
const TEXT = z.string({ error: 'expected a string' }).min(1, { error: 'expected a non-empty string' });
const ID = TEXT.regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'expected lower-case letters, digits and dashes' });
const UNIT_PRESETS = Object.keys(TASK_UNITS) as [keyof typeof TASK_UNITS, ...(keyof typeof TASK_UNITS)[]];
const SCALAR = z.union([z.string(), z.number(), z.boolean()], {
  error: 'expected text, a number or true/false',
});

const UNIT = z.strictObject(
  {
    unit: z.string({ error: 'expected a string' }),
    factor: NUMBER.refine((x) => x > 0, { error: 'expected a positive number' }),
    aliases: z
      .array(z.string({ error: 'expected a string' }), { error: 'expected an array of strings' })
      .default([]),
  },
  { error: 'expected { unit, factor, aliases? }' },
);

/** `human:` of a task or item: a CSV of real answers to the same question. */
export const HUMAN_CROWD_SCHEMA = z.strictObject(
  {
    file: TEXT,
    column: TEXT,
    filter: z
      .record(z.string(), z.union([z.string(), z.number()]), { error: 'expected a map of column -> value' })
      .optional(),
    truthColumn: TEXT.optional(),
    note: z.string({ error: 'expected a string' }).optional(),
  },
  { error: 'expected { file, column, filter?, truthColumn?, note? }' },
);

/** One question: a single-question task, or one item of a battery. */
export const TASK_ITEM_SCHEMA = z
  .strictObject(
    {
      id: ID,
      question: TEXT,
      questionSource: TEXT.optional(),
      unit: z.string({ error: 'expected a string' }),
      unitName: z.string({ error: 'expected a string' }).optional(),
      truth: z.strictObject(
        {
          // Estimates are positive quantities: log-space metrics and the parser assume a positive truth.
          value: NUMBER.refine((x) => x > 0, { error: 'expected a positive number' }),
          source: TEXT,
          kind: TEXT,
          confirmed: z.boolean({ error: 'expected true or false' }).default(true),
        },
        {
          error:
            'expected { value, source, kind, confirmed? } or { greatCircle: [from, to], kind?, source? }',
        },
      ),
      plausibleRange: z
        .tuple([NUMBER, NUMBER], { error: 'expected [min, max]' })
        .refine(([lo, hi]) => lo < hi, { error: 'expected min < max' }),
      units: z
        .union([z.enum(UNIT_PRESETS), z.array(UNIT).min(1)], {
          error: `expected one of ${UNIT_PRESETS.join(', ')} or a non-empty array of { unit, factor, aliases? }`,
        })
        .optional(),
      confusableUnit: z
        .strictObject(
          { unit: TEXT, factor: NUMBER.refine((x) => x > 0, { error: 'expected a positive number' }) },
          { error: 'expected { unit, factor }' },
        )
        .optional(),
      subject: z
        .strictObject(
          {
            kind: TEXT,
            description: TEXT,
            places: z.array(TEXT, { error: 'expected an array of strings' }).optional(),
            familiar: z
              .record(z.string(), z.array(z.string()), { error: 'expected a map of dimension -> values' })
              .optional(),
          },
          { error: 'expected { kind, description, places?, familiar? }' },
        )
        .optional(),
      human: HUMAN_CROWD_SCHEMA.optional(),
    },
    { error: 'expected a task object' },
  )
  .superRefine((task, ctx) => {
    const [lo, hi] = task.plausibleRange;
    if (task.truth.value < lo || task.truth.value > hi) {
      ctx.addIssue({
        code: 'custom',
        path: ['plausibleRange'],
        message: `expected a range that contains the truth ${task.truth.value}`,
      });
    }
  });

/** A named point with the source of its coordinates: decimal `lat`/`lon`, or ISO 6709 text. */
export const PLACE_SCHEMA = z
  .strictObject(
    {
      name: TEXT,
      source: TEXT,
      lat: NUMBER.refine((x) => Math.abs(x) <= 90, { error: 'expected a latitude in [-90, 90]' }).optional(),
      lon: NUMBER.refine((x) => Math.abs(x) <= 180, {
        error: 'expected a longitude in [-180, 180]',
      }).optional(),
      iso6709: TEXT.optional(),
    },
    { error: 'expected { name, source, lat, lon } or { name, source, iso6709 }' },
  )
  .refine((p) => (p.lat !== undefined && p.lon !== undefined) !== (p.iso6709 !== undefined), {
    error: 'expected either lat and lon, or iso6709',
  });

/**
 * The outer shape of a battery: its items are validated one by one afterwards (with
 * `TASK_ITEM_SCHEMA`), after a template is filled with each row, so errors name the item or row.
 */
export const BATTERY_SCHEMA = z
  .strictObject(
    {
      id: ID,
      title: TEXT,
      source: TEXT.optional(),
      places: z.record(z.string(), PLACE_SCHEMA, { error: 'expected a map of name -> place' }).optional(),
      items: z.array(z.unknown(), { error: 'expected an array of items' }).optional(),
      template: z
        .record(z.string(), z.unknown(), { error: 'expected an item with {column} placeholders' })
        .optional(),
      rows: z
        .array(z.record(z.string(), SCALAR, { error: 'expected a map of column -> value' }), {
          error: 'expected an array of rows',
        })
        .min(1, { error: 'expected at least one row' })
        .optional(),
    },
    { error: 'expected a battery { id, title, items | template + rows }' },
  )
  .superRefine((b, ctx) => {
    if ((b.template === undefined) !== (b.rows === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [b.template === undefined ? 'template' : 'rows'],
        message: 'expected template and rows together',
      });
    }
    if ((b.items?.length ?? 0) + (b.rows?.length ?? 0) === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['items'],
        message: 'expected at least one item (items, or template + rows)',
      });
    }
  });

/** Whether a parsed entry of a task file declares a battery (it has items or a template). */
export function isBatteryEntry(entry: unknown): boolean {
  return (
    typeof entry === 'object' &&
    entry !== null &&
    ('items' in entry || 'template' in entry || 'rows' in entry)
  );
}

/**
 * The zod 4 schema of a task file, for tools: one task, one battery, or `tasks: [...]` of either.
 *
 * ```yaml
 * id: eiffel-height
 * question: How tall is the Eiffel Tower, in metres?
 * unit: m
 * unitName: metres
 * truth: { value: 330, source: "SETE, 2022", kind: length }
 * plausibleRange: [10, 5000]
 * units: [{ unit: m, factor: 1, aliases: [metres, meters, m] }, { unit: ft, factor: 0.3048, aliases: [feet, ft] }]
 * ```
 * `units` may also name a built-in table (miles, kilometres, pounds, perSquareKm, count). A
 * battery has `id`, `title` and `items: [...]` (each a task object), or a `template` (an item
 * whose strings hold `{column}` placeholders) filled with each of its `rows`.
 */
export const TASK_FILE_SCHEMA = z.union(
  [
    z.strictObject({ tasks: z.array(z.union([BATTERY_SCHEMA, TASK_ITEM_SCHEMA])).min(1) }),
    BATTERY_SCHEMA,
    TASK_ITEM_SCHEMA,
  ],
  { error: 'expected a task, a battery or { tasks: [...] }' },
);

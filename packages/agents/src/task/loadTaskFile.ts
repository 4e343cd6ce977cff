import { z } from 'zod';
import { DefinitionFileError } from '../file/DefinitionFileError.js';
import { loadDefinitionFile, validateDefinition } from '../file/loadDefinitionFile.js';
import type { EstimationTask, TaskUnit } from './EstimationTask.js';
import { TASK_UNITS } from './taskUnits.js';

const NUMBER = z
  .number({ error: 'expected a number' })
  .refine(Number.isFinite, { error: 'expected a finite number' });
const TEXT = z.string({ error: 'expected a string' }).min(1, { error: 'expected a non-empty string' });
const UNIT_PRESETS = Object.keys(TASK_UNITS) as [keyof typeof TASK_UNITS, ...(keyof typeof TASK_UNITS)[]];

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

const TASK = z
  .strictObject(
    {
      id: TEXT.regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'expected lower-case letters, digits and dashes' }),
      question: TEXT,
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
        { error: 'expected { value, source, kind, confirmed? }' },
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
          {
            error: 'expected { unit, factor }',
          },
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

/**
 * The zod 4 schema of a task file: one task, or `tasks: [...]`.
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
 * `units` may also name a built-in table (miles, kilometres, pounds, perSquareKm, count).
 */
export const TASK_FILE_SCHEMA = z.union([z.strictObject({ tasks: z.array(TASK).min(1) }), TASK], {
  error: 'expected a task or { tasks: [...] }',
});

/**
 * Turns a parsed task document into tasks.
 *
 * Behaviour: defaults - unitName = unit, units = the task's unit alone (aliases: unit and
 * unitName), subject = { kind: 'general', description: question }; the task's own unit must
 * be among `units` with factor 1; ids must be distinct. Violations throw
 * {@link DefinitionFileError} with a one-line message naming the file and path.
 *
 * @param file - name for errors
 * @param document - parsed JSON / YAML
 * @returns the tasks
 */
export function tasksFromDocument(file: string, document: unknown): EstimationTask[] {
  // Validate the list form with its own schema first so errors carry the tasks[i] path.
  const isList = typeof document === 'object' && document !== null && 'tasks' in document;
  const entries = isList
    ? validateDefinition(
        file,
        document,
        z.strictObject({
          tasks: z
            .array(TASK, { error: 'expected an array of tasks' })
            .min(1, { error: 'expected at least one task' }),
        }),
      ).tasks
    : [validateDefinition(file, document, TASK)];
  const seen = new Set<string>();
  return entries.map((t, i) => {
    const at = (key: string): string => (isList ? `tasks[${i}].${key}` : key);
    if (seen.has(t.id))
      throw new DefinitionFileError(file, at('id'), `expected distinct ids, "${t.id}" repeats`);
    seen.add(t.id);
    const unitName = t.unitName ?? t.unit;
    const units: readonly TaskUnit[] =
      t.units === undefined
        ? [
            {
              unit: t.unit,
              factor: 1,
              aliases: [...new Set([unitName, t.unit].filter((a) => a !== '').map((a) => a.toLowerCase()))],
            },
          ]
        : typeof t.units === 'string'
          ? TASK_UNITS[t.units]
          : t.units.map((u) => ({ ...u, aliases: u.aliases.map((a) => a.toLowerCase()) }));
    const own = units.find((u) => u.unit === t.unit);
    if (own === undefined || own.factor !== 1) {
      throw new DefinitionFileError(
        file,
        at('units'),
        `expected the task's unit "${t.unit}" with factor 1 among the units`,
      );
    }
    const task: EstimationTask = {
      id: t.id,
      question: t.question,
      unit: t.unit,
      unitName,
      truth: t.truth,
      plausibleRange: t.plausibleRange,
      units,
      subject: t.subject ?? { kind: 'general', description: t.question },
    };
    if (t.confusableUnit !== undefined) task.confusableUnit = t.confusableUnit;
    return task;
  });
}

/**
 * Reads tasks from a JSON or YAML file (one task or `tasks: [...]`).
 *
 * @param file - path to the file
 * @returns the tasks; throws {@link DefinitionFileError} with a one-line message when invalid
 */
export function loadTaskFile(file: string): EstimationTask[] {
  return tasksFromDocument(file, loadDefinitionFile(file, z.unknown()));
}

import { existsSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { DefinitionFileError } from '../file/DefinitionFileError.js';
import { loadDefinitionFile, validateDefinition } from '../file/loadDefinitionFile.js';
import type { EstimationTask, HumanCrowd, TaskUnit } from './EstimationTask.js';
import { fillTemplate, type TemplateRow } from './fillTemplate.js';
import { greatCircleTruth } from './greatCircleTruth.js';
import { parseIso6709 } from './iso6709.js';
import type { SourcedPlace } from './SourcedPlace.js';
import type { Task, TaskBattery } from './TaskBattery.js';
import { BATTERY_SCHEMA, isBatteryEntry, TASK_ITEM_SCHEMA } from './taskFileSchema.js';
import { TASK_UNITS } from './taskUnits.js';

export { TASK_FILE_SCHEMA } from './taskFileSchema.js';

/**
 * Turns a parsed task document into tasks: one task, one battery, or `tasks: [...]` of either.
 *
 * Behaviour:
 * 1. Task defaults: unitName = unit, units = the task's unit alone (aliases: unit and
 *    unitName), subject = { kind: 'general', description: question }; the task's own unit must
 *    be among `units` with factor 1.
 * 2. A battery lists `items` one by one, or fills a `template` with each of its `rows` (or both:
 *    the listed items first). `{col}` in a template's strings is the row's value, `{col.field}`
 *    a field of the place the row names. An item's `truth: { greatCircle: [a, b] }` is the
 *    haversine distance between two of the battery's `places` (in mi or km, rounded).
 * 3. `human: { file, column, filter?, truthColumn?, note? }` links the human crowd of a question;
 *    its file is resolved against `baseDir` and must exist.
 * 4. Task ids must be distinct within the file, item ids within their battery.
 * Violations throw {@link DefinitionFileError} with a one-line message naming the file and the
 * path inside it (`tasks[1].items[3].truth.value`, `rows[2]` for a template's row).
 *
 * @param file - name for errors
 * @param document - parsed JSON / YAML
 * @param baseDir - folder relative `human.file` paths start from (default: the working directory)
 * @returns the tasks
 */
export function tasksFromDocument(file: string, document: unknown, baseDir = '.'): Task[] {
  const isList = typeof document === 'object' && document !== null && 'tasks' in document;
  const entries = isList
    ? validateDefinition(
        file,
        document,
        z.strictObject({
          tasks: z
            .array(z.unknown(), { error: 'expected an array of tasks' })
            .min(1, { error: 'expected at least one task' }),
        }),
      ).tasks
    : [document];
  const seen = new Set<string>();
  return entries.map((entry, i) => {
    const at = isList ? `tasks[${i}]` : '';
    const task = isBatteryEntry(entry)
      ? batteryFromEntry(file, at, entry, baseDir)
      : itemFromEntry(file, at, entry, baseDir);
    if (seen.has(task.id))
      throw new DefinitionFileError(file, join(at, 'id'), `expected distinct ids, "${task.id}" repeats`);
    seen.add(task.id);
    return task;
  });
}

/**
 * Reads tasks from a JSON or YAML file (see {@link tasksFromDocument}); `human.file` paths are
 * relative to the file's folder.
 *
 * @param file - path to the file
 * @returns the tasks; throws {@link DefinitionFileError} with a one-line message when invalid
 */
export function loadTaskFile(file: string): Task[] {
  return tasksFromDocument(file, loadDefinitionFile(file, z.unknown()), dirname(resolve(file)));
}

function batteryFromEntry(file: string, at: string, entry: unknown, baseDir: string): TaskBattery {
  const shell = validateAt(file, at, entry, BATTERY_SCHEMA);
  const places: Record<string, SourcedPlace> = {};
  for (const [name, p] of Object.entries(shell.places ?? {})) {
    let point = { lat: p.lat as number, lon: p.lon as number };
    if (p.iso6709 !== undefined) {
      try {
        point = parseIso6709(p.iso6709);
      } catch (error) {
        throw new DefinitionFileError(file, join(at, `places.${name}.iso6709`), (error as Error).message);
      }
    }
    places[name] = { name: p.name, source: p.source, ...point };
  }
  const raw: { entry: unknown; at: string }[] = (shell.items ?? []).map((item, j) => ({
    entry: item,
    at: join(at, `items[${j}]`),
  }));
  (shell.rows ?? []).forEach((row, r) => {
    const rowAt = join(at, `rows[${r}]`);
    try {
      raw.push({ entry: fillTemplate(shell.template, row as TemplateRow, places), at: rowAt });
    } catch (error) {
      throw new DefinitionFileError(file, rowAt, `template: ${(error as Error).message}`);
    }
  });
  const seen = new Set<string>();
  const items = raw.map(({ entry: item, at: itemAt }) => {
    const task = itemFromEntry(file, itemAt, withGreatCircleTruth(file, itemAt, item, places), baseDir);
    if (seen.has(task.id))
      throw new DefinitionFileError(
        file,
        join(itemAt, 'id'),
        `expected distinct item ids, "${task.id}" repeats`,
      );
    seen.add(task.id);
    return task;
  });
  return { id: shell.id, title: shell.title, source: shell.source ?? '', items };
}

/** Replaces `truth: { greatCircle: [a, b], kind?, source? }` by the computed truth. */
function withGreatCircleTruth(
  file: string,
  at: string,
  item: unknown,
  places: Readonly<Record<string, SourcedPlace>>,
): unknown {
  const truth = (item as { truth?: unknown })?.truth;
  if (typeof truth !== 'object' || truth === null || !('greatCircle' in truth)) return item;
  const { greatCircle, source, kind } = truth as { greatCircle: unknown; source?: unknown; kind?: unknown };
  const names = Array.isArray(greatCircle) ? greatCircle.map(String) : [];
  const [from, to] = names.map((name) => places[name]);
  if (names.length !== 2 || !from || !to) {
    throw new DefinitionFileError(
      file,
      join(at, 'truth.greatCircle'),
      `expected [from, to], two of the battery's places (${Object.keys(places).join(', ') || 'none declared'})`,
    );
  }
  try {
    const computed = greatCircleTruth(from, to, String((item as { unit?: unknown }).unit ?? ''));
    return {
      ...(item as object),
      truth: {
        ...computed,
        ...(typeof kind === 'string' ? { kind } : {}),
        ...(typeof source === 'string' && source !== '' ? { source: `${computed.source}; ${source}` } : {}),
      },
    };
  } catch (error) {
    throw new DefinitionFileError(file, join(at, 'unit'), (error as Error).message);
  }
}

function itemFromEntry(file: string, at: string, entry: unknown, baseDir: string): EstimationTask {
  const t = validateAt(file, at, entry, TASK_ITEM_SCHEMA);
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
      join(at, 'units'),
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
  if (t.questionSource !== undefined) task.questionSource = t.questionSource;
  if (t.human !== undefined) task.humanData = humanCrowdOf(file, join(at, 'human.file'), t.human, baseDir);
  return task;
}

function humanCrowdOf(
  file: string,
  at: string,
  human: {
    file: string;
    column: string;
    filter?: Record<string, string | number>;
    truthColumn?: string;
    note?: string;
  },
  baseDir: string,
): HumanCrowd {
  const path = isAbsolute(human.file) ? human.file : resolve(baseDir, human.file);
  if (!existsSync(path)) {
    throw new DefinitionFileError(
      file,
      at,
      `no such file ${human.file} (paths are relative to the task file)`,
    );
  }
  return {
    file: path,
    column: human.column,
    ...(human.filter
      ? { filter: Object.fromEntries(Object.entries(human.filter).map(([k, v]) => [k, String(v)])) }
      : {}),
    ...(human.truthColumn ? { truthColumn: human.truthColumn } : {}),
    note: human.note ?? `column ${human.column} of ${human.file}`,
  };
}

/** Validates a part of a document, naming paths from the document's root. */
function validateAt<S extends z.ZodType>(file: string, at: string, value: unknown, schema: S): z.output<S> {
  try {
    return validateDefinition(file, value, schema);
  } catch (error) {
    if (!(error instanceof DefinitionFileError) || at === '') throw error;
    throw new DefinitionFileError(file, join(at, error.at), error.expected);
  }
}

function join(at: string, key: string): string {
  if (at === '') return key;
  if (key === '') return at;
  return key.startsWith('[') ? `${at}${key}` : `${at}.${key}`;
}

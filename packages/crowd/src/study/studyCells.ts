import { DefinitionFileError, formatDocumentPath } from '@emocrowd/agents';
import { levelName } from './levelName.js';
import type { StudyCell, StudyFactor, StudyLevel } from './StudyDesign.js';
import { checkSetting, isStudySetting, type StudySettings } from './studySettings.js';

/** A cell before its settings are computed: a name and a level name per factor. */
export interface CellPlan {
  readonly name: string;
  readonly factors: Readonly<Record<string, string>>;
}

/**
 * The full factorial of the factors, in file order with the last factor varying fastest.
 * Cells are named by the levels of the factors that have more than one level, joined by "-"
 * (`emotion-base`); a study whose factors all have one level has one cell, named by those levels.
 *
 * @param factors the study's factors
 * @returns one plan per combination of levels
 */
export function factorialCells(factors: readonly StudyFactor[]): CellPlan[] {
  let combos: Record<string, string>[] = [{}];
  for (const factor of factors) {
    combos = combos.flatMap((combo) =>
      factor.levels.map((level) => ({ ...combo, [factor.name]: level.name })),
    );
  }
  return combos.map((combo) => ({ name: cellName(factors, combo), factors: combo }));
}

/**
 * Cells listed one by one (`cells:` in the file). A key of a cell is a declared factor (its value
 * names a level, by name or value) or a run setting, which then becomes a factor of its own with
 * one level per distinct value; every cell must give every factor.
 *
 * @param file the file name for errors
 * @param entries the `cells` list as written
 * @param declared the factors of `factors:` (extended in place by settings the cells vary)
 * @param fixed the study's fixed settings (a cell cannot vary one of them)
 * @returns one plan per entry
 * @throws DefinitionFileError naming `cells[i].key`
 */
export function explicitCells(
  file: string,
  entries: readonly Record<string, unknown>[],
  declared: StudyFactor[],
  fixed: StudySettings,
): CellPlan[] {
  function fail(at: string, message: string): never {
    throw new DefinitionFileError(file, at, message);
  }
  const implicit = new Map<string, StudyLevel[]>();
  for (const [i, entry] of entries.entries()) {
    for (const [key, value] of Object.entries(entry)) {
      if (key === 'name' || declared.some((f) => f.name === key)) continue;
      if (!isStudySetting(key)) fail(`cells[${i}].${key}`, `"${key}" is neither a factor nor a run setting`);
      if (Object.hasOwn(fixed, key))
        fail(
          `cells[${i}].${key}`,
          `${key} is fixed at the top of the file; vary it in the cells or fix it, not both`,
        );
      const checked = checkSetting(key as never, value);
      if (!checked.ok) fail(formatDocumentPath(['cells', i, key, ...checked.path]), checked.message);
      const name = levelName(value);
      if (name === undefined)
        fail(
          `cells[${i}].${key}`,
          `name this value: declare factors: { ${key}: { NAME: value } } and give NAME here`,
        );
      const levels = implicit.get(key) ?? [];
      if (!levels.some((l) => l.name === name))
        levels.push({ name: name as string, value: (checked as { value: unknown }).value });
      implicit.set(key, levels);
    }
  }
  for (const [name, levels] of implicit) declared.push({ name: name as StudyFactor['name'], levels });
  return entries.map((entry, i) => {
    const factors: Record<string, string> = {};
    for (const factor of declared) {
      if (!Object.hasOwn(entry, factor.name))
        return fail(
          `cells[${i}]`,
          `give the level of ${factor.name} (every cell names one level of every factor)`,
        );
      const level = findLevel(factor, entry[factor.name]);
      if (!level)
        return fail(
          `cells[${i}].${factor.name}`,
          `no level "${String(entry[factor.name])}"; levels of ${factor.name}: ${factor.levels.map((l) => l.name).join(', ')}`,
        );
      factors[factor.name] = level.name;
    }
    const given = entry.name;
    if (given !== undefined && (typeof given !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(given)))
      fail(
        `cells[${i}].name`,
        'expected letters, digits, dots, dashes and underscores (it names a directory)',
      );
    return { name: (given as string | undefined) ?? cellName(declared, factors), factors };
  });
}

/**
 * The level a file or a contrast refers to: by name, else by value written as text.
 *
 * @param factor the factor
 * @param ref what was written
 * @returns the level, or undefined
 */
export function findLevel(factor: StudyFactor, ref: unknown): StudyLevel | undefined {
  const text =
    typeof ref === 'string' || typeof ref === 'number' || typeof ref === 'boolean' ? String(ref) : undefined;
  if (text === undefined) return undefined;
  return (
    factor.levels.find((l) => l.name === text) ??
    factor.levels.find((l) => levelName(l.value) !== undefined && String(l.value) === text)
  );
}

/**
 * The cells' settings: the fixed settings, then each factor's level value.
 *
 * @param plans the cells
 * @param factors the factors (with any `--set` applied)
 * @param fixed the fixed settings
 * @returns the cells
 */
export function cellsWithSettings(
  plans: readonly CellPlan[],
  factors: readonly StudyFactor[],
  fixed: StudySettings,
): StudyCell[] {
  return plans.map((plan) => {
    const settings: Record<string, unknown> = { ...fixed };
    for (const factor of factors) {
      const level = factor.levels.find((l) => l.name === plan.factors[factor.name]);
      settings[factor.name] = level?.value;
    }
    return { name: plan.name, factors: plan.factors, settings: settings as StudySettings };
  });
}

function cellName(factors: readonly StudyFactor[], combo: Readonly<Record<string, string>>): string {
  const varying = factors.filter((f) => f.levels.length > 1);
  const shown = varying.length > 0 ? varying : factors;
  return shown.map((f) => combo[f.name]).join('-') || 'main';
}

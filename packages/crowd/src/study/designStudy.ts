import { DefinitionFileError, formatDocumentPath } from '@emocrowd/agents';
import { applyStudyOverrides } from './applyStudyOverrides.js';
import { levelName } from './levelName.js';
import type { StudyDesign, StudyFactor, StudyLevel } from './StudyDesign.js';
import type { StudyFile } from './StudyFile.js';
import { cellsWithSettings, explicitCells, factorialCells } from './studyCells.js';
import { studyContrasts } from './studyContrasts.js';
import { checkSetting, isStudySetting, STUDY_SETTING_NAMES, type StudySettings } from './studySettings.js';

/** Report defaults: 2,000 bootstrap resamples and permutations, 95% intervals. */
export const STUDY_REPORT_DEFAULTS = { bootstrap: 2000, permutations: 2000, level: 0.95 } as const;

/**
 * Resolves a study file into its design: fixed settings, factors with named levels, every cell
 * with its settings, and every contrast as a pair of cells.
 *
 * Behaviour:
 * 1. Top-level run settings are fixed for every cell; each is checked against its schema.
 * 2. `factors: { SETTING: [v1, v2] }` names each level by its value (`levelName`);
 *    `factors: { SETTING: { name: value } }` names them; `tasks: [...]` is the factor `task`.
 *    A setting cannot be both fixed and a factor.
 * 3. The cells are the full factorial of the factors, or the `cells:` list (see `explicitCells`).
 * 4. `--set` assignments change level values or fixed settings (`applyStudyOverrides`), after
 *    the file is checked, so names in errors stay those of the file.
 * 5. Contrasts are spelled out as pairs of cells (`studyContrasts`).
 *
 * @param file the file name as the user gave it (for errors)
 * @param study the validated file
 * @param overrides `--set` assignments
 * @returns the design
 * @throws DefinitionFileError naming the path in the file; RangeError naming `--set`
 */
export function designStudy(file: string, study: StudyFile, overrides: readonly string[] = []): StudyDesign {
  function fail(at: string, message: string): never {
    throw new DefinitionFileError(file, at, message);
  }
  const fixed: Record<string, unknown> = {};
  for (const name of STUDY_SETTING_NAMES) {
    const value = study[name];
    if (value === undefined) continue;
    const checked = checkSetting(name, value);
    if (!checked.ok) return fail(formatDocumentPath([name, ...checked.path]), checked.message);
    fixed[name] = checked.value;
  }
  const factors: StudyFactor[] = [];
  if (study.tasks) {
    if (fixed.task !== undefined) fail('tasks', 'give task (one) or tasks (a factor), not both');
    if (study.factors?.task) fail('tasks', 'give tasks or factors.task, not both');
    factors.push({ name: 'task', levels: scalarLevels(file, 'tasks', 'task', study.tasks) });
  }
  for (const [name, levels] of Object.entries(study.factors ?? {})) {
    const at = `factors.${name}`;
    if (!isStudySetting(name))
      fail(at, `"${name}" is not a run setting; settings: ${STUDY_SETTING_NAMES.join(', ')}`);
    if (fixed[name] !== undefined)
      fail(at, `${name} is fixed at the top of the file; fix it or vary it, not both`);
    const factor: StudyFactor = {
      name: name as StudyFactor['name'],
      levels: Array.isArray(levels)
        ? scalarLevels(file, at, name, levels)
        : Object.entries(levels).map(([level, value]) => ({
            name: level,
            value: checked(file, `${at}.${level}`, name, value),
          })),
    };
    factors.push(factor);
  }
  const plans = study.cells
    ? explicitCells(file, study.cells, factors, fixed as StudySettings)
    : factorialCells(factors);
  const seen = new Map<string, number>();
  plans.forEach((plan, i) => {
    const before = seen.get(plan.name);
    if (before !== undefined)
      fail(
        study.cells ? `cells[${i}]` : 'factors',
        `two cells are named "${plan.name}"; name the levels or the cells apart`,
      );
    seen.set(plan.name, i);
  });
  const contrasts = studyContrasts(file, study.contrasts ?? [], factors, plans);
  const applied = applyStudyOverrides(overrides, factors, fixed as StudySettings);
  return {
    name: study.name,
    ...(study.description !== undefined ? { description: study.description } : {}),
    fixed: applied.fixed,
    factors: applied.factors,
    cells: cellsWithSettings(plans, applied.factors, applied.fixed),
    contrasts,
    report: {
      ...(study.report?.strategies ? { strategies: study.report.strategies } : {}),
      bootstrap: study.report?.bootstrap ?? STUDY_REPORT_DEFAULTS.bootstrap,
      permutations: study.report?.permutations ?? STUDY_REPORT_DEFAULTS.permutations,
      level: study.report?.level ?? STUDY_REPORT_DEFAULTS.level,
    },
    overrides: [...overrides],
  };
}

function checked(file: string, at: string, name: string, value: unknown): unknown {
  const result = checkSetting(name as StudyFactor['name'], value);
  if (!result.ok)
    throw new DefinitionFileError(
      file,
      `${at}${formatDocumentPath(result.path).replace(/^(?!\[)(.)/, '.$1')}`,
      result.message,
    );
  return result.value;
}

function scalarLevels(file: string, at: string, name: string, values: readonly unknown[]): StudyLevel[] {
  const levels: StudyLevel[] = [];
  values.forEach((value, i) => {
    const level = levelName(value);
    if (level === undefined)
      throw new DefinitionFileError(
        file,
        `${at}[${i}]`,
        `name this level: write ${name}: { NAME: value, ... }`,
      );
    if (levels.some((l) => l.name === level))
      throw new DefinitionFileError(file, `${at}[${i}]`, `level "${level}" appears twice`);
    levels.push({ name: level, value: checked(file, `${at}[${i}]`, name, value) });
  });
  return levels;
}

import type { StudyFactor } from './StudyDesign.js';
import {
  checkSetting,
  isStudySetting,
  STUDY_SETTING_NAMES,
  type StudySettings,
  settingFromText,
} from './studySettings.js';

/**
 * Applies `--set` assignments to a study's factors and fixed settings.
 *
 * Behaviour:
 * 1. `FACTOR.LEVEL=VALUE` gives a level a new value and keeps its name, so cells, directories and
 *    contrasts keep theirs (`--set model.base=synthetic` rehearses a study on the synthetic model).
 * 2. `SETTING=VALUE` fixes a setting that is not a factor (`--set replicates=2`).
 * 3. Values are read as the setting's type (numbers for numeric settings, JSON for objects) and
 *    checked as strictly as in the file. Assignments apply in order; a later one wins.
 *
 * @param assignments the `--set` values, as given
 * @param factors the study's factors (not modified)
 * @param fixed the study's fixed settings (not modified)
 * @returns the factors and fixed settings with the assignments applied
 * @throws RangeError naming `--set TEXT` and the fix
 */
export function applyStudyOverrides(
  assignments: readonly string[],
  factors: readonly StudyFactor[],
  fixed: StudySettings,
): { factors: StudyFactor[]; fixed: StudySettings } {
  const outFactors = factors.map((f) => ({ ...f, levels: [...f.levels] }));
  const outFixed: Record<string, unknown> = { ...fixed };
  for (const assignment of assignments) {
    function fail(message: string): never {
      throw new RangeError(`--set ${assignment}: ${message}`);
    }
    const eq = assignment.indexOf('=');
    if (eq <= 0) fail('expected FACTOR.LEVEL=VALUE or SETTING=VALUE, e.g. --set model.base=synthetic');
    const key = assignment.slice(0, eq).trim();
    const text = assignment.slice(eq + 1);
    const dot = key.indexOf('.');
    const setting = dot < 0 ? key : key.slice(0, dot);
    if (!isStudySetting(setting))
      fail(`"${setting}" is not a run setting; settings: ${STUDY_SETTING_NAMES.join(', ')}`);
    const name = setting as (typeof STUDY_SETTING_NAMES)[number];
    const checked = checkSetting(name, settingFromText(name, text));
    if (!checked.ok)
      return fail(
        checked.path.length > 0 ? `${checked.path.join('.')}: ${checked.message}` : checked.message,
      );
    const factor = outFactors.find((f) => f.name === name);
    if (dot < 0) {
      if (factor)
        fail(
          `${name} is a factor of this study; set one of its levels: --set ${name}.${factor.levels[0]?.name}=VALUE (levels: ${factor.levels.map((l) => l.name).join(', ')})`,
        );
      outFixed[name] = checked.value;
      continue;
    }
    const level = key.slice(dot + 1);
    if (!factor) return fail(`${name} is not a factor of this study; fix it with --set ${name}=VALUE`);
    const at = factor.levels.findIndex((l) => l.name === level);
    if (at < 0)
      fail(`no level "${level}" of ${name}; levels: ${factor.levels.map((l) => l.name).join(', ')}`);
    factor.levels[at] = { name: level, value: checked.value };
  }
  return { factors: outFactors, fixed: outFixed as StudySettings };
}

import { DefinitionFileError } from '@emocrowd/agents';
import type { StudyContrast, StudyFactor } from './StudyDesign.js';
import type { StudyFileContrast } from './StudyFile.js';
import { type CellPlan, findLevel } from './studyCells.js';

/**
 * Spells out the contrasts of a study file as pairs of cells (a - b).
 *
 * Behaviour:
 * 1. `{ of: F, a: x, b: y }` compares level x of factor F with level y, once for every
 *    combination of the other factors' levels that has both cells (a simple effect each, never
 *    an average over the other factors); `at: { G: z }` keeps only the combinations with G = z.
 *    When several combinations remain, each contrast's name gains them: `name[model=base]`.
 * 2. `{ a: CELL, b: CELL }` without `of` compares two cells by name.
 * 3. The default name is `a-minus-b` (level names with `of`, cell names without).
 *
 * @param file the file name for errors
 * @param contrasts as written
 * @param factors the study's factors
 * @param cells the study's cells
 * @returns the contrasts, in file order
 * @throws DefinitionFileError naming `contrasts[i].key` for unknown factors, levels or cells,
 *   a contrast without any pair of cells, or two contrasts of the same name
 */
export function studyContrasts(
  file: string,
  contrasts: readonly StudyFileContrast[],
  factors: readonly StudyFactor[],
  cells: readonly CellPlan[],
): StudyContrast[] {
  function fail(at: string, message: string): never {
    throw new DefinitionFileError(file, at, message);
  }
  const out: StudyContrast[] = [];
  for (const [i, contrast] of contrasts.entries()) {
    const at = `contrasts[${i}]`;
    if (contrast.of === undefined) {
      for (const side of ['a', 'b'] as const) {
        if (!cells.some((c) => c.name === contrast[side]))
          fail(
            `${at}.${side}`,
            `no cell "${contrast[side]}"; cells: ${cells.map((c) => c.name).join(', ')} (or give of: FACTOR)`,
          );
      }
      if (contrast.at !== undefined) fail(`${at}.at`, 'at: needs of: FACTOR');
      out.push({ name: contrast.name ?? `${contrast.a}-minus-${contrast.b}`, a: contrast.a, b: contrast.b });
      continue;
    }
    const factor = factors.find((f) => f.name === contrast.of);
    if (!factor)
      fail(
        `${at}.of`,
        `no factor "${contrast.of}"; factors: ${factors.map((f) => f.name).join(', ') || 'none'}`,
      );
    const level = (side: 'a' | 'b'): string => {
      const found = findLevel(factor as StudyFactor, contrast[side]);
      if (!found)
        fail(
          `${at}.${side}`,
          `no level "${contrast[side]}" of ${factor.name}; levels: ${factor.levels.map((l) => l.name).join(', ')}`,
        );
      return (found as { name: string }).name;
    };
    const la = level('a');
    const lb = level('b');
    if (la === lb) fail(at, `a and b are the same level of ${factor.name}`);
    const fixedAt: Record<string, string> = {};
    for (const [name, ref] of Object.entries(contrast.at ?? {})) {
      const other = factors.find((f) => f.name === name);
      if (!other || other === factor)
        fail(
          `${at}.at.${name}`,
          `"${name}" is not another factor; factors: ${
            factors
              .filter((f) => f !== factor)
              .map((f) => f.name)
              .join(', ') || 'none'
          }`,
        );
      const found = findLevel(other as StudyFactor, ref);
      if (!found) fail(`${at}.at.${name}`, `no level "${ref}" of ${name}`);
      fixedAt[name] = (found as { name: string }).name;
    }
    const others = factors.filter((f) => f !== factor);
    const pairs = cells
      .filter(
        (c) => c.factors[factor.name] === la && Object.entries(fixedAt).every(([k, v]) => c.factors[k] === v),
      )
      .flatMap((a) => {
        const b = cells.find(
          (c) =>
            c.factors[factor.name] === lb && others.every((f) => c.factors[f.name] === a.factors[f.name]),
        );
        return b ? [{ a, b }] : [];
      });
    if (pairs.length === 0)
      fail(at, `no two cells differ only in ${factor.name} (${la} against ${lb}); check cells: and at:`);
    const varying = others.filter((f) => new Set(pairs.map((p) => p.a.factors[f.name])).size > 1);
    const base = contrast.name ?? `${la}-minus-${lb}`;
    for (const { a, b } of pairs) {
      const shared = Object.fromEntries(
        others.filter((f) => f.levels.length > 1).map((f) => [f.name, a.factors[f.name] as string]),
      );
      const suffix = varying.map((f) => `${f.name}=${a.factors[f.name]}`).join(',');
      out.push({
        name: suffix ? `${base}[${suffix}]` : base,
        a: a.name,
        b: b.name,
        of: factor.name,
        levels: { a: la, b: lb },
        ...(Object.keys(shared).length > 0 ? { at: shared } : {}),
      });
    }
  }
  const seen = new Set<string>();
  for (const contrast of out) {
    if (seen.has(contrast.name))
      fail('contrasts', `two contrasts are named "${contrast.name}"; name them apart`);
    seen.add(contrast.name);
  }
  return out;
}

import { canonicalJson } from '@emocrowd/models';
import type { RunDescriptor } from '../events/RunDescriptor.js';
import type { CellItemSample } from './cellSamples.js';

/** How two cells' answers are compared: unit by unit, or as independent crowds (and why). */
export type CellPairing =
  | {
      readonly paired: true;
      /** Positions in a's and b's samples of each pair (one persona and replicate, an answer in both). */
      readonly a: readonly number[];
      readonly b: readonly number[];
      /** Answers with a number in one cell whose pair has none in the other (left out). */
      readonly unpairedA: number;
      readonly unpairedB: number;
    }
  | { readonly paired: false; readonly reason: string };

/**
 * Decides whether two cells of a study can be compared persona by persona, and pairs their
 * answers when they can.
 *
 * Rule: two cells are paired when both asked the same personas with the same seeds: equal
 * `seed` and `replicates`, and equal persona selection (spec, space, emotion filter, emotion
 * model, intensity sweep, scale, count, shard; the condition may differ, it changes the prompt,
 * not the crowd). Then an answer pairs with the other cell's answer of the same persona index
 * and replicate (the same model seed, `answerSeed`), when both have a number; answers without a
 * partner are left out and counted. Pairing is refused (independent crowds) when the settings
 * differ, when a matched key holds different persona ids, or when fewer than 2 pairs remain.
 *
 * @param a the first cell's descriptor and crowd for one question
 * @param b the second's
 * @returns the pairs, or why the crowds are compared as independent samples
 */
export function pairCells(
  a: { descriptor: RunDescriptor; sample: CellItemSample },
  b: { descriptor: RunDescriptor; sample: CellItemSample },
): CellPairing {
  const da = a.descriptor;
  const db = b.descriptor;
  if (da.seed !== db.seed) return { paired: false, reason: `different seeds (${da.seed} and ${db.seed})` };
  if (da.replicates !== db.replicates)
    return { paired: false, reason: `different replicates (${da.replicates} and ${db.replicates})` };
  const crowd = (d: RunDescriptor): string => {
    const { condition: _condition, ...rest } = d.personas;
    return canonicalJson(rest);
  };
  if (crowd(da) !== crowd(db)) return { paired: false, reason: 'different persona selections' };
  const at = new Map<string, number>(b.sample.keys.map((key, i) => [key, i]));
  const ia: number[] = [];
  const ib: number[] = [];
  for (const [i, key] of a.sample.keys.entries()) {
    const j = at.get(key);
    if (j === undefined) continue;
    if (a.sample.personaIds[i] !== b.sample.personaIds[j])
      return { paired: false, reason: `persona ${key.split(':')[0]} is not the same persona in both cells` };
    ia.push(i);
    ib.push(j);
  }
  if (ia.length < 2) return { paired: false, reason: `only ${ia.length} persona(s) answered in both cells` };
  return {
    paired: true,
    a: ia,
    b: ib,
    unpairedA: a.sample.keys.length - ia.length,
    unpairedB: b.sample.keys.length - ib.length,
  };
}

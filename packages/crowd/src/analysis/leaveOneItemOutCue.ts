import { meanError, type RespondentErrors } from './respondentErrors.js';

/**
 * The ability cue of each judge of one item, measured on the battery's *other* items only: the
 * judge's mean |ln(x / T_j)| over the items j != `item` it answered (lower = better). The item's
 * own answers and truth never enter its cue, so a strategy that picks judges by this cue cannot
 * peek at the truth it is scored against (Mannes, Soll & Larrick 2014 measure the cue on other
 * items for the same reason).
 *
 * @param errors the battery's error matrix
 * @param item the item's position
 * @param respondents who gave each answer to the item (aligned with its sample)
 * @returns the cue of each answer's judge, `undefined` for a judge without another item
 */
export function leaveOneItemOutCue(
  errors: RespondentErrors,
  item: number,
  respondents: readonly string[],
): (number | undefined)[] {
  const cache = new Map<string, number | undefined>();
  return respondents.map((id) => {
    if (cache.has(id)) return cache.get(id);
    const r = errors.index.get(id);
    const { mean } = r === undefined ? { mean: Number.NaN } : meanError(errors, r, (i) => i !== item);
    const cue = Number.isNaN(mean) ? undefined : mean;
    cache.set(id, cue);
    return cue;
  });
}

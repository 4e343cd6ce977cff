/**
 * Becker, Brackbill & Centola's (2017) revision weight of one person between two rounds:
 * w = (after - before) / (shown - before).
 *
 * The intuition: how far did the person move towards what they were shown? w = 0 kept the first
 * answer, w = 1 adopted the value shown, 0.5 went halfway; w < 0 moved away and w > 1 overshot.
 * It is the linear-scale counterpart of the advice-taking weight (Yaniv 2004). Undefined (NaN)
 * when any of the three is not finite or when the shown value equals the first answer (nothing
 * to move towards).
 *
 * @param before the answer in round r
 * @param after the answer in round r + 1
 * @param shown what the person was shown between the rounds (Becker: the mean of the neighbours' answers)
 * @returns w, or NaN when undefined
 */
export function revisionWeight(before: number, after: number, shown: number): number {
  if (!(Number.isFinite(before) && Number.isFinite(after) && Number.isFinite(shown))) return Number.NaN;
  if (shown === before) return Number.NaN;
  return (after - before) / (shown - before);
}

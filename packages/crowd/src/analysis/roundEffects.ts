import type { RoundCrowd } from '../import/extractRoundCrowds.js';
import { wocIndicator } from '../metrics/wocIndicator.js';
import { type ChiSquareTest, chiSquareTest } from '../stats/chiSquareTest.js';
import { fisherExactTest, holmAdjust } from '../stats/fisherExactTest.js';
import { mean } from '../stats/mean.js';
import { median } from '../stats/median.js';
import type { RoundTransition } from './roundTransition.js';
import { logVariance, numbers, revisionWeights } from './roundTransition.js';

/** One round of a group of crowds: the means and medians over its crowds. */
export interface RoundTrajectoryPoint {
  readonly column: string;
  /** Crowds with a number in this round. */
  readonly crowds: number;
  /** Mean over the crowds of the WOC indicator (Lorenz et al. 2011 report this per condition). */
  readonly wocIndicatorMean: number;
  /** Median over the crowds of var(ln x) in this round / var(ln x) in the first (Lorenz: 0.22 and 0.26 after 4 rounds). */
  readonly logDiversityRatioMedian: number;
  /** Median over the crowds of |mean - T| / |T| and |median - T| / |T|. */
  readonly meanRelErrorMedian: number;
  readonly medianRelErrorMedian: number;
}

/** The individuals of a group pooled over its crowds, for one transition. */
export interface PooledTransition {
  readonly from: string;
  readonly to: string;
  /** Respondents with a number in both rounds. */
  readonly paired: number;
  /** Respondents with a defined revision weight. */
  readonly revised: number;
  readonly revisionWeightMean: number;
  readonly revisionWeightMedian: number;
  /** Share of the paired respondents whose absolute error fell. */
  readonly movedCloser: number;
}

/** How the crowds of one group changed from the first round to the last. */
export interface RoundEffect {
  /** The group-by values joined by "," ("all" without --group-by). */
  readonly group: string;
  readonly groupKey: Record<string, string>;
  /** Crowds with a number in the first and in the last round. */
  readonly crowds: number;
  readonly from: string;
  readonly to: string;
  /** Crowds whose error of the mean (of the median) is strictly smaller in the last round. */
  readonly meanImproved: number;
  readonly medianImproved: number;
  readonly trajectory: readonly RoundTrajectoryPoint[];
  readonly transitions: readonly PooledTransition[];
}

/** Whether the share of improved crowds differs between the groups. */
export interface RoundEffectTest {
  readonly outcome: 'meanImproved' | 'medianImproved';
  /** Groups compared, in the order of `roundEffects`. */
  readonly groups: readonly string[];
  /** Pearson's chi-square test of the groups x (improved, not) table. */
  readonly chiSquare: ChiSquareTest;
  /** Fisher's exact test of every pair of groups, with Holm's adjustment over the pairs. */
  readonly pairwise: readonly {
    readonly a: string;
    readonly b: string;
    readonly oddsRatio: number;
    readonly p: number;
    readonly pHolm: number;
  }[];
}

/**
 * Tallies crowds by group: how many improved from the first round to the last (Becker,
 * Brackbill & Centola 2017 count groups whose error of the mean fell), each round's mean WOC
 * indicator and median log-variance ratio (Lorenz et al. 2011), and the pooled revisions.
 * Groups appear in the order their first crowd does.
 *
 * @param crowds the crowds, with their group
 * @param overall each crowd's first-to-last transition (aligned with `crowds`; undefined when
 *   it has no number in the first or the last round)
 * @returns one entry per group
 */
export function roundEffects(
  crowds: readonly RoundCrowd[],
  overall: readonly (RoundTransition | undefined)[],
): RoundEffect[] {
  const groups = new Map<string, number[]>();
  crowds.forEach((crowd, i) => {
    const name = crowd.group ?? 'all';
    const list = groups.get(name);
    if (list) list.push(i);
    else groups.set(name, [i]);
  });
  return [...groups.entries()].map(([group, members]): RoundEffect => {
    const first = crowds[members[0] as number] as RoundCrowd;
    const rounds = first.rounds;
    const counted = members.filter((i) => overall[i] !== undefined).map((i) => overall[i] as RoundTransition);
    return {
      group,
      groupKey: first.groupKey,
      crowds: counted.length,
      from: rounds[0] as string,
      to: rounds[rounds.length - 1] as string,
      meanImproved: counted.filter((t) => t.meanImproved).length,
      medianImproved: counted.filter((t) => t.medianImproved).length,
      trajectory: rounds.map((column, r) =>
        trajectoryPoint(
          column,
          r,
          members.map((i) => crowds[i] as RoundCrowd),
        ),
      ),
      transitions: rounds.slice(1).map((to, t) =>
        pooled(
          rounds[t] as string,
          to,
          t,
          members.map((i) => crowds[i] as RoundCrowd),
        ),
      ),
    };
  });
}

function trajectoryPoint(column: string, r: number, crowds: readonly RoundCrowd[]): RoundTrajectoryPoint {
  const woc: number[] = [];
  const ratios: number[] = [];
  const meanErrors: number[] = [];
  const medianErrors: number[] = [];
  for (const crowd of crowds) {
    const values = numbers(crowd.values[r] as Float64Array);
    if (values.length === 0) continue;
    const scale = Math.abs(crowd.truth);
    woc.push(wocIndicator(values, crowd.truth));
    meanErrors.push(Math.abs(mean(values) - crowd.truth) / scale);
    medianErrors.push(Math.abs(median(values) - crowd.truth) / scale);
    const ratio = logVariance(values) / logVariance(numbers(crowd.values[0] as Float64Array));
    if (Number.isFinite(ratio)) ratios.push(ratio);
  }
  return {
    column,
    crowds: woc.length,
    wocIndicatorMean: woc.length > 0 ? mean(woc) : Number.NaN,
    logDiversityRatioMedian: median(ratios),
    meanRelErrorMedian: median(meanErrors),
    medianRelErrorMedian: median(medianErrors),
  };
}

function pooled(from: string, to: string, t: number, crowds: readonly RoundCrowd[]): PooledTransition {
  let paired = 0;
  let closer = 0;
  const weights: number[] = [];
  for (const crowd of crowds) {
    const before = crowd.values[t] as Float64Array;
    const after = crowd.values[t + 1] as Float64Array;
    before.forEach((x0, i) => {
      const x1 = after[i] as number;
      if (Number.isNaN(x0) || Number.isNaN(x1)) return;
      paired++;
      if (Math.abs(x1 - crowd.truth) < Math.abs(x0 - crowd.truth)) closer++;
    });
    if (crowd.shown) weights.push(...revisionWeights(before, after, crowd.shown[t] as Float64Array));
  }
  return {
    from,
    to,
    paired,
    revised: weights.length,
    revisionWeightMean: weights.length > 0 ? mean(weights) : Number.NaN,
    revisionWeightMedian: median(weights),
    movedCloser: paired > 0 ? closer / paired : Number.NaN,
  };
}

/**
 * Tests whether the share of improved crowds differs between groups: Pearson's chi-square test
 * of homogeneity over all groups (Pearson 1900; no continuity correction) and Fisher's exact test
 * of each pair (Fisher 1922; two-sided), with Holm's adjustment over the pairs (Holm 1979).
 * Nothing to test (an empty list) with fewer than two groups.
 *
 * @param effects the groups' tallies
 * @returns one test per outcome (improvement of the mean, of the median)
 */
export function roundEffectTests(effects: readonly RoundEffect[]): RoundEffectTest[] {
  const used = effects.filter((e) => e.crowds > 0);
  if (used.length < 2) return [];
  return (['meanImproved', 'medianImproved'] as const).map((outcome): RoundEffectTest => {
    const table = used.map((e) => [e[outcome], e.crowds - e[outcome]]);
    const pairs: { a: string; b: string; oddsRatio: number; p: number }[] = [];
    for (let i = 0; i < used.length; i++) {
      for (let j = i + 1; j < used.length; j++) {
        const [a, b] = table[i] as number[];
        const [c, d] = table[j] as number[];
        const test = fisherExactTest(a as number, b as number, c as number, d as number);
        pairs.push({
          a: (used[i] as RoundEffect).group,
          b: (used[j] as RoundEffect).group,
          oddsRatio: test.oddsRatio,
          p: test.p,
        });
      }
    }
    const adjusted = holmAdjust(pairs.map((pair) => pair.p));
    return {
      outcome,
      groups: used.map((e) => e.group),
      chiSquare: chiSquareTest(table),
      pairwise: pairs.map((pair, k) => ({ ...pair, pHolm: adjusted[k] as number })),
    };
  });
}

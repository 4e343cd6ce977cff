import { createRng } from '@emocrowd/models';
import { etaSquared } from '../stats/etaSquared.js';
import { mean } from '../stats/mean.js';
import { meanBootstrapCi } from '../stats/meanBootstrapCi.js';
import { median } from '../stats/median.js';
import { pearsonCorrelation } from '../stats/pearsonCorrelation.js';
import { spearmanBrown } from '../stats/spearmanBrown.js';
import { meanError, type RespondentErrors } from './respondentErrors.js';
import type { BatteryItem } from './summarizeBattery.js';

/** One respondent's skill. */
export interface RespondentSkill {
  id: string;
  /** Items with an error (answered with a number > 0). */
  items: number;
  /** Mean |ln(x / T)| over those items: 0 is perfect, ln 2 = 0.69 is off by a factor of two. */
  skill: number;
}

/** Split-half reliability of skill. */
export interface SkillReliability {
  /** How the halves are formed: the odd-numbered and even-numbered items in battery order. */
  method: 'odd-even';
  /** Respondents with an error in both halves (the correlation's n). */
  respondents: number;
  /** Pearson r between the respondents' skill on the odd and on the even items. */
  halfCorrelation: number;
  /** The whole battery's reliability, Spearman-Brown corrected: 2r / (1 + r). */
  spearmanBrown: number;
}

/** Skill of the respondents with one label of a dimension. */
export interface SkillGroup {
  label: string;
  /** Respondents. */
  n: number;
  mean: number;
  median: number;
  /** 95% percentile bootstrap interval of the mean (resamples respondents). */
  lower: number;
  upper: number;
}

/** Skill by the labels of one dimension. */
export interface SkillByDimension {
  /** Share of the variance of skill between labels (eta², Cohen 1973) ... */
  eta2: number;
  /** ... and corrected for the number of labels (omega², Hays 1963). */
  omega2: number;
  /** One entry per label, ascending. */
  groups: SkillGroup[];
}

/** The `skill` of a battery's report. */
export interface SkillSummary {
  /** Respondents with a skill. */
  n: number;
  /** Mean and median skill over them. */
  mean: number;
  median: number;
  reliability: SkillReliability;
  /** Skill by emotion and each other dimension the items' samples carry. */
  byGroup: Record<string, SkillByDimension>;
  /** Every respondent with a skill, in the order they first appear. */
  respondents: RespondentSkill[];
}

/** Options of `personaSkill`. */
export interface PersonaSkillOptions {
  /** Seed of the bootstrap intervals (each group draws from `skill:<dimension>:<label>`). */
  seed?: number | string;
  /** Resamples of each group's interval (default 1000). */
  bootstrap?: number;
}

/**
 * How good each respondent (persona, or human) is across a battery, and whether that is a stable
 * trait: skill_r = mean over the items r answered of e_ri = |ln(x_ri / T_i)| (see
 * `respondentErrors`); lower is better.
 *
 * 1. `reliability`: skill on the odd-numbered items against skill on the even-numbered items
 *    (battery order), over respondents with both; Pearson r and its Spearman-Brown correction to
 *    the whole battery, 2r / (1 + r). Near 0, "skill" is luck and a cue built from it cannot pick
 *    better judges (Mannes, Soll & Larrick 2014 rely on a stable cue).
 * 2. `byGroup`: per dimension of the items' samples (emotion, plutchik, social attributes), the
 *    skill of the respondents with each label (a respondent's label is the one it had in most of
 *    its answers; ties go to the one seen first), with a bootstrap interval of the mean, and the
 *    share of skill's variance the dimension explains.
 *
 * @param items the battery's items
 * @param errors their error matrix
 * @param options seed and resamples of the intervals
 * @returns the summary
 */
export function personaSkill(
  items: readonly BatteryItem[],
  errors: RespondentErrors,
  options: PersonaSkillOptions = {},
): SkillSummary {
  const respondents: RespondentSkill[] = [];
  errors.respondents.forEach((id, r) => {
    const { mean: skill, items: count } = meanError(errors, r);
    if (count > 0) respondents.push({ id, items: count, skill });
  });
  const skills = respondents.map((r) => r.skill);
  return {
    n: respondents.length,
    mean: skills.length > 0 ? mean(skills) : Number.NaN,
    median: skills.length > 0 ? median(skills) : Number.NaN,
    reliability: splitHalf(errors),
    byGroup: skillByGroup(items, respondents, options),
    respondents,
  };
}

function splitHalf(errors: RespondentErrors): SkillReliability {
  const odd: number[] = [];
  const even: number[] = [];
  errors.respondents.forEach((_, r) => {
    // Position 0 is item 1 (odd-numbered).
    const a = meanError(errors, r, (i) => i % 2 === 0);
    const b = meanError(errors, r, (i) => i % 2 === 1);
    if (a.items > 0 && b.items > 0) {
      odd.push(a.mean);
      even.push(b.mean);
    }
  });
  const r = odd.length >= 3 ? pearsonCorrelation(odd, even) : Number.NaN;
  return { method: 'odd-even', respondents: odd.length, halfCorrelation: r, spearmanBrown: spearmanBrown(r) };
}

function skillByGroup(
  items: readonly BatteryItem[],
  respondents: readonly RespondentSkill[],
  options: PersonaSkillOptions,
): Record<string, SkillByDimension> {
  // label counts: dimension -> respondent -> label -> count (Map keeps first-seen order for ties).
  const counts = new Map<string, Map<string, Map<string, number>>>();
  for (const item of items) {
    for (const [dimension, labels] of Object.entries(item.sample.groups ?? {})) {
      let byRespondent = counts.get(dimension);
      if (!byRespondent) {
        byRespondent = new Map();
        counts.set(dimension, byRespondent);
      }
      labels.forEach((label, j) => {
        const id = item.respondents[j] as string;
        let tally = byRespondent.get(id);
        if (!tally) {
          tally = new Map();
          byRespondent.set(id, tally);
        }
        tally.set(label, (tally.get(label) ?? 0) + 1);
      });
    }
  }
  const out: Record<string, SkillByDimension> = {};
  const root = createRng(options.seed ?? 0);
  for (const [dimension, byRespondent] of counts) {
    const values: number[] = [];
    const labels: string[] = [];
    for (const r of respondents) {
      const tally = byRespondent.get(r.id);
      if (!tally) continue;
      let best = '';
      let bestCount = 0;
      for (const [label, count] of tally) {
        if (count > bestCount) {
          best = label;
          bestCount = count;
        }
      }
      values.push(r.skill);
      labels.push(best);
    }
    if (new Set(labels).size < 2) continue;
    const explained = etaSquared(values, labels);
    const groups = [...new Set(labels)].sort().map((label): SkillGroup => {
      const group = values.filter((_, k) => labels[k] === label);
      const ci = meanBootstrapCi(group, {
        rng: root.fork(`skill:${dimension}:${label}`),
        resamples: options.bootstrap ?? 1000,
      });
      return {
        label,
        n: group.length,
        mean: mean(group),
        median: median(group),
        lower: ci.lower,
        upper: ci.upper,
      };
    });
    out[dimension] = { eta2: explained.eta2, omega2: explained.omega2, groups };
  }
  return out;
}

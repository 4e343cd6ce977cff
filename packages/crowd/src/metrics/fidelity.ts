import { createRng } from '@emocrowd/models';
import { kolmogorovPValue } from '../stats/kolmogorovPValue.js';
import { ksStatistic } from '../stats/ksStatistic.js';
import { median } from '../stats/median.js';
import { quantileSorted } from '../stats/quantile.js';
import { variance } from '../stats/variance.js';
import { wasserstein1 } from '../stats/wasserstein1.js';
import { bracketingRate } from './bracketingRate.js';
import { logDiversityPrediction } from './diversityPrediction.js';
import { roundNumberShare } from './roundNumberShare.js';

/** A statistic with its percentile bootstrap interval. */
export interface FidelityInterval {
  estimate: number;
  lower: number;
  upper: number;
}

/** What one crowd looks like, for the side-by-side comparison. */
export interface CrowdProfile {
  /** Estimates. */
  n: number;
  /** Estimates <= 0, left out of every log-scale term. */
  dropped: number;
  median: number;
  /** ln(median / truth). */
  medianLogRatio: number;
  /** Sample standard deviation of ln x (x > 0). */
  logSd: number;
  /** (ln g - ln T)², g the geometric mean: the log-space collective error (Lorenz et al. 2011). */
  logCollectiveError: number;
  roundNumberShare: number;
  bracketingRate: number;
}

/** `fidelity`: how a simulated crowd's answers compare with a human crowd's to the same question. */
export interface Fidelity {
  /** median(simulated) / median(human): 1 when the crowds are centred alike. */
  medianRatio: FidelityInterval;
  /** sd(ln simulated) / sd(ln human): below 1 the simulated crowd is more homogeneous. */
  dispersionRatio: FidelityInterval;
  /** Two-sample Kolmogorov-Smirnov statistic on ln(x/T), with its asymptotic p-value. */
  ks: FidelityInterval & { pValue: number };
  /** Wasserstein-1 distance between the two distributions of ln(x/T). */
  wasserstein: FidelityInterval;
  /** True when the simulated dispersion is under `homogeneousBelow` (0.5) of the human one. */
  homogeneous: boolean;
  simulated: CrowdProfile;
  human: CrowdProfile;
  /** Coverage and resamples of the intervals. */
  level: number;
  resamples: number;
}

/** Options of `fidelity`. */
export interface FidelityOptions {
  /** Seed of the bootstrap (stream `fidelity`). */
  seed?: number | string;
  /** Resamples (default 1000). */
  resamples?: number;
  /** Coverage (default 0.95). */
  level?: number;
  /** Dispersion ratio below which the simulated crowd is `homogeneous` (default 0.5). */
  homogeneousBelow?: number;
}

/**
 * Silicon against human: compares a simulated crowd's answers to a question with a human crowd's
 * answers to the same question, the way LLM-crowd studies ask whether models reproduce human
 * answer distributions (Argyle et al. 2023) or flatten them (Aher, Arriaga & Kalai 2023).
 *
 * 1. `medianRatio` = median(sim) / median(human) (raw values).
 * 2. `dispersionRatio` = sd(ln sim) / sd(ln human), sample standard deviations over x > 0.
 * 3. `ks` = two-sample Kolmogorov-Smirnov D on ln(x/T) (equal to D on x: it only depends on
 *    order), `pValue` from Kolmogorov's limit (conservative with ties).
 * 4. `wasserstein` = W1 between the two distributions of ln(x/T) (equal to W1 on ln x: both are
 *    shifted by ln T).
 * 5. Each with a 95% percentile bootstrap interval: both crowds resampled independently with
 *    replacement, `resamples` times (Efron & Tibshirani 1993); the interval describes the
 *    statistic's sampling variability (a distance's interval sits above 0 even for two samples of
 *    one population: compare `ks` with its `pValue`, not its interval with 0).
 * 6. `homogeneous` when dispersionRatio < 0.5; `simulated` and `human` put each crowd's median,
 *    log spread, log collective error, round-number share and bracketing rate side by side.
 * Estimates <= 0 are left out of the log terms (counted in `dropped`); a crowd with fewer than
 * two positive estimates has `NaN` log terms, and `homogeneous` is then false.
 *
 * @param simulated the simulated crowd's estimates
 * @param human the human crowd's estimates
 * @param truth the question's truth (> 0 for the log ratios)
 * @param options seed, resamples, level, homogeneity threshold
 * @returns the comparison
 * @throws RangeError when a crowd is empty
 */
export function fidelity(
  simulated: readonly number[],
  human: readonly number[],
  truth: number,
  options: FidelityOptions = {},
): Fidelity {
  if (simulated.length === 0 || human.length === 0)
    throw new RangeError('fidelity needs a simulated and a human crowd, each with an estimate');
  const resamples = options.resamples ?? 1000;
  const level = options.level ?? 0.95;
  const logTruth = truth > 0 ? Math.log(truth) : Number.NaN;
  const simLogs = logsOf(simulated, logTruth);
  const humLogs = logsOf(human, logTruth);
  const estimates = statistics(simulated, simLogs, human, humLogs);
  const rng = createRng(options.seed ?? 0).fork('fidelity');
  const draws: number[][] = [[], [], [], []];
  const simDraw = new Array<number>(simulated.length);
  const humDraw = new Array<number>(human.length);
  const simLogDraw = new Array<number>(simulated.length);
  const humLogDraw = new Array<number>(human.length);
  for (let b = 0; b < resamples; b++) {
    for (let i = 0; i < simulated.length; i++) {
      const k = rng.int(simulated.length);
      simDraw[i] = simulated[k] as number;
      simLogDraw[i] = simLogs.all[k] as number;
    }
    for (let i = 0; i < human.length; i++) {
      const k = rng.int(human.length);
      humDraw[i] = human[k] as number;
      humLogDraw[i] = humLogs.all[k] as number;
    }
    const s = statistics(simDraw, logsFrom(simLogDraw), humDraw, logsFrom(humLogDraw));
    s.forEach((value, k) => {
      if (!Number.isNaN(value)) (draws[k] as number[]).push(value);
    });
  }
  const interval = (k: number): FidelityInterval => {
    const sorted = Float64Array.from(draws[k] as number[]).sort();
    return {
      estimate: estimates[k] as number,
      lower: sorted.length > 0 ? quantileSorted(sorted, (1 - level) / 2) : Number.NaN,
      upper: sorted.length > 0 ? quantileSorted(sorted, (1 + level) / 2) : Number.NaN,
    };
  };
  const dispersionRatio = interval(1);
  return {
    medianRatio: interval(0),
    dispersionRatio,
    ks: {
      ...interval(2),
      pValue: kolmogorovPValue(estimates[2] as number, simLogs.sorted.length, humLogs.sorted.length),
    },
    wasserstein: interval(3),
    homogeneous: dispersionRatio.estimate < (options.homogeneousBelow ?? 0.5),
    simulated: profile(simulated, simLogs, truth),
    human: profile(human, humLogs, truth),
    level,
    resamples,
  };
}

/** ln(x/T) of each estimate (`NaN` for x <= 0), and the defined ones sorted. */
interface Logs {
  all: number[];
  sorted: Float64Array;
}

function logsOf(values: readonly number[], logTruth: number): Logs {
  // Without a positive truth the log ratios are ln x: KS and W1 do not depend on the shift.
  const shift = Number.isNaN(logTruth) ? 0 : logTruth;
  return logsFrom(values.map((x) => (x > 0 ? Math.log(x) - shift : Number.NaN)));
}

function logsFrom(all: number[]): Logs {
  return { all, sorted: Float64Array.from(all.filter((v) => !Number.isNaN(v))).sort() };
}

/** [medianRatio, dispersionRatio, ks, wasserstein] of one (re)sample pair. */
function statistics(sim: readonly number[], simLogs: Logs, hum: readonly number[], humLogs: Logs): number[] {
  const medianHuman = median(hum);
  const sdHuman = Math.sqrt(variance(humLogs.sorted, 'sample'));
  return [
    medianHuman > 0 ? median(sim) / medianHuman : Number.NaN,
    sdHuman > 0 ? Math.sqrt(variance(simLogs.sorted, 'sample')) / sdHuman : Number.NaN,
    ksStatistic(simLogs.sorted, humLogs.sorted),
    wasserstein1(simLogs.sorted, humLogs.sorted),
  ];
}

function profile(values: readonly number[], logs: Logs, truth: number): CrowdProfile {
  const m = median(values);
  return {
    n: values.length,
    dropped: values.length - logs.sorted.length,
    median: m,
    medianLogRatio: m > 0 && truth > 0 ? Math.log(m / truth) : Number.NaN,
    logSd: Math.sqrt(variance(logs.sorted, 'sample')),
    logCollectiveError:
      truth > 0 && logs.sorted.length > 0
        ? logDiversityPrediction(values, truth).collectiveError
        : Number.NaN,
    roundNumberShare: roundNumberShare(values),
    bracketingRate: bracketingRate(values, truth),
  };
}

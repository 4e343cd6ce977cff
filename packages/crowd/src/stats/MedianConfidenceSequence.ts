/** Options of a `MedianConfidenceSequence`. */
export interface MedianConfidenceSequenceOptions {
  /** N: the number of slots of the whole crowd (answered or not), sampled without replacement. */
  readonly population: number;
  /** Coverage of the interval, simultaneously over every look; default 0.95. */
  readonly level?: number;
  /**
   * The relative width the caller stops at (`--stop-at-precision`), if any: the tuning of the
   * sequence aims its tightest point at the sample size predicted to reach it. Coverage holds
   * whatever it is.
   */
  readonly precision?: number;
}

/** The interval of one look. */
export interface MedianLook {
  /** Slots of the random order taken so far (answered or not). */
  readonly asked: number;
  /** Answers among them. */
  readonly answered: number;
  /** Median of those answers (NaN when none). */
  readonly estimate: number;
  /** Lower end: -Infinity until the answers exclude every value below some answer. */
  readonly lower: number;
  /** Upper end: +Infinity until the answers exclude every value above some answer. */
  readonly upper: number;
  readonly level: number;
}

/**
 * A confidence sequence for the median of a finite crowd's answers, while the crowd is asked in
 * a uniformly random order: at every look the interval covers the median the whole crowd would
 * give, simultaneously over all looks with probability at least `level`, so the asking may stop
 * whenever the interval is narrow enough (docs/metrics.md, "Stopping at a precision").
 *
 * The intuition: a value q is below the crowd's median exactly when fewer answers lie at or
 * under q than above it. For such a q, +1 for an answer <= q and -1 for one above has a
 * non-positive population mean, and a Hoeffding supermartingale for sampling without replacement
 * (Waudby-Smith & Ramdas 2020) with Ville's inequality bounds, uniformly over time, the chance
 * that the running sums ever look as if that mean were positive. Inverting it for every q at once
 * gives the interval, as Howard & Ramdas (2022) do for quantiles of i.i.d. data.
 *
 * Behaviour:
 * 1. `push` takes the next slot of the random order: its answer, or undefined when the slot has
 *    none (failed, unparsed). Slots without an answer count towards N and never towards a side.
 * 2. `look()` returns the interval of the slots pushed so far, and re-tunes the betting rate of
 *    the slots still to come (predictable: it uses only answers already pushed).
 * 3. The ends are answers of the sample (or infinite); the target is the median of the answered
 *    part of the whole crowd, the mean of its two middle values when their number is even, as
 *    `median` computes it.
 * Cost: `push` O(1); `look` O(n log n) for n answers (sorting).
 *
 * @example
 * const cs = new MedianConfidenceSequence({ population: 15_064 });
 * for (const x of answersInRandomOrder) cs.push(x);
 * const { lower, upper, estimate } = cs.look();
 */
export class MedianConfidenceSequence {
  readonly population: number;
  readonly level: number;
  private readonly precision: number | undefined;
  /** log(2 / alpha): each one-sided bound spends alpha / 2. */
  private readonly logBarrier: number;
  /** Answers of earlier looks, ascending, with their weights (below). */
  private sortedValues = new Float64Array(0);
  private sortedWeights = new Float64Array(0);
  /** Answers pushed since the last look, in arrival order. */
  private pendingValues: number[] = [];
  /** Per answer: lambda_i - Lambda_i (its weight before the common Lambda_t is added). */
  private pendingWeights: number[] = [];
  private t = 0;
  /** Lambda_t = sum over slots k <= t of lambda_k / (N - k + 1). */
  private bigLambda = 0;
  /** sum over slots of lambda_k^2 / 2 (Hoeffding's term for values in [-1, 1]). */
  private penalty = 0;
  /** The sample size the betting rate is tuned for. */
  private target: number;

  /** @param options population N, level, precision to tune for */
  constructor(options: MedianConfidenceSequenceOptions) {
    const { population } = options;
    if (!Number.isInteger(population) || population < 1)
      throw new RangeError(`population must be a positive integer (got ${population})`);
    const level = options.level ?? 0.95;
    if (!(level > 0 && level < 1)) throw new RangeError(`level must be in (0, 1) (got ${level})`);
    this.population = population;
    this.level = level;
    this.precision = options.precision;
    this.logBarrier = Math.log(2 / (1 - level));
    this.target = population;
  }

  /** Slots pushed so far. */
  get asked(): number {
    return this.t;
  }

  /**
   * Adds the next slot of the random order.
   * @param value its answer, or undefined when it has none
   * @throws RangeError past the population, or for a non-finite answer
   */
  push(value: number | undefined): void {
    if (this.t >= this.population) throw new RangeError('every slot of the population was pushed already');
    if (value !== undefined && !Number.isFinite(value)) throw new RangeError(`answer ${value} is not finite`);
    this.t++;
    const lambda = Math.sqrt((2 * this.logBarrier) / Math.max(this.target, this.t));
    this.bigLambda += lambda / (this.population - this.t + 1);
    this.penalty += (lambda * lambda) / 2;
    if (value !== undefined) {
      this.pendingValues.push(value);
      this.pendingWeights.push(lambda - this.bigLambda);
    }
  }

  /**
   * The interval at this point, and the tuning for the slots to come.
   * @returns estimate, lower and upper ends, counts
   */
  look(): MedianLook {
    this.mergePending();
    const sorted = this.sortedValues;
    const n = sorted.length;
    const coef = Float64Array.from(this.sortedWeights, (w) => w + this.bigLambda);
    const { lower, upper } = this.bounds(sorted, coef);
    const estimate = n === 0 ? Number.NaN : sortedMedian(sorted);
    if (this.precision !== undefined && n > 0) this.target = this.predictTarget(sorted, estimate);
    return { asked: this.t, answered: n, estimate, lower, upper, level: this.level };
  }

  /** Sorts the answers pushed since the last look into the sorted ones (O(n + k log k)). */
  private mergePending(): void {
    const k = this.pendingValues.length;
    if (k === 0) return;
    const pv = this.pendingValues;
    const pw = this.pendingWeights;
    const order = Array.from({ length: k }, (_, i) => i).sort(
      (a, b) => (pv[a] as number) - (pv[b] as number),
    );
    const oldV = this.sortedValues;
    const oldW = this.sortedWeights;
    const values = new Float64Array(oldV.length + k);
    const weights = new Float64Array(oldV.length + k);
    let i = 0;
    let j = 0;
    for (let out = 0; out < values.length; out++) {
      if (j >= k || (i < oldV.length && (oldV[i] as number) <= (pv[order[j] as number] as number))) {
        values[out] = oldV[i] as number;
        weights[out] = oldW[i++] as number;
      } else {
        const at = order[j++] as number;
        values[out] = pv[at] as number;
        weights[out] = pw[at] as number;
      }
    }
    this.sortedValues = values;
    this.sortedWeights = weights;
    this.pendingValues = [];
    this.pendingWeights = [];
  }

  /**
   * The ends from the coefficients c_i = lambda_i + Lambda_t - Lambda_i of the answers sorted by
   * value: q is excluded below when G(q) = sum_{x <= q} c - sum_{x > q} c <= -R, above when
   * H(q) = sum_{x >= q} c - sum_{x < q} c <= -R, R = log(2/alpha) + penalty.
   */
  private bounds(sorted: Float64Array, coef: Float64Array): { lower: number; upper: number } {
    const n = sorted.length;
    const barrier = -(this.logBarrier + this.penalty);
    let total = 0;
    for (let i = 0; i < n; i++) total += coef[i] as number;
    // Lower end: scan distinct values upwards; G after the run of value v is 2 * (sum up to v) - total.
    let lower = n > 0 && -total <= barrier ? (sorted[0] as number) : Number.NEGATIVE_INFINITY;
    let below = 0;
    for (let i = 0; i < n; ) {
      const v = sorted[i] as number;
      while (i < n && sorted[i] === v) below += coef[i++] as number;
      if (2 * below - total <= barrier && i < n) lower = sorted[i] as number;
    }
    // Upper end: scan distinct values downwards; H at v is 2 * (sum from v up) - total.
    let upper = n > 0 && -total <= barrier ? (sorted[n - 1] as number) : Number.POSITIVE_INFINITY;
    let above = 0;
    for (let i = n - 1; i >= 0; ) {
      const v = sorted[i] as number;
      while (i >= 0 && sorted[i] === v) above += coef[i--] as number;
      if (2 * above - total <= barrier && i >= 0) upper = sorted[i] as number;
    }
    return { lower, upper };
  }

  /**
   * The sample size at which this sequence's interval is predicted to reach the precision:
   * the largest CDF radius r whose empirical quantile band [Q(1/2 - r), Q(1/2 + r)] is narrower
   * than precision x |estimate|, and the first t whose radius (with lambda tuned at t) is below
   * it. Only the answers pushed so far are used, so the slots it tunes are still to come.
   */
  private predictTarget(sorted: Float64Array, estimate: number): number {
    const n = sorted.length;
    const allowed = (this.precision as number) * Math.abs(estimate);
    let radius = 0;
    for (let j = 1; j < n / 2; j++) {
      const lo = sorted[Math.max(0, Math.floor(n * 0.5 - j))] as number;
      const hi = sorted[Math.min(n - 1, Math.ceil(n * 0.5 + j) - 1)] as number;
      if (hi - lo >= allowed) break;
      radius = j / n;
    }
    const N = this.population;
    if (radius <= 0) return N;
    // Radius on the CDF of a sequence tuned at t: sqrt(log(2/alpha) / (2t)), times the gain of
    // sampling without replacement t / (N ln(N / (N - t))).
    const radiusAt = (t: number): number =>
      t >= N ? 0 : Math.sqrt(this.logBarrier / (2 * t)) * (t / (N * Math.log(N / (N - t))));
    let lo = Math.max(1, this.t);
    let hi = N;
    if (radiusAt(lo) <= radius) return lo;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (radiusAt(mid) <= radius) hi = mid;
      else lo = mid;
    }
    return hi;
  }
}

/** Median of sorted values (the mean of the two middle ones for an even count). */
function sortedMedian(sorted: Float64Array): number {
  const n = sorted.length;
  const mid = n >> 1;
  return n % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

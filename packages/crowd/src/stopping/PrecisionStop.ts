import { MedianConfidenceSequence } from '../stats/MedianConfidenceSequence.js';
import type { StopRule } from './StopRule.js';
import { stopOrder } from './stopOrder.js';

/** The interval of one item at a look. */
export interface StopInterval {
  /** The battery item (absent for a single question). */
  item?: string;
  /** Answers with a number in the crowd so far. */
  answered: number;
  /** The strategy's answer (the median of those answers). */
  estimate: number;
  /** Ends of the confidence sequence; null while infinite (too few answers to exclude anything). */
  lower: number | null;
  upper: number | null;
  /** (upper - lower) / |estimate|; null while an end is infinite or the estimate is 0. */
  relativeWidth: number | null;
}

/** Why the crowd stopped asking, when and what it saved: the summary's `stopping`. */
export interface StoppingSummary {
  strategy: StopRule['strategy'];
  precision: number;
  level: number;
  checkEvery: number;
  /** `precision`: every item's interval was narrower than asked; `exhausted`: every slot was asked first; `interrupted`: the run ended before either. */
  reason: 'precision' | 'exhausted' | 'interrupted';
  /** Slots (persona x replicate) of the whole crowd. */
  population: number;
  /** Slots of the random order the summary's crowd holds: the first `crowd` in that order. */
  crowd: number;
  /** Answers the run asked, every item of a battery counted (the crowd's, and any still in flight when it stopped: stored, not summarised). */
  asked: number;
  /** Answers never asked: population x items - asked, the model calls saved. */
  callsSaved: number;
  /** Looks taken (one every `checkEvery` slots of the order). */
  looks: number;
  /** Each item's interval at the last look. */
  intervals: StopInterval[];
}

/**
 * Decides when a crowd asked in random order has its answer (`--stop-at-precision`).
 *
 * The intuition: a confidence sequence stays valid however often it is looked at, so the run
 * can look after every `checkEvery` answers and stop the first time the interval of the median
 * is narrower than `precision` times the median, for every item of a battery.
 *
 * Behaviour:
 * 1. `unitAt(k)` is the k-th slot (persona x replicate) of the seeded random order (`stopOrder`).
 * 2. `record` takes answers in any order; the sequence is fed only the longest prefix of the
 *    order whose answers are all in (every item of a unit), so answers that arrive early or late
 *    (concurrency) never change what it sees: the decision is a function of the answers and the
 *    order alone, and replaying a run's stored answers reaches the same stop (resume).
 * 3. After every `checkEvery` slots of that prefix (and at the end) it looks; once every item's
 *    interval is narrow enough, `reached` turns true and the prefix stops growing: the crowd is
 *    the first `crowd` slots of the order.
 *
 * @example
 * const stop = new PrecisionStop({ rule, units: 15_064, items: [undefined], seed: 42 });
 * ask(stop.unitAt(0)); stop.record(unit, 0, 1100); if (stop.reached) ...
 */
export class PrecisionStop {
  readonly rule: StopRule;
  readonly units: number;
  private readonly items: readonly (string | undefined)[];
  private readonly order: Uint32Array;
  private readonly position: Uint32Array;
  /** Answers in of each unit (all items of a battery unit). */
  private readonly done: Uint16Array;
  /** Each (unit, item)'s number, NaN without one; read when the unit joins the prefix. */
  private readonly values: Float64Array;
  private readonly sequences: MedianConfidenceSequence[];
  private prefix = 0;
  private looks = 0;
  private last: StopInterval[];
  private stopAt: number | undefined;

  /**
   * @param options.rule the stop rule (from the run's descriptor)
   * @param options.units slots of one item: personas x replicates
   * @param options.items each item's id (undefined for a single question)
   * @param options.seed the run's seed (the order)
   */
  constructor(options: {
    rule: StopRule;
    units: number;
    items: readonly (string | undefined)[];
    seed: number;
  }) {
    const { rule, units, items } = options;
    this.rule = rule;
    this.units = units;
    this.items = items;
    this.order = stopOrder(units, options.seed);
    this.position = new Uint32Array(units);
    this.order.forEach((unit, k) => {
      this.position[unit] = k;
    });
    this.done = new Uint16Array(units);
    this.values = new Float64Array(units * items.length).fill(Number.NaN);
    this.sequences = items.map(
      () => new MedianConfidenceSequence({ population: units, level: rule.level, precision: rule.precision }),
    );
    this.last = items.map((item) => interval(item, undefined));
  }

  /** The k-th slot of the random order. */
  unitAt(k: number): number {
    return this.order[k] as number;
  }

  /** True once the precision is reached: ask nothing more. */
  get reached(): boolean {
    return this.stopAt !== undefined;
  }

  /** Whether a slot belongs to the crowd the summary is over (every slot until the stop). */
  inCrowd(unit: number): boolean {
    return this.stopAt === undefined || (this.position[unit] as number) < this.stopAt;
  }

  /**
   * Takes one answer.
   * @param unit its slot (persona x replicate)
   * @param item its item's index
   * @param value its number, undefined for a failed or unparsed answer
   */
  record(unit: number, item: number, value: number | undefined): void {
    if (value !== undefined) this.values[unit * this.items.length + item] = value;
    this.done[unit] = (this.done[unit] as number) + 1;
    this.advance();
  }

  /**
   * The summary's `stopping`.
   * @param asked answers the run asked in all, every item counted (answers stored)
   * @param finished whether the run asked every slot it was going to (not interrupted)
   */
  summary(asked: number, finished: boolean): StoppingSummary {
    return {
      strategy: this.rule.strategy,
      precision: this.rule.precision,
      level: this.rule.level,
      checkEvery: this.rule.checkEvery,
      reason: this.reached ? 'precision' : finished ? 'exhausted' : 'interrupted',
      population: this.units,
      crowd: this.stopAt ?? this.prefix,
      asked,
      callsSaved: this.units * this.items.length - asked,
      looks: this.looks,
      intervals: this.last,
    };
  }

  private advance(): void {
    const width = this.items.length;
    while (this.stopAt === undefined && this.prefix < this.units) {
      const unit = this.order[this.prefix] as number;
      if ((this.done[unit] as number) < width) return;
      for (let item = 0; item < width; item++) {
        const value = this.values[unit * width + item] as number;
        (this.sequences[item] as MedianConfidenceSequence).push(Number.isNaN(value) ? undefined : value);
      }
      this.prefix++;
      if (this.prefix % this.rule.checkEvery === 0 || this.prefix === this.units) this.look();
    }
  }

  private look(): void {
    this.looks++;
    this.last = this.sequences.map((sequence, item) => interval(this.items[item], sequence));
    const narrow = this.last.every((i) => i.relativeWidth !== null && i.relativeWidth < this.rule.precision);
    if (narrow) this.stopAt = this.prefix;
  }
}

/** One item's interval now (a sequence's look), JSON-safe. */
function interval(item: string | undefined, sequence: MedianConfidenceSequence | undefined): StopInterval {
  const look = sequence?.look();
  const estimate = look?.estimate ?? Number.NaN;
  const lower = look !== undefined && Number.isFinite(look.lower) ? look.lower : null;
  const upper = look !== undefined && Number.isFinite(look.upper) ? look.upper : null;
  return {
    ...(item !== undefined ? { item } : {}),
    answered: look?.answered ?? 0,
    estimate,
    lower,
    upper,
    relativeWidth:
      lower !== null && upper !== null && estimate !== 0 && Number.isFinite(estimate)
        ? (upper - lower) / Math.abs(estimate)
        : null,
  };
}

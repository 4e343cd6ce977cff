import type { CrowdSnapshot } from '../events/CrowdEvent.js';
import type { ResponseRecord } from '../events/ResponseRecord.js';
import { RunningMedian } from '../stats/RunningMedian.js';
import { conductCalls } from './conductCalls.js';

/** Status codes of a stored slot (0 = empty). */
const STATUS_CODES: readonly ResponseRecord['status'][] = ['ok', 'unparsed', 'failed'];
const HAS_ESTIMATE = 1;
const HAS_CONFIDENCE = 2;
const CACHED = 4;
const HAS_SHOWN = 8;

/**
 * The answers of one round, kept compactly (no raw text) and addressable by position and
 * replicate: enough for running snapshots, the next round's social information and the summary.
 *
 * Storage is columnar - typed arrays indexed by slot (status, flags, estimate, confidence, what
 * was shown and an emotion label id), allocated on the first answer - so a million-answer round
 * costs about 30 bytes an answer instead of a map entry and an object per answer. Slots outside
 * `[0, total)` (never produced by runCrowd) are kept in a map, so any slot is accepted.
 */
export class RoundState {
  readonly round: number;
  readonly total: number;
  private status: Uint8Array | undefined;
  private flags: Uint8Array | undefined;
  private estimate: Float64Array | undefined;
  private confidence: Float64Array | undefined;
  private shown: Float64Array | undefined;
  private emotionId: Uint32Array | undefined;
  /** Emotion labels by id - 1 (id 0 = no emotion). */
  private readonly labels: string[] = [];
  private readonly labelIds = new Map<string, number>();
  private readonly outside = new Map<number, ResponseRecordLite>();
  /** What the conduct check did, by slot (runs with `--conduct` only, so it stays empty otherwise). */
  private readonly conduct = new Map<number, ConductLite>();
  private stored = 0;
  private sum = 0;
  private logSum = 0;
  private positives = 0;
  private answered = 0;
  private failed = 0;
  /** The median of the answered estimates, kept as they arrive (a snapshot reads it in O(1)). */
  private readonly runningMedian = new RunningMedian();
  private readonly tokens = {
    prompt: 0,
    completion: 0,
    modelPrompt: 0,
    modelCompletion: 0,
    extraModelCalls: 0,
  };
  private readonly judgeTokens = {
    calls: 0,
    modelCalls: 0,
    prompt: 0,
    completion: 0,
    modelPrompt: 0,
    modelCompletion: 0,
  };

  constructor(round: number, total: number) {
    this.round = round;
    this.total = total;
  }

  /** Adds an answer; `slot` = replicate * personas + position identifies it within the round. */
  add(slot: number, record: ResponseRecord): void {
    if (this.has(slot)) return;
    const lite: ResponseRecordLite = {
      status: record.status,
      estimate: record.estimate,
      confidence: record.confidence,
      shown: record.shown,
      emotion: record.emotion,
      cached: record.cached,
    };
    if (this.inside(slot)) this.store(slot, lite);
    else this.outside.set(slot, lite);
    if (record.conduct !== undefined) this.conduct.set(slot, conductLite(record.conduct));
    this.stored++;
    this.countTokens(record);
    if (record.status === 'ok' && record.estimate !== undefined) {
      this.answered++;
      this.sum += record.estimate;
      this.runningMedian.add(record.estimate);
      if (record.estimate > 0) {
        this.logSum += Math.log(record.estimate);
        this.positives++;
      }
    } else {
      this.failed++;
    }
  }

  /**
   * Tokens of the persona calls behind the stored answers: `prompt` / `completion` over all of them
   * (a cached answer counts the tokens of the call that produced it), `modelPrompt` /
   * `modelCompletion` over those that reached the model (not served from the cache). With the
   * conduct check an answer may stand for two persona calls (the first answer and its revision):
   * both count, and `extraModelCalls` counts the second ones that reached the model.
   */
  tokenTotals(): Readonly<{
    prompt: number;
    completion: number;
    modelPrompt: number;
    modelCompletion: number;
    extraModelCalls: number;
  }> {
    return this.tokens;
  }

  /** The conduct check's judge calls (language-model judges): how many, how many reached the model, and their tokens. */
  judgeTotals(): Readonly<{
    calls: number;
    modelCalls: number;
    prompt: number;
    completion: number;
    modelPrompt: number;
    modelCompletion: number;
  }> {
    return this.judgeTokens;
  }

  private countTokens(record: ResponseRecord): void {
    addCall(this.tokens, record.tokens?.prompt ?? 0, record.tokens?.completion ?? 0, record.cached);
    if (record.conduct === undefined) return;
    const { persona, judge } = conductCalls(record.conduct);
    if (persona !== undefined) {
      addCall(this.tokens, persona.prompt, persona.completion, persona.cached);
      if (!persona.cached) this.tokens.extraModelCalls++;
    }
    if (judge !== undefined) {
      addCall(this.judgeTokens, judge.prompt, judge.completion, judge.cached);
      this.judgeTokens.calls++;
      if (!judge.cached) this.judgeTokens.modelCalls++;
    }
  }

  /**
   * A copy holding only the answers of the slots `keep` accepts (the crowd a stopped run's
   * summary is over).
   * @param keep which slots stay
   * @returns the new state (same round and size)
   */
  filter(keep: (slot: number) => boolean): RoundState {
    const copy = new RoundState(this.round, this.total);
    for (const [slot, lite] of this.entries()) {
      if (keep(slot)) copy.add(slot, lite as unknown as ResponseRecord);
    }
    return copy;
  }

  has(slot: number): boolean {
    if (this.inside(slot)) return this.status !== undefined && this.status[slot] !== 0;
    return this.outside.has(slot);
  }

  get(slot: number): ResponseRecordLite | undefined {
    const lite = this.getLite(slot);
    if (lite === undefined) return undefined;
    const conduct = this.conduct.get(slot);
    return conduct === undefined ? lite : { ...lite, conduct };
  }

  private getLite(slot: number): ResponseRecordLite | undefined {
    if (!this.inside(slot)) return this.outside.get(slot);
    const code = this.status?.[slot] ?? 0;
    if (code === 0) return undefined;
    const flags = (this.flags as Uint8Array)[slot] as number;
    const emotionId = (this.emotionId as Uint32Array)[slot] as number;
    return {
      status: STATUS_CODES[code - 1] as ResponseRecord['status'],
      estimate: flags & HAS_ESTIMATE ? (this.estimate as Float64Array)[slot] : undefined,
      confidence: flags & HAS_CONFIDENCE ? (this.confidence as Float64Array)[slot] : undefined,
      shown: flags & HAS_SHOWN ? (this.shown as Float64Array)[slot] : undefined,
      emotion: emotionId === 0 ? undefined : this.labels[emotionId - 1],
      cached: (flags & CACHED) !== 0,
    };
  }

  /** Every stored answer as [slot, answer], in ascending slot order. */
  *entries(): IterableIterator<[number, ResponseRecordLite]> {
    const below = [...this.outside.keys()].filter((slot) => slot < 0).sort((a, b) => a - b);
    for (const slot of below) yield [slot, this.get(slot) as ResponseRecordLite];
    const status = this.status;
    if (status !== undefined) {
      for (let slot = 0; slot < status.length; slot++) {
        if (status[slot] !== 0) yield [slot, this.get(slot) as ResponseRecordLite];
      }
    }
    const above = [...this.outside.keys()].filter((slot) => slot >= 0).sort((a, b) => a - b);
    for (const slot of above) yield [slot, this.get(slot) as ResponseRecordLite];
  }

  get size(): number {
    return this.stored;
  }

  /**
   * How many stored answers have each status, and how many came from the response cache, read
   * from the columns (no object per answer).
   */
  statusCounts(): { ok: number; unparsed: number; failed: number; cached: number } {
    const counts = { ok: 0, unparsed: 0, failed: 0, cached: 0 };
    const add = (status: ResponseRecord['status'], cached: boolean): void => {
      if (status === 'ok') counts.ok++;
      else if (status === 'unparsed') counts.unparsed++;
      else counts.failed++;
      if (cached) counts.cached++;
    };
    for (const lite of this.outside.values()) add(lite.status, lite.cached);
    const { status, flags } = this;
    if (status && flags) {
      for (let slot = 0; slot < status.length; slot++) {
        const code = status[slot] as number;
        if (code !== 0)
          add(STATUS_CODES[code - 1] as ResponseRecord['status'], ((flags[slot] as number) & CACHED) !== 0);
      }
    }
    return counts;
  }

  /** Number of stored answers with a number (status `ok` and an estimate). */
  get estimateCount(): number {
    return this.answered;
  }

  /**
   * Visits every stored answer with a number (status `ok` and an estimate) in ascending slot
   * order, as `entries()` would list them, reading the columns directly: no object per answer,
   * so a million-answer summary does not build a million of them.
   * @param visit called with the slot, the answer's estimate, confidence, emotion and conduct check
   */
  forEachEstimate(visit: EstimateVisitor): void {
    const outside = (above: boolean): void => {
      const slots = [...this.outside.keys()].filter((slot) => slot >= 0 === above).sort((a, b) => a - b);
      for (const slot of slots) {
        const lite = this.outside.get(slot) as ResponseRecordLite;
        if (lite.status === 'ok' && lite.estimate !== undefined)
          visit(slot, lite.estimate, lite.confidence, lite.emotion, this.conduct.get(slot));
      }
    };
    outside(false);
    const { status, flags, estimate, confidence, emotionId } = this;
    if (status && flags && estimate && confidence && emotionId) {
      for (let slot = 0; slot < status.length; slot++) {
        const f = flags[slot] as number;
        if (status[slot] !== 1 || (f & HAS_ESTIMATE) === 0) continue;
        const id = emotionId[slot] as number;
        visit(
          slot,
          estimate[slot] as number,
          f & HAS_CONFIDENCE ? confidence[slot] : undefined,
          id === 0 ? undefined : this.labels[id - 1],
          this.conduct.size === 0 ? undefined : this.conduct.get(slot),
        );
      }
    }
    outside(true);
  }

  /** Running aggregates: O(1) for the means, O(1) for the running median. */
  snapshot(): CrowdSnapshot {
    return {
      round: this.round,
      answered: this.answered,
      failed: this.failed,
      total: this.total,
      aggregates: {
        mean: this.answered > 0 ? this.sum / this.answered : Number.NaN,
        median: this.runningMedian.value(),
        geometricMean: this.positives > 0 ? Math.exp(this.logSum / this.positives) : Number.NaN,
      },
    };
  }

  private inside(slot: number): boolean {
    return Number.isInteger(slot) && slot >= 0 && slot < this.total;
  }

  private store(slot: number, lite: ResponseRecordLite): void {
    if (this.status === undefined) {
      this.status = new Uint8Array(this.total);
      this.flags = new Uint8Array(this.total);
      this.estimate = new Float64Array(this.total);
      this.confidence = new Float64Array(this.total);
      this.shown = new Float64Array(this.total);
      this.emotionId = new Uint32Array(this.total);
    }
    // An unknown status counts as failed, as everywhere else.
    this.status[slot] = STATUS_CODES.indexOf(lite.status) + 1 || STATUS_CODES.length;
    let flags = lite.cached ? CACHED : 0;
    if (lite.estimate !== undefined) {
      flags |= HAS_ESTIMATE;
      (this.estimate as Float64Array)[slot] = lite.estimate;
    }
    if (lite.confidence !== undefined) {
      flags |= HAS_CONFIDENCE;
      (this.confidence as Float64Array)[slot] = lite.confidence;
    }
    if (lite.shown !== undefined) {
      flags |= HAS_SHOWN;
      (this.shown as Float64Array)[slot] = lite.shown;
    }
    (this.flags as Uint8Array)[slot] = flags;
    if (lite.emotion !== undefined) {
      let id = this.labelIds.get(lite.emotion);
      if (id === undefined) {
        this.labels.push(lite.emotion);
        id = this.labels.length;
        this.labelIds.set(lite.emotion, id);
      }
      (this.emotionId as Uint32Array)[slot] = id;
    }
  }
}

/** Receives one answer with a number (see `RoundState.forEachEstimate`). */
export type EstimateVisitor = (
  slot: number,
  estimate: number,
  confidence: number | undefined,
  emotion: string | undefined,
  conduct: ConductLite | undefined,
) => void;

/** What a round keeps of an answer. */
export interface ResponseRecordLite {
  status: ResponseRecord['status'];
  estimate: number | undefined;
  confidence: number | undefined;
  /** What the persona was shown before answering (`ResponseRecord.shown`). */
  shown: number | undefined;
  emotion: string | undefined;
  cached: boolean;
  /** The conduct check's outcome (runs with `--conduct`). */
  conduct?: ConductLite;
}

/** What a round keeps of the conduct check of an answer. */
export interface ConductLite {
  verdict: 'ok' | 'violation' | 'unjudged';
  virtue: string | undefined;
  vice: string | undefined;
  revised: boolean;
  /** The first answer's estimate when it was revised (the answer's `estimate` is the revision's). */
  originalEstimate: number | undefined;
}

function conductLite(conduct: NonNullable<ResponseRecord['conduct']>): ConductLite {
  return {
    verdict: conduct.verdict,
    virtue: conduct.virtue,
    vice: conduct.vice,
    revised: conduct.revised,
    originalEstimate: conduct.revised ? conduct.original?.estimate : undefined,
  };
}

/** Adds one call's tokens to running totals (to the model's own when the cache did not serve it). */
function addCall(
  totals: { prompt: number; completion: number; modelPrompt: number; modelCompletion: number },
  prompt: number,
  completion: number,
  cached: boolean,
): void {
  totals.prompt += prompt;
  totals.completion += completion;
  if (!cached) {
    totals.modelPrompt += prompt;
    totals.modelCompletion += completion;
  }
}

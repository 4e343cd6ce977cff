import type { CrowdSnapshot } from '../events/CrowdEvent.js';
import type { ResponseRecord } from '../events/ResponseRecord.js';
import { median } from '../stats/median.js';

/**
 * The answers of one round, kept compactly (no raw text) and addressable by position and
 * replicate: enough for running snapshots, the next round's social information and the summary.
 */
export class RoundState {
  readonly round: number;
  readonly total: number;
  private readonly byKey = new Map<number, ResponseRecordLite>();
  private sum = 0;
  private logSum = 0;
  private positives = 0;
  private answered = 0;
  private failed = 0;
  private estimates: number[] = [];

  constructor(round: number, total: number) {
    this.round = round;
    this.total = total;
  }

  /** Adds an answer; `slot` = replicate * personas + position identifies it within the round. */
  add(slot: number, record: ResponseRecord): void {
    if (this.byKey.has(slot)) return;
    const lite: ResponseRecordLite = {
      status: record.status,
      estimate: record.estimate,
      confidence: record.confidence,
      emotion: record.emotion,
      cached: record.cached,
    };
    this.byKey.set(slot, lite);
    if (record.status === 'ok' && record.estimate !== undefined) {
      this.answered++;
      this.sum += record.estimate;
      this.estimates.push(record.estimate);
      if (record.estimate > 0) {
        this.logSum += Math.log(record.estimate);
        this.positives++;
      }
    } else {
      this.failed++;
    }
  }

  has(slot: number): boolean {
    return this.byKey.has(slot);
  }

  get(slot: number): ResponseRecordLite | undefined {
    return this.byKey.get(slot);
  }

  /** Every stored answer, by slot. */
  entries(): IterableIterator<[number, ResponseRecordLite]> {
    return this.byKey.entries();
  }

  get size(): number {
    return this.byKey.size;
  }

  /** Running aggregates: O(1) for the means, O(n) selection for the median. */
  snapshot(): CrowdSnapshot {
    return {
      round: this.round,
      answered: this.answered,
      failed: this.failed,
      total: this.total,
      aggregates: {
        mean: this.answered > 0 ? this.sum / this.answered : Number.NaN,
        median: this.answered > 0 ? median(this.estimates) : Number.NaN,
        geometricMean: this.positives > 0 ? Math.exp(this.logSum / this.positives) : Number.NaN,
      },
    };
  }
}

/** What a round keeps of an answer. */
export interface ResponseRecordLite {
  status: ResponseRecord['status'];
  estimate: number | undefined;
  confidence: number | undefined;
  emotion: string | undefined;
  cached: boolean;
}

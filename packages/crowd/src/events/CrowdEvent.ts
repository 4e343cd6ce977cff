import type { ResponseRecord } from './ResponseRecord.js';
import type { RunDescriptor } from './RunDescriptor.js';
import type { RoundStats, RunSummary } from './RunSummary.js';

/** Cheap running aggregates of the answers with a number. */
export interface SnapshotAggregates {
  mean: number;
  median: number;
  geometricMean: number;
}

/** A running snapshot of one item of a battery. */
export interface ItemSnapshot {
  /** The item's id. */
  item: string;
  answered: number;
  failed: number;
  total: number;
  aggregates: SnapshotAggregates;
}

/**
 * A running snapshot of the crowd: cheap aggregates over the answers so far in a round. For a
 * battery the counts are over every item, `aggregates` are `NaN` (items have different truths
 * and units, so aggregates across them mean nothing) and `items` holds each item's own.
 */
export interface CrowdSnapshot {
  round: number;
  /** Answers with a number so far in this round. */
  answered: number;
  /** Unparsed or failed answers so far in this round. */
  failed: number;
  /** Answers this round will have when complete. */
  total: number;
  aggregates: SnapshotAggregates;
  /** Per item, for a battery. */
  items?: ItemSnapshot[];
}

/**
 * Everything a run says, as one discriminated union: the CLI's progress and tables, the run
 * store's files and the viewer's live charts all consume these same events, one JSON object
 * per line.
 */
export type CrowdEvent =
  | { type: 'runStarted'; at: string; run: RunDescriptor }
  | { type: 'estimateSubmitted'; record: ResponseRecord }
  | { type: 'estimateFailed'; record: ResponseRecord }
  | { type: 'crowdUpdated'; snapshot: CrowdSnapshot }
  | { type: 'roundFinished'; stats: RoundStats }
  | { type: 'runCompleted'; at: string; cancelled: boolean; summary: RunSummary };

/** The `type` tags of CrowdEvent. */
export type CrowdEventType = CrowdEvent['type'];

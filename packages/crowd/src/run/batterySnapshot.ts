import type { EstimationTask } from '@emocrowd/agents';
import type { CrowdSnapshot } from '../events/CrowdEvent.js';
import type { RoundState } from './RoundState.js';

/**
 * The running snapshot of a battery's round: counts over every item, and each item's own
 * aggregates in `items` (the top-level aggregates are `NaN`: items differ in truth and unit).
 *
 * @param round - the round
 * @param states - the round's answers, one state per item
 * @param items - the items, aligned with `states`
 * @returns the snapshot
 */
export function batterySnapshot(
  round: number,
  states: readonly RoundState[],
  items: readonly EstimationTask[],
): CrowdSnapshot {
  const perItem = states.map((state, i) => {
    const snap = state.snapshot();
    return {
      item: items[i]?.id ?? String(i),
      answered: snap.answered,
      failed: snap.failed,
      total: snap.total,
      aggregates: snap.aggregates,
    };
  });
  return {
    round,
    answered: perItem.reduce((s, x) => s + x.answered, 0),
    failed: perItem.reduce((s, x) => s + x.failed, 0),
    total: perItem.reduce((s, x) => s + x.total, 0),
    aggregates: { mean: Number.NaN, median: Number.NaN, geometricMean: Number.NaN },
    items: perItem,
  };
}

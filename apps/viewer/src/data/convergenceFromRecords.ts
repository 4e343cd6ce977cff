import { type CrowdSnapshot, type ResponseRecord, RoundState } from '@emocrowd/crowd/analysis';

/**
 * Running aggregates over a finished run's answers, in the order they were stored: what the
 * live view's `crowdUpdated` snapshots would have shown. Computed with crowd's `RoundState`
 * (the same code that makes live snapshots), about `points` snapshots per round.
 *
 * @param records the run's answers in arrival order.
 * @param points snapshots per round (default 200).
 * @returns the snapshots, round by round.
 */
export function convergenceFromRecords(records: readonly ResponseRecord[], points = 200): CrowdSnapshot[] {
  const byRound = new Map<number, ResponseRecord[]>();
  for (const record of records) {
    const list = byRound.get(record.round);
    if (list) list.push(record);
    else byRound.set(record.round, [record]);
  }
  const out: CrowdSnapshot[] = [];
  for (const round of [...byRound.keys()].sort((a, b) => a - b)) {
    const list = byRound.get(round) as ResponseRecord[];
    const state = new RoundState(round, list.length);
    const every = Math.max(1, Math.floor(list.length / points));
    list.forEach((record, slot) => {
      state.add(slot, record);
      if ((slot + 1) % every === 0 || slot === list.length - 1) out.push(state.snapshot());
    });
  }
  return out;
}

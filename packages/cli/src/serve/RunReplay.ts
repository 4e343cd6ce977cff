import type { CrowdEvent, ResponseRecord } from '@emocrowd/crowd';

/**
 * Rebuilds the order of a run's events from its stored answers: the answers in file order, and
 * each round's other events (running snapshots, `roundFinished`) once that round's answers are
 * all sent, as a live stream had them.
 *
 * Answers of round r + 1 only start after round r has finished, so a round is closed when the
 * first answer of a later round is read; `closeAll` closes what remains at the end.
 */
export class RunReplay {
  private current = Number.NEGATIVE_INFINITY;
  private readonly closed = new Set<number>();

  /**
   * @param send writes one event; returns false when the client is not keeping up.
   * @param roundEvents the events of each round other than answers, as known when called.
   */
  constructor(
    private readonly send: (event: CrowdEvent) => boolean,
    private readonly roundEvents: () => ReadonlyMap<number, readonly CrowdEvent[]>,
  ) {}

  /**
   * Sends one stored answer, after the events of the rounds before it.
   *
   * @param record the answer.
   * @returns false when the client is not keeping up.
   */
  answer(record: ResponseRecord): boolean {
    if (record.round > this.current) {
      this.closeBefore(record.round);
      this.current = record.round;
    }
    return this.send(
      record.status === 'ok' ? { type: 'estimateSubmitted', record } : { type: 'estimateFailed', record },
    );
  }

  /** Sends the events of every round not closed yet, in round order. */
  closeAll(): void {
    this.closeBefore(Number.POSITIVE_INFINITY);
  }

  private closeBefore(round: number): void {
    const byRound = this.roundEvents();
    for (const r of [...byRound.keys()].sort((a, b) => a - b)) {
      if (r >= round || this.closed.has(r)) continue;
      this.closed.add(r);
      for (const event of byRound.get(r) ?? []) this.send(event);
    }
  }
}

/**
 * Groups round events (snapshots, `roundFinished`) by round, keeping their order.
 *
 * @param events the events.
 * @returns the events of each round.
 */
export function byRound(events: readonly CrowdEvent[]): Map<number, CrowdEvent[]> {
  const map = new Map<number, CrowdEvent[]>();
  for (const event of events) {
    const round =
      event.type === 'crowdUpdated'
        ? event.snapshot.round
        : event.type === 'roundFinished'
          ? event.stats.round
          : undefined;
    if (round === undefined) continue;
    const list = map.get(round);
    if (list) list.push(event);
    else map.set(round, [event]);
  }
  return map;
}

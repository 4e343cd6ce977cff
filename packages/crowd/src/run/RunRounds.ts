import type { ResponseRecord } from '../events/ResponseRecord.js';
import { RoundState } from './RoundState.js';

/**
 * The answers of a run: one `RoundState` per round and item, and how the run's slots map onto
 * them.
 *
 * Intuition: a battery asks every persona every item, so a round has personas x replicates x
 * items slots. Keeping one RoundState per item makes every per-question computation (running
 * aggregates, what the next round is shown, round measures, the summary) work on one item's
 * answers exactly as for a single question: within an item, slot `within` = replicate x
 * personas + position, as before batteries.
 *
 * Behaviour: the slots of a round are numbered persona by persona, each persona's items together
 * (slot = within x items + item), so the items of one persona are asked one after the other and
 * a stopped run leaves whole personas answered. With one item, slot = within.
 */
export class RunRounds {
  readonly items: number;
  readonly personas: number;
  readonly replicates: number;
  /** `states[round][item]`. */
  readonly states: readonly (readonly RoundState[])[];

  /**
   * @param states the rounds' states when they exist already (`filter`); default empty ones
   */
  constructor(
    rounds: number,
    items: number,
    personas: number,
    replicates: number,
    states?: readonly (readonly RoundState[])[],
  ) {
    this.items = Math.max(1, items);
    this.personas = personas;
    this.replicates = replicates;
    const perItem = personas * replicates;
    this.states =
      states ??
      Array.from({ length: rounds }, (_, r) =>
        Array.from({ length: this.items }, () => new RoundState(r, perItem)),
      );
  }

  /** Slots of one item in a round: personas x replicates. */
  get perItem(): number {
    return this.personas * this.replicates;
  }

  /** Slots of a round: personas x replicates x items. */
  get perRound(): number {
    return this.perItem * this.items;
  }

  /** The answers of one item in one round. */
  state(round: number, item: number): RoundState {
    const state = this.states[round]?.[item];
    if (!state) throw new RangeError(`no round ${round} item ${item} in this run`);
    return state;
  }

  /** The item of a round slot. */
  itemOf(slot: number): number {
    return slot % this.items;
  }

  /** The slot within its item (replicate x personas + position) of a round slot. */
  withinOf(slot: number): number {
    return Math.floor(slot / this.items);
  }

  /** The round slot of an item's slot. */
  slotOf(item: number, within: number): number {
    return within * this.items + item;
  }

  /** Whether a round slot is answered. */
  /**
   * A copy holding only the answers of the units `keep` accepts, in every round and item.
   * @param keep which within-item slots (replicate x personas + position) stay
   * @returns the new rounds
   */
  filter(keep: (within: number) => boolean): RunRounds {
    const states = this.states.map((round) => round.map((state) => state.filter(keep)));
    return new RunRounds(this.states.length, this.items, this.personas, this.replicates, states);
  }

  has(round: number, slot: number): boolean {
    return this.state(round, this.itemOf(slot)).has(this.withinOf(slot));
  }

  /** Stores the answer of a round slot (the first answer of a slot wins). */
  add(round: number, slot: number, record: ResponseRecord): void {
    this.state(round, this.itemOf(slot)).add(this.withinOf(slot), record);
  }

  /** Every state, round by round and item by item. */
  *all(): IterableIterator<RoundState> {
    for (const round of this.states) yield* round;
  }
}

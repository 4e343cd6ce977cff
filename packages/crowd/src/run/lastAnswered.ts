import type { RoundState } from './RoundState.js';
import type { RunRounds } from './RunRounds.js';

/**
 * The round a summary reads one item's answers from: the last round with any answer of that
 * item (a stopped run's last round may be empty), or the last round when none has any.
 *
 * @param rounds the run's rounds
 * @param item the item's position in the task (0 for a single question)
 * @returns its answers in that round
 */
export function lastAnswered(rounds: RunRounds, item: number): RoundState | undefined {
  const states = rounds.states.map((round) => round[item] as RoundState);
  return [...states].reverse().find((state) => state.size > 0) ?? states[states.length - 1];
}

/** One judged answer put before a reviewer. */
export interface ConductReviewEntry {
  /** The answer's `recordKey` (round:replicate:personaIndex[:item]). */
  key: string;
  /** The persona's emotion when it answered. */
  emotion?: string;
  /** The question asked. */
  question: string;
  /** The reasoning the judge read (of the first answer). */
  answer: string;
  /** The first answer's estimate. */
  estimate?: number;
  /** The judge's verdict. */
  verdict: 'ok' | 'violation';
  virtue?: string;
  vice?: string;
  /** The judge's note. */
  note?: string;
  /** The reviewer's decision: `accept` (the judge is right), `reject` (the judge is wrong); absent: not decided yet. */
  decision?: 'accept' | 'reject';
  /**
   * The vice the reviewer sees: required when rejecting an ok verdict, optional when accepting a
   * violation (it then replaces the judge's vice).
   */
  reviewerVice?: string;
  /** The reviewer's note; it becomes the example's note. */
  comment?: string;
}

/** A review of a run's conduct verdicts: the file a person edits, and what the viewer shows. */
export interface ConductReview {
  /** The run reviewed. */
  run: string;
  /** The code of conduct's name. */
  code: string;
  /** The judge's model id. */
  judge: string;
  /** Flagged answers and a random sample of unflagged ones (controls), in a seeded random order. */
  answers: ConductReviewEntry[];
}

/**
 * What the reviewer's decision says of an answer: a violation (accepting a violation, rejecting
 * an ok verdict) or ok; undefined while undecided.
 *
 * @param entry - a review entry
 * @returns the reviewer's own verdict
 */
export function reviewerVerdict(entry: ConductReviewEntry): 'ok' | 'violation' | undefined {
  if (entry.decision === undefined) return undefined;
  const agrees = entry.decision === 'accept';
  return agrees === (entry.verdict === 'violation') ? 'violation' : 'ok';
}

import { answerReasoning } from '@emocrowd/agents';
import { createRng } from '@emocrowd/models';
import { type ResponseRecord, recordKey } from '../events/ResponseRecord.js';
import { descriptorItems, type RunDescriptor } from '../events/RunDescriptor.js';
import type { ConductReview, ConductReviewEntry } from './ConductReview.js';

/** How many answers a review lists. */
export interface ConductReviewOptions {
  /** Flagged answers listed at most (a seeded sample when there are more). Default 50. */
  flagged?: number;
  /** Unflagged answers listed as controls. Default: as many as flagged ones are listed. */
  controls?: number;
}

/**
 * The answers a person should review: the judge's flagged answers and, as controls, a random
 * sample of the answers it let pass, so that the agreement of judge and reviewer (Cohen's kappa)
 * can be measured on both kinds of verdict.
 *
 * Behaviour: every answer of the run with a verdict (ok or violation) is a candidate; up to
 * `flagged` violations and `controls` ok answers are drawn without replacement with the run's
 * seed (stream "conduct-review"), and the list is shuffled with the same stream, so flagged and
 * control answers are mixed and the same run always gives the same review.
 *
 * @param descriptor - the run's descriptor (its `conduct`, task and seed)
 * @param records - the run's answers
 * @param options - how many of each
 * @returns the review, every entry undecided
 */
export function buildConductReview(
  descriptor: RunDescriptor,
  records: readonly ResponseRecord[],
  options: ConductReviewOptions = {},
): ConductReview {
  const questions = new Map(descriptorItems(descriptor.task).map((item) => [item.id, item.question]));
  const single = descriptorItems(descriptor.task)[0]?.question ?? '';
  const judged = records.filter((r) => r.conduct && r.conduct.verdict !== 'unjudged');
  const rng = createRng(descriptor.seed).fork('conduct-review');
  const flaggedAll = judged.filter((r) => r.conduct?.verdict === 'violation');
  const okAll = judged.filter((r) => r.conduct?.verdict === 'ok');
  const flagged = sample(flaggedAll, options.flagged ?? 50, rng);
  const controls = sample(okAll, options.controls ?? flagged.length, rng);
  const answers = rng.shuffle([...flagged, ...controls]).map((record): ConductReviewEntry => {
    const c = record.conduct as NonNullable<ResponseRecord['conduct']>;
    const first = c.original ?? record;
    const entry: ConductReviewEntry = {
      key: recordKey(record),
      question: record.item === undefined ? single : (questions.get(record.item) ?? ''),
      answer: answerReasoning(first.raw),
      verdict: c.verdict === 'violation' ? 'violation' : 'ok',
    };
    if (record.emotion !== undefined) entry.emotion = record.emotion;
    if (first.estimate !== undefined) entry.estimate = first.estimate;
    if (c.virtue !== undefined) entry.virtue = c.virtue;
    if (c.vice !== undefined) entry.vice = c.vice;
    if (c.note !== undefined) entry.note = c.note;
    return entry;
  });
  return {
    run: descriptor.runId,
    code: descriptor.conduct?.code.name ?? '',
    judge: descriptor.conduct?.judge.id ?? '',
    answers,
  };
}

function sample<T>(items: readonly T[], n: number, rng: ReturnType<typeof createRng>): T[] {
  if (items.length <= n) return [...items];
  return rng.shuffle([...items]).slice(0, n);
}

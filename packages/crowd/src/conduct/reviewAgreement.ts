import { createRng } from '@emocrowd/models';
import { cohenKappa, type KappaResult } from '../stats/cohenKappa.js';
import { type ConductReview, reviewerVerdict } from './ConductReview.js';

/** How far a reviewer agrees with the judge. */
export interface ReviewAgreement {
  /** Answers listed. */
  listed: number;
  /** Answers with a decision. */
  decided: number;
  accepted: number;
  rejected: number;
  /** Cohen's kappa of the judge's and the reviewer's verdicts (ok / violation) on the decided answers. */
  kappa: KappaResult;
}

/**
 * The agreement of judge and reviewer on a review's decided answers.
 *
 * Intuition: the judge's verdict and the reviewer's (accepting a violation or rejecting an ok
 * verdict means "violation", the rest "ok") are two ratings of the same answers; Cohen's kappa
 * measures their agreement beyond chance. The review lists flagged answers and about as many
 * controls, so violations are far more common in it than in the run: read kappa for this sample,
 * not as the judge's agreement on a random answer.
 *
 * @param review - the review with decisions
 * @param seed - seed of the kappa interval's bootstrap
 * @returns counts and kappa
 */
export function reviewAgreement(review: ConductReview, seed: number | string = 0): ReviewAgreement {
  const decided = review.answers.filter((a) => a.decision !== undefined);
  return {
    listed: review.answers.length,
    decided: decided.length,
    accepted: decided.filter((a) => a.decision === 'accept').length,
    rejected: decided.filter((a) => a.decision === 'reject').length,
    kappa: cohenKappa(
      decided.map((a) => a.verdict),
      decided.map((a) => reviewerVerdict(a) as string),
      { rng: createRng(seed).fork('kappa') },
    ),
  };
}

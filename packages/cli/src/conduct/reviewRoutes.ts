import { relative } from 'node:path';
import { conductVices } from '@emocrowd/agents';
import { type ReviewDecisions, type ReviewInfo, reviewAgreement } from '@emocrowd/crowd';
import { HttpError } from '../serve/HttpError.js';
import { type OpenedReview, openRunReview } from './openRunReview.js';
import { reviewFromDocument, rewriteReviewFile } from './reviewFile.js';

/**
 * The review of a run as the viewer gets it: opened (written when missing) like `emocrowd conduct
 * review`, with the agreement so far.
 *
 * @param runsDir - the run store
 * @param runId - the run
 * @param dir - the run's directory
 * @returns the review information
 * @throws HttpError 400 for a run without a conduct check or an invalid review file
 */
export function reviewInfo(runsDir: string, runId: string, dir: string): ReviewInfo {
  return infoOf(runsDir, runId, open(dir, runId));
}

/**
 * Applies a reviewer's decisions sent by the viewer: each named answer takes the decision, vice
 * and comment given; the whole review is checked as a file would be, then written back.
 *
 * @param runsDir - the run store
 * @param runId - the run
 * @param dir - the run's directory
 * @param body - the decisions
 * @returns the review information after saving
 * @throws HttpError 400 for an unknown answer or an invalid decision (the file is left unchanged)
 */
export function saveReview(runsDir: string, runId: string, dir: string, body: unknown): ReviewInfo {
  const opened = open(dir, runId);
  const decisions = (body as Partial<ReviewDecisions> | undefined)?.decisions;
  if (!Array.isArray(decisions)) throw new HttpError(400, 'bad review: expected { decisions: [...] }');
  const byKey = new Map(opened.review.answers.map((a, i) => [a.key, i]));
  const answers = opened.review.answers.map((a) => ({ ...a }) as Record<string, unknown>);
  for (const d of decisions) {
    const at = byKey.get(String(d?.key));
    if (at === undefined)
      throw new HttpError(400, `bad review: no answer "${String(d?.key)}" in this review`);
    const answer = answers[at] as Record<string, unknown>;
    answer.decision = d.decision ?? null;
    if (d.reviewerVice !== undefined) answer.reviewerVice = d.reviewerVice;
    if (d.comment !== undefined) answer.comment = d.comment;
  }
  let review: OpenedReview['review'];
  try {
    review = reviewFromDocument('the review', { ...opened.review, answers }, opened.code, opened.keys);
  } catch (error) {
    throw new HttpError(400, `bad review: ${(error as Error).message}`);
  }
  rewriteReviewFile(opened.file, review, opened.code, runId);
  return infoOf(runsDir, runId, { ...opened, review });
}

function open(dir: string, runId: string): OpenedReview {
  try {
    return openRunReview(dir, runId);
  } catch (error) {
    throw new HttpError(400, (error as Error).message.split('\n')[0] as string);
  }
}

function infoOf(runsDir: string, runId: string, opened: OpenedReview): ReviewInfo {
  return {
    runId,
    file: relative(runsDir, opened.file),
    created: opened.created,
    review: opened.review,
    agreement: reviewAgreement(opened.review, opened.descriptor.seed),
    vices: conductVices(opened.code),
  };
}

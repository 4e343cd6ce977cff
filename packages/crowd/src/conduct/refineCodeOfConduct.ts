import type { CodeOfConduct, ConductExample } from '@emocrowd/agents';
import { type ConductReview, reviewerVerdict } from './ConductReview.js';

/**
 * A code of conduct whose examples include a reviewer's decisions: the judge's prompt of the next
 * run shows them as precedents (the "refine with user feedback" step of Chang's SSHF loop).
 *
 * Behaviour: every decided answer becomes a top-level example with its reasoning as `text`; its
 * verdict is "ok" when the reviewer found no vice, else the reviewer's vice (`reviewerVice`) or
 * the judge's; the note is the reviewer's comment, else the judge's note when the reviewer
 * agreed, else a sentence saying what the reviewer found; the source names the run. An example
 * already in the code (same text and verdict) is not added twice.
 *
 * @param code - the code the run used
 * @param review - the review with decisions
 * @returns the refined code (a new object; `code` is unchanged)
 * @throws RangeError when a decision calls an answer a violation without naming a vice
 */
export function refineCodeOfConduct(code: CodeOfConduct, review: ConductReview): CodeOfConduct {
  const existing = new Set(
    [...code.virtues.flatMap((v) => v.examples ?? []), ...(code.examples ?? [])].map(
      (e) => `${e.verdict}\u0000${e.text}`,
    ),
  );
  const added: ConductExample[] = [];
  for (const entry of review.answers) {
    const says = reviewerVerdict(entry);
    if (says === undefined) continue;
    const vice = entry.reviewerVice ?? entry.vice;
    if (says === 'violation' && vice === undefined)
      throw new RangeError(`answer ${entry.key}: name the vice it shows (reviewerVice)`);
    const verdict = says === 'ok' ? 'ok' : (vice as string);
    const note =
      entry.comment ??
      (entry.decision === 'accept'
        ? entry.note
        : says === 'ok'
          ? 'A reviewer found no vice here.'
          : `A reviewer found ${verdict} here.`);
    const key = `${verdict}\u0000${entry.answer}`;
    if (existing.has(key)) continue;
    existing.add(key);
    added.push({
      text: entry.answer,
      verdict,
      ...(note ? { note } : {}),
      source: `review of run ${review.run}`,
    });
  }
  return { ...code, examples: [...(code.examples ?? []), ...added] };
}

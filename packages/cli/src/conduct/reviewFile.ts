import { writeFileSync } from 'node:fs';
import {
  type CodeOfConduct,
  conductVices,
  DefinitionFileError,
  loadDefinitionFile,
  validateDefinition,
} from '@emocrowd/agents';
import type { ConductReview, ConductReviewEntry } from '@emocrowd/crowd';
import { stringify } from 'yaml';
import { z } from 'zod';

const ENTRY = z.strictObject(
  {
    key: z.string({ error: 'expected the answer key as written' }),
    emotion: z.string().optional(),
    question: z.string({ error: 'expected a string' }),
    answer: z.string({ error: 'expected a string' }),
    estimate: z.number().optional(),
    verdict: z.enum(['ok', 'violation'], {
      error: 'expected the judge\'s verdict as written, "ok" or "violation"',
    }),
    virtue: z.string().optional(),
    vice: z.string().optional(),
    note: z.string().optional(),
    decision: z
      .enum(['accept', 'reject'], { error: 'expected accept, reject, or nothing (not decided yet)' })
      .nullish(),
    reviewerVice: z.string({ error: 'expected a vice name' }).nullish(),
    comment: z.string({ error: 'expected a string' }).nullish(),
  },
  { error: 'expected an answer { key, question, answer, verdict, ..., decision, reviewerVice, comment }' },
);

/** The zod 4 schema of a review file (what `writeReviewFile` writes, with the reviewer's decisions). */
export const REVIEW_FILE_SCHEMA = z.strictObject(
  {
    run: z.string({ error: 'expected the run id' }),
    code: z.string({ error: 'expected the code name' }),
    judge: z.string({ error: 'expected the judge id' }),
    answers: z.array(ENTRY, { error: 'expected a list of answers' }),
  },
  { error: 'expected a review { run, code, judge, answers }' },
);

/** What the head of a review file tells the person editing it. */
function header(review: ConductReview, code: CodeOfConduct, runDir: string): string {
  const vices = conductVices(code).join(', ');
  return [
    `# Review of the conduct judge (${review.judge}) of run ${review.run}, code "${review.code}".`,
    '# The answers below are the ones the judge flagged and, mixed in, some it let pass (controls).',
    '# For each answer set',
    '#   decision: accept   when the judge is right,',
    '#   decision: reject   when it is wrong,',
    '# or leave it empty to skip the answer. Rejecting an "ok" verdict means the answer shows a vice:',
    `# name it in reviewerVice (one of: ${vices}); accepting a violation may correct the vice there.`,
    '# A comment becomes the note of the example the next judge sees.',
    `# Then: emocrowd conduct review ${runDir} --out refined-code.yaml   (and run with --conduct refined-code.yaml)`,
    '',
  ].join('\n');
}

/**
 * Writes a review for a person to edit in any editor: YAML with a header explaining what to do,
 * every answer with empty `decision`, `reviewerVice` and `comment`.
 *
 * @param path - the file to create
 * @param review - the review (from `buildConductReview`)
 * @param code - the run's code of conduct (its vices are listed in the header)
 * @param runDir - the run directory as the user named it (for the command in the header)
 */
export function writeReviewFile(
  path: string,
  review: ConductReview,
  code: CodeOfConduct,
  runDir: string,
): void {
  writeFileSync(path, reviewText(review, code, runDir), { flag: 'wx' });
}

/**
 * Reads a review file with the reviewer's decisions, checking them against the run's code.
 *
 * Behaviour: the document must have the shape `writeReviewFile` wrote (unknown keys are refused,
 * so a typo such as `decison:` is caught); a `reviewerVice` must be one of the code's vices; an
 * answer the reviewer calls a violation (accepting one, or rejecting an ok verdict) needs a vice,
 * from the judge or from `reviewerVice`; each key must be one of `keys`. Problems are one-line
 * DefinitionFileErrors naming the path, e.g. `conduct-review.yaml: answers[3].reviewerVice:
 * name the vice this answer shows (one of wrath, ...)`.
 *
 * @param path - the file
 * @param code - the run's code of conduct
 * @param keys - the keys of the run's judged answers
 * @returns the review
 */
export function readReviewFile(path: string, code: CodeOfConduct, keys: ReadonlySet<string>): ConductReview {
  const doc = loadDefinitionFile(path, REVIEW_FILE_SCHEMA);
  return reviewFromDocument(path, doc, code, keys);
}

/**
 * Checks a parsed review document (a file's, or one the viewer sent) and returns the review.
 *
 * @param source - the file name, for messages
 * @param document - the parsed value
 * @param code - the run's code
 * @param keys - the keys of the run's judged answers
 * @returns the review
 */
export function reviewFromDocument(
  source: string,
  document: unknown,
  code: CodeOfConduct,
  keys: ReadonlySet<string>,
): ConductReview {
  const doc = validateDefinition(source, document, REVIEW_FILE_SCHEMA);
  const vices = conductVices(code);
  const answers = doc.answers.map((a, i): ConductReviewEntry => {
    const at = `answers[${i}]`;
    if (!keys.has(a.key))
      throw new DefinitionFileError(source, `${at}.key`, `no judged answer "${a.key}" in run ${doc.run}`);
    if (a.reviewerVice && !vices.includes(a.reviewerVice))
      throw new DefinitionFileError(
        source,
        `${at}.reviewerVice`,
        `expected one of ${vices.join(', ')}, got "${a.reviewerVice}"`,
      );
    const callsViolation =
      a.decision !== undefined &&
      a.decision !== null &&
      (a.decision === 'accept') === (a.verdict === 'violation');
    if (callsViolation && !a.reviewerVice && !(a.vice && vices.includes(a.vice)))
      throw new DefinitionFileError(
        source,
        `${at}.reviewerVice`,
        `name the vice this answer shows (one of ${vices.join(', ')}), or accept the judge's verdict`,
      );
    const entry: ConductReviewEntry = {
      key: a.key,
      question: a.question,
      answer: a.answer,
      verdict: a.verdict,
    };
    if (a.emotion !== undefined) entry.emotion = a.emotion;
    if (a.estimate !== undefined) entry.estimate = a.estimate;
    if (a.virtue !== undefined) entry.virtue = a.virtue;
    if (a.vice !== undefined) entry.vice = a.vice;
    if (a.note !== undefined) entry.note = a.note;
    if (a.decision) entry.decision = a.decision;
    if (a.reviewerVice) entry.reviewerVice = a.reviewerVice;
    if (a.comment) entry.comment = a.comment;
    return entry;
  });
  return { run: doc.run, code: doc.code, judge: doc.judge, answers };
}

/**
 * Writes a review with decisions back (the viewer's save), keeping the header.
 *
 * @param path - the file (replaced atomically enough for one editor: written whole)
 * @param review - the review
 * @param code - the run's code
 * @param runDir - the run directory as named
 */
export function rewriteReviewFile(
  path: string,
  review: ConductReview,
  code: CodeOfConduct,
  runDir: string,
): void {
  writeFileSync(path, reviewText(review, code, runDir));
}

/** The text of a review file: the header, then the review with every answer's fields in reading order. */
function reviewText(review: ConductReview, code: CodeOfConduct, runDir: string): string {
  const answers = review.answers.map((a) => ({
    key: a.key,
    ...(a.emotion !== undefined ? { emotion: a.emotion } : {}),
    question: a.question,
    answer: a.answer,
    ...(a.estimate !== undefined ? { estimate: a.estimate } : {}),
    verdict: a.verdict,
    ...(a.virtue !== undefined ? { virtue: a.virtue } : {}),
    ...(a.vice !== undefined ? { vice: a.vice } : {}),
    ...(a.note !== undefined ? { note: a.note } : {}),
    decision: a.decision ?? null,
    reviewerVice: a.reviewerVice ?? null,
    comment: a.comment ?? null,
  }));
  return header(review, code, runDir) + stringify({ ...review, answers }, { lineWidth: 0, nullStr: '' });
}

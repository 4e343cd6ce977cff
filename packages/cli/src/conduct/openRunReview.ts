import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeOfConduct } from '@emocrowd/agents';
import {
  buildConductReview,
  type ConductReview,
  type ConductReviewOptions,
  RUN_FILES,
  type RunDescriptor,
  readRun,
  recordKey,
} from '@emocrowd/crowd';
import { usageError } from '../command/CliError.js';
import { readReviewFile, writeReviewFile } from './reviewFile.js';

/** A run's review, opened. */
export interface OpenedReview {
  /** The review file. */
  file: string;
  /** True when the file was written now (nothing decided yet). */
  created: boolean;
  review: ConductReview;
  code: CodeOfConduct;
  descriptor: RunDescriptor;
  /** The keys of the run's judged answers. */
  keys: ReadonlySet<string>;
}

/**
 * Opens the review of a run's conduct verdicts: writes it when its file does not exist yet,
 * otherwise reads the decisions in it. The file is never overwritten here, so no decision is lost.
 *
 * @param dir - the run directory
 * @param shownAs - the directory as the user named it (for messages and the file's header)
 * @param options - the file (default `<dir>/conduct-review.yaml`) and, for a new review, how many answers
 * @returns the review and what it is about
 * @throws a usage error when the directory holds no run or a run without a conduct check
 */
export function openRunReview(
  dir: string,
  shownAs: string,
  options: ConductReviewOptions & { file?: string } = {},
): OpenedReview {
  let run: ReturnType<typeof readRun>;
  try {
    run = readRun(dir);
  } catch (error) {
    throw usageError(`conduct review: ${(error as Error).message.split('\n')[0]}`);
  }
  const descriptor = run.manifest.descriptor;
  const conduct = descriptor.conduct;
  if (conduct === undefined)
    throw usageError(
      `conduct review: run ${shownAs} has no conduct check; start one with emocrowd run --conduct default`,
    );
  const judged = run.records.filter((r) => r.conduct && r.conduct.verdict !== 'unjudged');
  const keys = new Set(judged.map(recordKey));
  const file = options.file ?? join(dir, RUN_FILES.conductReview);
  if (existsSync(file))
    return {
      file,
      created: false,
      review: readReviewFile(file, conduct.code, keys),
      code: conduct.code,
      descriptor,
      keys,
    };
  const review = buildConductReview(descriptor, run.records, options);
  writeReviewFile(file, review, conduct.code, shownAs);
  return { file, created: true, review, code: conduct.code, descriptor, keys };
}

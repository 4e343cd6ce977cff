import type { BatchFileEntry } from '@emocrowd/crowd';
import type { BatchJob } from '@emocrowd/models';

/**
 * Copies what the server says of a batch into its file's ledger entry: status, request counts,
 * output and error file ids, and the first error.
 *
 * Used wherever a batch is looked at (created, found again after an interrupted submit, polled):
 * a batch found already finished is never polled again, so its counts and output file must be
 * taken the first time it is seen.
 *
 * @param file the ledger entry of the batch's input file (changed in place)
 * @param job the batch as the server reports it
 */
export function recordBatchJob(file: BatchFileEntry, job: BatchJob): void {
  file.status = job.status;
  if (job.request_counts) file.counts = { ...job.request_counts };
  if (job.output_file_id !== undefined) file.outputFileId = job.output_file_id;
  if (job.error_file_id !== undefined) file.errorFileId = job.error_file_id;
  const first = job.errors?.data?.[0];
  if (first) file.error = `${first.line ? `line ${first.line}: ` : ''}${first.code}: ${first.message}`;
}

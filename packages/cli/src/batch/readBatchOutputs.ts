import { createReadStream, existsSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { BatchOutputLine } from '@emocrowd/crowd';
import { decodeBatchOutputLine } from '@emocrowd/models';
import { usageError } from '../command/CliError.js';

/**
 * Reads batch output files (OpenAI Batch output and error files, `vllm run-batch` output),
 * every non-empty line decoded, in file order.
 *
 * @param files the files, as the user named them (their names are kept for messages)
 * @param resolvePath turns a name into a path
 * @returns the decoded lines with file and line number
 * @throws CliError (exit 2) naming the file and line of the first line that is not batch output
 */
export async function readBatchOutputs(
  files: readonly string[],
  resolvePath: (file: string) => string,
): Promise<BatchOutputLine[]> {
  const lines: BatchOutputLine[] = [];
  for (const file of files) {
    const path = resolvePath(file);
    if (!existsSync(path) || !statSync(path).isFile())
      throw usageError(
        `batch import: no such file ${file}; give the output or error files of the run's batches`,
      );
    let lineNo = 0;
    for await (const text of createInterface({
      input: createReadStream(path),
      crlfDelay: Number.POSITIVE_INFINITY,
    })) {
      lineNo++;
      if (text.trim() === '') continue;
      try {
        lines.push({ output: decodeBatchOutputLine(text), file, line: lineNo });
      } catch (error) {
        throw usageError(
          `${file}:${lineNo}: ${(error as Error).message}; give OpenAI Batch or vllm run-batch output files (not the request files)`,
        );
      }
    }
  }
  return lines;
}

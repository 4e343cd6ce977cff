import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import {
  type DataTable,
  flattenRecords,
  parseCsvTable,
  type ResponseRecord,
  RUN_FILES,
  type RunManifest,
  readResponses,
  readRun,
} from '@emocrowd/crowd';
import { CliError, usageError } from '../command/CliError.js';

/** What `--input` named, read: a run (directory or responses.jsonl) or a CSV of estimates. */
export interface EstimateInput {
  kind: 'run' | 'csv';
  /** The path as resolved. */
  path: string;
  table: DataTable;
  /** The run's manifest (a run directory, or a responses.jsonl beside its run.json). */
  manifest?: RunManifest;
  /** The run's answers (kind run). */
  records?: ResponseRecord[];
}

/**
 * Reads `--input`: a run directory (its run.json and responses.jsonl), a responses.jsonl file
 * (with the run.json beside it when there is one, for the truth), or a CSV file with a header.
 * Run answers are flattened with `flattenRecords`, so both kinds are a `DataTable`.
 * Every error is one line naming the file and the fix (exit 2).
 *
 * @param input the flag value
 * @param cwd the directory relative paths start from
 * @returns the table and, for runs, the manifest and records
 */
export function loadEstimateInput(input: string | undefined, cwd: string): EstimateInput {
  if (input === undefined || input.trim() === '') {
    throw usageError('--input is required: a run directory, a responses.jsonl or a CSV file');
  }
  const path = resolve(cwd, input);
  if (!existsSync(path)) throw usageError(`--input: no such file or directory ${input}`);
  try {
    if (statSync(path).isDirectory()) {
      if (!existsSync(join(path, RUN_FILES.manifest))) {
        throw usageError(
          `--input: ${input} is a directory without ${RUN_FILES.manifest}; give a run directory or a file`,
        );
      }
      const run = readRun(path);
      return {
        kind: 'run',
        path,
        table: flattenRecords(run.records),
        manifest: run.manifest,
        records: run.records,
      };
    }
    if (/\.jsonl$/i.test(path)) {
      const records = readResponses(path).records;
      const manifestPath = join(dirname(path), RUN_FILES.manifest);
      const manifest = existsSync(manifestPath)
        ? readRun(dirname(path), { records: false }).manifest
        : undefined;
      return {
        kind: 'run',
        path,
        table: { ...flattenRecords(records), source: basename(path) },
        ...(manifest ? { manifest } : {}),
        records,
      };
    }
    return { kind: 'csv', path, table: parseCsvTable(readFileSync(path, 'utf8'), input) };
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw usageError(`--input: ${(error as Error).message.split('\n')[0]}`);
  }
}

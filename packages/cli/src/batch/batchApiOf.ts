import { BatchApiClient } from '@emocrowd/models';
import { usageError } from '../command/CliError.js';
import type { BatchRun } from './BatchRun.js';

/** The flags naming a Batch API server. */
export interface BatchServerFlags {
  host?: string | undefined;
  'api-key'?: string | undefined;
}

/**
 * The Batch API client of a command: `--host`, else the server the run's batches were
 * submitted to, else the run's first `--host`, else OPENAI_BASE_URL; the key from `--api-key`,
 * else OPENAI_API_KEY (never stored in the run directory).
 *
 * @param run the batch run
 * @param flags `--host` and `--api-key`
 * @param env the environment
 * @param submittedTo the server recorded in the run's ledger, if any
 * @param command named in the error
 * @returns the client
 * @throws CliError (exit 2) when no server is known
 */
export function batchApiOf(
  run: BatchRun,
  flags: BatchServerFlags,
  env: Readonly<Record<string, string | undefined>>,
  submittedTo: string | undefined,
  command: string,
): BatchApiClient {
  const host = flags.host ?? submittedTo ?? run.request.hosts[0] ?? env.OPENAI_BASE_URL;
  if (!host)
    throw usageError(
      `${command}: no Batch API server known; give --host URL (e.g. https://api.openai.com or a LiteLLM proxy) or set OPENAI_BASE_URL`,
    );
  const apiKey = flags['api-key'] ?? env.OPENAI_API_KEY;
  return new BatchApiClient({ baseUrl: host, ...(apiKey ? { apiKey } : {}) });
}

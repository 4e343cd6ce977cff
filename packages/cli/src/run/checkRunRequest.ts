import { strategyNames } from '@emocrowd/crowd';
import { usageError } from '../command/CliError.js';
import type { RunRequest } from './RunRequest.js';

/**
 * Checks what can be checked of a run request before anything is resolved or created: every
 * host is an http(s) address, every strategy is registered.
 *
 * @param request the request.
 * @throws CliError (exit 2) naming the flag and the fix.
 */
export function checkRunRequest(request: RunRequest): void {
  for (const host of request.hosts) {
    const url = /^[a-z][a-z0-9+.-]*:\/\//i.test(host) ? host : `http://${host}`;
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {
      parsed = undefined;
    }
    if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.hostname === '') {
      throw usageError(
        `--host "${host}" is not a server address; use e.g. http://127.0.0.1:11434 or 10.0.0.5:8000`,
      );
    }
  }
  checkStop(request);
  const unknown = (request.strategies ?? []).filter((name) => !strategyNames.includes(name));
  if (unknown.length > 0) {
    throw usageError(
      `--strategies: unknown strategy ${unknown.join(', ')}; known: ${strategyNames.join(', ')}`,
    );
  }
}

/** A stop rule asks one round of a whole crowd in random order, at a precision above 0. */
function checkStop(request: RunRequest): void {
  const stop = request.stop;
  if (stop === undefined) return;
  if (!(stop.precision > 0 && Number.isFinite(stop.precision)))
    throw usageError(
      `--stop-at-precision takes a relative width above 0, e.g. 0.02 for an interval 2% of the median (got ${stop.precision})`,
    );
  if (request.rounds !== 1)
    throw usageError(
      '--stop-at-precision needs --rounds 1: later rounds show each persona the whole crowd of the round before',
    );
  if (request.shard)
    throw usageError(
      '--stop-at-precision cannot be combined with --shard: a shard is a slice of the crowd in persona order, a stopping crowd is asked in random order; run it whole',
    );
}

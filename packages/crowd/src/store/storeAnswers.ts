import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ResponseRecord, recordKey } from '../events/ResponseRecord.js';
import { ResponseLog } from './ResponseLog.js';
import { RUN_FILES } from './RunManifest.js';
import { readResponses } from './readResponses.js';

/**
 * Adds answers to a run's `responses.jsonl`, replacing stored ones when asked.
 *
 * Behaviour: with nothing to replace, the records are appended (after cutting a partial last
 * line a crash left, as a resumed run does); with keys to replace, the file is rewritten without
 * the records of those keys and with the new ones after the rest, through a temporary file
 * renamed over the old one, so a crash leaves the old file or the new one, never half of one.
 *
 * @param dir the run directory
 * @param records the new answers, in the order they arrived
 * @param replace keys (`recordKey`) of stored answers the new ones replace
 */
export function storeAnswers(
  dir: string,
  records: readonly ResponseRecord[],
  replace: ReadonlySet<string> = new Set(),
): void {
  const path = join(dir, RUN_FILES.responses);
  const read = readResponses(path);
  if (replace.size === 0) {
    if (records.length === 0) return;
    const log = new ResponseLog(path, { validBytes: read.validBytes });
    for (const record of records) log.append(record);
    log.close();
    return;
  }
  const kept = read.records.filter((r) => !replace.has(recordKey(r)));
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, [...kept, ...records].map((r) => `${JSON.stringify(r)}\n`).join(''));
  renameSync(tmp, path);
}

import { existsSync, readFileSync } from 'node:fs';
import { type ResponseRecord, recordKey } from '../events/ResponseRecord.js';

/** What `readResponses` found in a responses.jsonl file. */
export interface ReadResponsesResult {
  /** Unique records in file order (the first of duplicates wins). */
  records: ResponseRecord[];
  /** Byte length of the complete lines; anything after is a line cut off by a crash. */
  validBytes: number;
  /** Bytes after the last complete line (a write cut short by kill -9). */
  truncatedBytes: number;
  /** Duplicate keys skipped. */
  duplicates: number;
}

/**
 * Reads a run's `responses.jsonl`, tolerating what a crash leaves behind: a last line without
 * its newline is ignored (reported in `truncatedBytes`), duplicate answers are skipped. A
 * complete line that is not a record is an error naming the file and line.
 *
 * @param path the responses.jsonl file (a missing file reads as empty)
 */
export function readResponses(path: string): ReadResponsesResult {
  if (!existsSync(path)) return { records: [], validBytes: 0, truncatedBytes: 0, duplicates: 0 };
  const buffer = readFileSync(path);
  const lastNewline = buffer.lastIndexOf(0x0a);
  const validBytes = lastNewline + 1;
  const text = buffer.subarray(0, validBytes).toString('utf8');
  const records: ResponseRecord[] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  let lineNo = 0;
  for (const line of text.split('\n')) {
    lineNo++;
    if (line.trim() === '') continue;
    let record: ResponseRecord;
    try {
      record = JSON.parse(line) as ResponseRecord;
    } catch {
      throw new Error(
        `${path}:${lineNo}: not a JSON line; the file is damaged (move it aside to start over)`,
      );
    }
    if (
      typeof record !== 'object' ||
      record === null ||
      typeof record.personaIndex !== 'number' ||
      typeof record.status !== 'string'
    ) {
      throw new Error(`${path}:${lineNo}: not a response record (needs personaIndex and status)`);
    }
    const key = recordKey(record);
    if (seen.has(key)) {
      duplicates++;
      continue;
    }
    seen.add(key);
    records.push(record);
  }
  return { records, validBytes, truncatedBytes: buffer.length - validBytes, duplicates };
}

import { closeSync, openSync, readSync } from 'node:fs';
import type { ResponseRecord } from '../events/ResponseRecord.js';

/** What `readResponseChunk` read. */
export interface ResponseChunk {
  /** The records of the complete lines read, in file order. */
  records: ResponseRecord[];
  /** The byte offset after the last complete line read: where the next chunk starts. */
  next: number;
}

/**
 * Reads the complete lines of a `responses.jsonl` between two byte offsets, at most about
 * `maxBytes` at a time, so a run of millions of answers is read in bounded memory (the caller
 * loops from `next` until `to`). A line cut short at `to` (still being written, or by a crash) is
 * left for a later read. Lines are returned as stored, duplicates included (a run directory
 * written by emocrowd has none; `readResponses` reads whole files and skips them).
 *
 * @param path the responses.jsonl file.
 * @param from the byte offset to start at (0, or a previous chunk's `next`).
 * @param to the byte offset not to read beyond (e.g. the file's size when the replay began).
 * @param maxBytes the chunk size; a single longer line is read whole. Default 1 MiB.
 * @returns the records and where the next chunk starts (`next === from`: nothing complete yet).
 * @throws Error naming the file and the byte offset of a complete line that is not a record.
 */
export function readResponseChunk(path: string, from: number, to: number, maxBytes = 1 << 20): ResponseChunk {
  if (to <= from) return { records: [], next: from };
  const fd = openSync(path, 'r');
  try {
    let size = Math.min(maxBytes, to - from);
    for (;;) {
      const buffer = Buffer.alloc(size);
      const read = readSync(fd, buffer, 0, size, from);
      const end = buffer.subarray(0, read).lastIndexOf(0x0a);
      if (end < 0 && read === size && from + size < to) {
        size = Math.min(size * 2, to - from);
        continue;
      }
      if (end < 0) return { records: [], next: from };
      return {
        records: parseLines(buffer.subarray(0, end + 1).toString('utf8'), path, from),
        next: from + end + 1,
      };
    }
  } finally {
    closeSync(fd);
  }
}

function parseLines(text: string, path: string, offset: number): ResponseRecord[] {
  const records: ResponseRecord[] = [];
  let at = offset;
  for (const line of text.split('\n')) {
    if (line.trim() !== '') {
      let record: ResponseRecord;
      try {
        record = JSON.parse(line) as ResponseRecord;
      } catch {
        throw new Error(`${path} (byte ${at}): not a JSON line; the file is damaged`);
      }
      if (typeof record !== 'object' || record === null || typeof record.personaIndex !== 'number')
        throw new Error(`${path} (byte ${at}): not a response record`);
      records.push(record);
    }
    at += Buffer.byteLength(line) + 1;
  }
  return records;
}

import { closeSync, ftruncateSync, openSync, writeSync } from 'node:fs';
import type { ResponseRecord } from '../events/ResponseRecord.js';

/**
 * The append-only `responses.jsonl` of a run: one JSON line per answer as it arrives.
 *
 * Lines are buffered for at most one turn of the event loop (or `maxBuffered` lines) and then
 * written with one `write` call, so a kill -9 loses at most the answers of the current turn —
 * answers still in flight in practice — while a million-answer run is not slowed by a system
 * call per line. Opening an existing log first cuts off a partial last line left by a crash.
 */
export class ResponseLog {
  private readonly fd: number;
  private buffer: string[] = [];
  private scheduled = false;
  private closed = false;
  private readonly maxBuffered: number;
  /** Lines written so far by this log. */
  written = 0;

  /**
   * @param path the responses.jsonl file (created when missing)
   * @param validBytes keep only this many bytes of an existing file (from `readResponses`)
   */
  constructor(path: string, opts: { validBytes?: number; maxBuffered?: number } = {}) {
    this.fd = openSync(path, 'a+');
    if (opts.validBytes !== undefined) ftruncateSync(this.fd, opts.validBytes);
    this.maxBuffered = opts.maxBuffered ?? 1000;
  }

  /** Queues one record; it reaches the file within this turn of the event loop. */
  append(record: ResponseRecord): void {
    if (this.closed) throw new Error('response log is closed');
    this.buffer.push(JSON.stringify(record));
    if (this.buffer.length >= this.maxBuffered) this.flush();
    else if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        this.flush();
      });
    }
  }

  /** Writes every queued line now. */
  flush(): void {
    if (this.buffer.length === 0 || this.closed) return;
    const text = `${this.buffer.join('\n')}\n`;
    this.written += this.buffer.length;
    this.buffer = [];
    writeSync(this.fd, text);
  }

  /** Flushes and closes the file. */
  close(): void {
    if (this.closed) return;
    this.flush();
    this.closed = true;
    closeSync(this.fd);
  }
}

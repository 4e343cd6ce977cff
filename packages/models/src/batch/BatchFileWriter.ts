import { closeSync, existsSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';

/** Most lines and bytes one batch input file may have. */
export interface BatchFileLimits {
  maxLines: number;
  maxBytes: number;
}

/**
 * The OpenAI Batch API's limits on one input file: 50,000 requests and 200 MB (taken as
 * 200,000,000 bytes, the smaller reading of "MB").
 */
export const OPENAI_BATCH_LIMITS: BatchFileLimits = { maxLines: 50_000, maxBytes: 200_000_000 };

/** One file a {@link BatchFileWriter} wrote. */
export interface BatchFilePart {
  path: string;
  lines: number;
  /** Size in bytes, newlines included. */
  bytes: number;
}

/**
 * Writes batch input lines into as many files as the limits need, never overwriting one.
 *
 * Behaviour:
 * 1. Lines go to `STEM-001.jsonl`, `STEM-002.jsonl`, ... beside `path` (STEM: its name without
 *    `.jsonl`); a new file begins when the next line would pass `maxLines` or `maxBytes`.
 * 2. `close()` renames a lone part to `path` itself, so a run that fits one file gets exactly
 *    the file asked for; several parts keep their numbers.
 * 3. A part or `path` that exists already is refused (`EEXIST` / an Error naming it) before
 *    anything is written over it; a single line larger than `maxBytes` is refused.
 * 4. Writes are buffered (up to 1 MB) and synchronous: `close()` returns once every byte is in
 *    its file.
 */
export class BatchFileWriter {
  private readonly stem: string;
  private readonly parts: BatchFilePart[] = [];
  private fd: number | undefined;
  private buffer: string[] = [];
  private buffered = 0;
  private closed = false;

  /**
   * @param path the file asked for (e.g. `requests.jsonl`)
   * @param limits lines and bytes per file (default: the OpenAI Batch API's)
   */
  constructor(
    readonly path: string,
    private readonly limits: BatchFileLimits = OPENAI_BATCH_LIMITS,
  ) {
    const ext = extname(path);
    this.stem = join(dirname(path), basename(path, ext === '.jsonl' ? ext : ''));
    if (existsSync(path)) throw new Error(`${path} exists; choose another file or remove it`);
  }

  /** Adds one line (without its newline). */
  write(line: string): void {
    if (this.closed) throw new Error('batch file writer is closed');
    const bytes = Buffer.byteLength(line) + 1;
    if (bytes > this.limits.maxBytes)
      throw new Error(
        `a batch request of ${bytes} bytes is larger than the ${this.limits.maxBytes}-byte file limit`,
      );
    let part = this.parts[this.parts.length - 1];
    if (!part || part.lines + 1 > this.limits.maxLines || part.bytes + bytes > this.limits.maxBytes)
      part = this.nextPart();
    this.buffer.push(line, '\n');
    this.buffered += bytes;
    part.lines++;
    part.bytes += bytes;
    if (this.buffered >= 1 << 20) this.flush();
  }

  /**
   * Writes what is buffered and closes the last file.
   * @returns the files written, in order (none when no line was written)
   */
  close(): BatchFilePart[] {
    if (this.closed) return [...this.parts];
    this.closeCurrent();
    this.closed = true;
    const only = this.parts.length === 1 ? this.parts[0] : undefined;
    if (only) {
      if (existsSync(this.path))
        throw new Error(`${this.path} appeared while writing; the requests are in ${only.path}`);
      renameSync(only.path, this.path);
      only.path = this.path;
    }
    return [...this.parts];
  }

  /** Closes and deletes every file written so far (an export that failed half-way leaves none). */
  abort(): void {
    this.buffer = [];
    this.buffered = 0;
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    this.closed = true;
    for (const part of this.parts) rmSync(part.path, { force: true });
    this.parts.length = 0;
  }

  private nextPart(): BatchFilePart {
    this.closeCurrent();
    const part: BatchFilePart = {
      path: `${this.stem}-${String(this.parts.length + 1).padStart(3, '0')}.jsonl`,
      lines: 0,
      bytes: 0,
    };
    this.fd = openSync(part.path, 'wx');
    this.parts.push(part);
    return part;
  }

  private flush(): void {
    if (this.fd === undefined || this.buffer.length === 0) return;
    writeSync(this.fd, this.buffer.join(''));
    this.buffer = [];
    this.buffered = 0;
  }

  private closeCurrent(): void {
    if (this.fd === undefined) return;
    this.flush();
    closeSync(this.fd);
    this.fd = undefined;
  }
}

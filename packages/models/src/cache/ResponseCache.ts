import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type { ModelResponse } from '../ModelBackend.js';
import { defaultCachePath } from './defaultCachePath.js';

/** better-sqlite3 (a native module), loaded when a cache is opened: runs without a cache never load it. */
const load = createRequire(import.meta.url);

/** State of a cache entry: answered, failed to answer, or answered with text the parser could not read. */
export type CacheStatus = 'ok' | 'failed' | 'unparsed';

/** One stored entry as `get` returns it. */
export interface CacheEntry {
  status: CacheStatus;
  /** The model's answer (ok entries; unparsed entries that were answered first). */
  response?: ModelResponse;
  /** Why the entry failed or did not parse. */
  reason?: string;
  /** The raw text that did not parse, when given. */
  raw?: string;
  /** Last write, epoch milliseconds. */
  updatedAt: number;
}

/** Counters since the cache was opened. */
export interface CacheStats {
  /** Lookups served from the cache. */
  hits: number;
  /** Lookups that found nothing servable. */
  misses: number;
  /** Entries written (answers and failure records). */
  writes: number;
}

/** How `lookup` treats entries that are not ok. */
export interface CacheLookupOptions {
  /**
   * False (default): an `unparsed` entry is served (its stored answer; a rerun can re-parse it
   * with a better parser without asking the model). True: `unparsed` entries are misses, so the
   * model is asked again (`--retry-failed`). `failed` entries are always misses.
   */
  retryFailed?: boolean;
}

interface Row {
  status: CacheStatus;
  response: string | null;
  reason: string | null;
  raw: string | null;
  updated_at: number;
}

interface PutParams {
  key: string;
  response: string;
  model: string | null;
  now: number;
}

interface FailParams {
  key: string;
  status: CacheStatus;
  reason: string;
  raw: string | null;
  now: number;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS responses (
  key TEXT PRIMARY KEY,
  status TEXT NOT NULL CHECK (status IN ('ok', 'failed', 'unparsed')),
  response TEXT,
  reason TEXT,
  raw TEXT,
  model TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS responses_status ON responses (status) WHERE status <> 'ok';
`;

/**
 * A persistent store of model answers and failures in one SQLite file (better-sqlite3).
 *
 * The intuition: a crowd run asks thousands of questions; the cache makes a rerun (after a crash,
 * with another metric, with a fixed parser) free and exactly reproducible, and remembers which
 * questions failed so a `--retry-failed` run re-asks only those.
 *
 * 1. WAL journal with `synchronous = NORMAL`: each write is committed when the call returns and
 *    survives the process being killed (SQLite, "Write-Ahead Logging"; only power loss may drop
 *    the last commits). Other readers of the file are not blocked by writes.
 * 2. better-sqlite3 is synchronous, so any number of in-flight calls in one process read and
 *    write without interleaving; a second process waits up to `busy_timeout` (5 s) for a lock.
 * 3. `put` stores an answer (status ok); `recordFailure` marks an entry failed or unparsed and
 *    keeps a stored answer, so an unparsed answer can be re-parsed later.
 * 4. `lookup` decides what is servable (and counts hits and misses); `get` reads without counting.
 *
 * @example
 * const cache = new ResponseCache();            // $XDG_CACHE_HOME/emocrowd/responses.sqlite
 * const model = withCache(ollama, cache);
 */
export class ResponseCache {
  /** The file (or ":memory:"). */
  readonly path: string;
  readonly #db: BetterSqlite3.Database;
  readonly #stats: CacheStats = { hits: 0, misses: 0, writes: 0 };
  readonly #select: BetterSqlite3.Statement<[string], Row>;
  readonly #put: BetterSqlite3.Statement<[PutParams]>;
  readonly #fail: BetterSqlite3.Statement<[FailParams]>;
  readonly #delete: BetterSqlite3.Statement<[string]>;
  readonly #adopt: BetterSqlite3.Statement<[{ from: string; to: string; now: number }]>;

  /**
   * Opens (creating file, directories and table if needed) a cache.
   * @param path the SQLite file; default {@link defaultCachePath}; ":memory:" for a throwaway cache
   */
  constructor(path: string = defaultCachePath()) {
    this.path = path;
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const Database = load('better-sqlite3') as typeof BetterSqlite3;
    this.#db = new Database(path);
    this.#db.pragma('journal_mode = WAL');
    this.#db.pragma('synchronous = NORMAL');
    this.#db.pragma('busy_timeout = 5000');
    this.#db.exec(SCHEMA);
    this.#select = this.#db.prepare<[string], Row>(
      'SELECT status, response, reason, raw, updated_at FROM responses WHERE key = ?',
    );
    this.#put = this.#db.prepare<[PutParams]>(
      `INSERT INTO responses (key, status, response, reason, raw, model, created_at, updated_at)
       VALUES (@key, 'ok', @response, NULL, NULL, @model, @now, @now)
       ON CONFLICT (key) DO UPDATE SET status = 'ok', response = excluded.response, reason = NULL,
         raw = NULL, model = excluded.model, updated_at = excluded.updated_at`,
    );
    this.#fail = this.#db.prepare<[FailParams]>(
      `INSERT INTO responses (key, status, response, reason, raw, model, created_at, updated_at)
       VALUES (@key, @status, NULL, @reason, @raw, NULL, @now, @now)
       ON CONFLICT (key) DO UPDATE SET status = excluded.status, reason = excluded.reason,
         raw = COALESCE(excluded.raw, responses.raw), updated_at = excluded.updated_at`,
    );
    this.#delete = this.#db.prepare('DELETE FROM responses WHERE key = ?');
    this.#adopt = this.#db.prepare<[{ from: string; to: string; now: number }]>(
      `INSERT INTO responses (key, status, response, reason, raw, model, created_at, updated_at)
       SELECT @to, status, response, reason, raw, model, created_at, @now FROM responses WHERE key = @from
       ON CONFLICT (key) DO NOTHING`,
    );
  }

  /**
   * Reads an entry without counting a hit or a miss.
   * @param key a key from `keyFor`
   * @returns the entry, or undefined
   */
  get(key: string): CacheEntry | undefined {
    const row = this.#select.get(key);
    if (row === undefined) return undefined;
    const entry: CacheEntry = { status: row.status, updatedAt: row.updated_at };
    if (row.response !== null) entry.response = JSON.parse(row.response) as ModelResponse;
    if (row.reason !== null) entry.reason = row.reason;
    if (row.raw !== null) entry.raw = row.raw;
    return entry;
  }

  /**
   * The answer to serve for a key, counting a hit or a miss: ok entries always; unparsed
   * entries unless `retryFailed` (their stored answer, or one made from the raw text);
   * failed entries never.
   *
   * @param key a key from `keyFor`
   * @param options `retryFailed`
   * @returns the stored answer (as stored: `cached` and `latencyMs` are the original call's), or undefined
   */
  lookup(key: string, options: CacheLookupOptions = {}): ModelResponse | undefined {
    const entry = this.get(key);
    let response: ModelResponse | undefined;
    if (entry?.status === 'ok') response = entry.response;
    else if (entry?.status === 'unparsed' && !options.retryFailed) {
      response =
        entry.response ??
        (entry.raw === undefined
          ? undefined
          : {
              text: entry.raw,
              usage: { promptTokens: 0, completionTokens: 0 },
              latencyMs: 0,
              cached: true,
              model: '',
            });
    }
    if (response === undefined) this.#stats.misses++;
    else this.#stats.hits++;
    return response;
  }

  /**
   * Stores an answer (status ok), replacing any earlier entry for the key.
   * @param key a key from `keyFor`
   * @param response the model's answer
   */
  put(key: string, response: ModelResponse): void {
    this.#put.run({
      key,
      response: JSON.stringify(response),
      model: response.model || null,
      now: Date.now(),
    });
    this.#stats.writes++;
  }

  /**
   * Marks a key failed (the call raised) or unparsed (the answer could not be read). A stored
   * answer is kept; `raw` replaces the stored raw text only when given.
   *
   * @param key a key from `keyFor`
   * @param status 'failed' or 'unparsed'
   * @param reason one line: the error message or the parser's complaint
   * @param raw the text that did not parse
   */
  recordFailure(key: string, status: 'failed' | 'unparsed', reason: string, raw?: string): void {
    this.#fail.run({ key, status, reason, raw: raw ?? null, now: Date.now() });
    this.#stats.writes++;
  }

  /**
   * Copies the entry stored under an older key to a new key, unless the new key already has
   * one; the old entry stays (another version may still read it). Used to keep cache files
   * written under an earlier key formula answering (see `legacyKeyFor`).
   *
   * @param from the older key
   * @param to the current key
   * @returns true when an entry was copied
   */
  adopt(from: string, to: string): boolean {
    if (from === to) return false;
    const copied = this.#adopt.run({ from, to, now: Date.now() }).changes > 0;
    if (copied) this.#stats.writes++;
    return copied;
  }

  /**
   * Removes an entry.
   * @param key a key from `keyFor`
   * @returns true when there was one
   */
  delete(key: string): boolean {
    return this.#delete.run(key).changes > 0;
  }

  /**
   * Keys with a given status (e.g. to report what a `--retry-failed` run would re-ask).
   * @param status the status to list
   * @returns keys, oldest write first
   */
  keys(status: CacheStatus): string[] {
    return this.#db
      .prepare<[CacheStatus], { key: string }>(
        'SELECT key FROM responses WHERE status = ? ORDER BY updated_at, key',
      )
      .all(status)
      .map((row) => row.key);
  }

  /** @returns how many entries have each status */
  counts(): Record<CacheStatus, number> {
    const counts: Record<CacheStatus, number> = { ok: 0, failed: 0, unparsed: 0 };
    const rows = this.#db
      .prepare<[], { status: CacheStatus; n: number }>(
        'SELECT status, COUNT(*) AS n FROM responses GROUP BY status',
      )
      .all();
    for (const row of rows) counts[row.status] = row.n;
    return counts;
  }

  /** @returns a copy of the hit / miss / write counters since opening */
  stats(): CacheStats {
    return { ...this.#stats };
  }

  /** Closes the file (checkpointing the WAL). Further calls throw. */
  close(): void {
    if (this.#db.open) this.#db.close();
  }
}

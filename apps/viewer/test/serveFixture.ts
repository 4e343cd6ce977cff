import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CrowdEvent } from '@emocrowd/crowd';
import { cliRunStore } from '../../../packages/cli/src/serve/cliRunStore.js';
import { type ServeServer, startServeServer } from '../../../packages/cli/src/serve/startServeServer.js';

/** A serve server on a free port over a fresh temporary run store. */
export interface ServeFixture {
  server: ServeServer;
  runsDir: string;
  /** Absolute URL of a path on the server. */
  url(path: string): string;
  close(): Promise<void>;
}

/**
 * Starts `emocrowd serve` in-process: 127.0.0.1, port 0, a temp runs dir (or `runsDir`), the
 * real run store, and no model server (OLLAMA_HOST points at a closed port so options answer fast;
 * no OPENAI_BASE_URL).
 *
 * @param runsDir reuse this store instead of a fresh one.
 * @returns the fixture.
 */
export async function startServeFixture(runsDir?: string): Promise<ServeFixture> {
  const dir = runsDir ?? mkdtempSync(join(tmpdir(), 'emocrowd-serve-'));
  const env = { ...process.env, OLLAMA_HOST: 'http://127.0.0.1:9', OPENAI_BASE_URL: undefined };
  const server = await startServeServer({ runsDir: dir, store: cliRunStore(env, dir), port: 0, env, heartbeatMs: 200 });
  return {
    server,
    runsDir: dir,
    url: (path) => new URL(path, server.url).toString(),
    async close() {
      await server.close();
      if (!runsDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** One parsed Server-Sent Event. */
export interface SseMessage {
  event: string;
  data: unknown;
}

/**
 * Reads a whole SSE response (until the server closes it) and parses its events.
 *
 * @param url the events URL.
 * @returns the events and the heartbeat comments seen.
 */
export async function readEventStream(url: string): Promise<{ messages: SseMessage[]; heartbeats: number; contentType: string }> {
  const response = await fetch(url);
  const text = await response.text();
  const messages: SseMessage[] = [];
  let heartbeats = 0;
  for (const block of text.split('\n\n')) {
    if (block.startsWith(': heartbeat')) heartbeats++;
    const event = /^event: (.+)$/m.exec(block)?.[1];
    const data = /^data: (.+)$/m.exec(block)?.[1];
    if (event && data) messages.push({ event, data: JSON.parse(data) as unknown });
  }
  return { messages, heartbeats, contentType: response.headers.get('content-type') ?? '' };
}

/** The crowd events of an SSE message list (without `end`). */
export function crowdEvents(messages: readonly SseMessage[]): CrowdEvent[] {
  return messages.filter((m) => m.event !== 'end').map((m) => m.data as CrowdEvent);
}

/**
 * Posts JSON.
 *
 * @param url where.
 * @param body the JSON body.
 * @returns status and parsed body.
 */
export async function postJson(url: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

import type { ServerResponse } from 'node:http';

/** A Server-Sent Events response being written. */
export interface EventStream {
  /**
   * Writes `event: <type>` and `data: <json>` for one event.
   * @returns false when the client is not keeping up (wait for `drained()` before sending much more)
   */
  send(type: string, data: unknown): boolean;
  /** Resolves when what was sent has been handed to the network (or the stream is closed). */
  drained(): Promise<void>;
  /** Ends the response. */
  close(): void;
  /** Whether the client is gone or `close` was called. */
  readonly closed: boolean;
}

/**
 * Opens a Server-Sent Events stream on `response` (WHATWG HTML, "Server-sent events"): the
 * headers, a retry hint, and a comment line every `heartbeatMs` so proxies and the browser keep
 * the connection open while a slow model thinks.
 *
 * Each event is `event: <type>` + `data: <one line of JSON>`; JSON never contains a raw newline,
 * so one `data:` line always suffices. The heartbeat stops when the client disconnects.
 *
 * @param response the response to stream on (nothing written yet).
 * @param heartbeatMs milliseconds between heartbeat comments (default 15 s).
 * @returns the stream.
 */
export function openEventStream(response: ServerResponse, heartbeatMs = 15_000): EventStream {
  response.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-content-type-options': 'nosniff',
  });
  response.write('retry: 3000\n\n');
  let closed = false;
  const heartbeat = setInterval(() => {
    if (!closed) response.write(': heartbeat\n\n');
  }, heartbeatMs);
  heartbeat.unref();
  const finish = (): void => {
    closed = true;
    clearInterval(heartbeat);
  };
  response.on('close', finish);
  return {
    send(type, data) {
      if (closed) return true;
      return response.write(`event: ${type}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    drained() {
      if (closed || !response.writableNeedDrain) return Promise.resolve();
      return new Promise((resolve) => {
        const done = (): void => {
          response.off('drain', done);
          response.off('close', done);
          resolve();
        };
        response.once('drain', done);
        response.once('close', done);
      });
    },
    close() {
      if (closed) return;
      finish();
      response.end();
    },
    get closed() {
      return closed;
    },
  };
}

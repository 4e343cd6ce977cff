import type { IncomingMessage, ServerResponse } from 'node:http';

/** Sends a JSON body with a status. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}

/** Reads a request body whole. */
export async function readRaw(req: IncomingMessage): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

/** Resolves once what was written so far has been handed to the socket. */
export function flush(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => res.write('', () => resolve()));
}

/** Resolves true after `ms`, or false as soon as one of the signals aborts. */
export function wait(ms: number, ...signals: AbortSignal[]): Promise<boolean> {
  return new Promise((resolve) => {
    if (signals.some((s) => s.aborted)) return resolve(false);
    const timer = Number.isFinite(ms) ? setTimeout(() => done(true), ms) : undefined;
    const onAbort = (): void => done(false);
    function done(value: boolean): void {
      if (timer) clearTimeout(timer);
      for (const s of signals) s.removeEventListener('abort', onAbort);
      resolve(value);
    }
    for (const s of signals) s.addEventListener('abort', onAbort, { once: true });
  });
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isStringMap(value: unknown): value is Record<string, string> {
  return isRecord(value) && Object.values(value).every((v) => typeof v === 'string');
}

/** The error body of an OpenAI-compatible endpoint. */
export function openAiError(status: number, message: string): unknown {
  const type = status === 400 ? 'invalid_request_error' : status === 404 ? 'not_found_error' : 'api_error';
  return { error: { message, type, param: null, code: null } };
}

/** A stable small hash of a text (ids and fake token numbers). */
export function hashCode(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return h;
}

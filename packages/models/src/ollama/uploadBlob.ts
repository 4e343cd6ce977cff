import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { modelErrorFromFailure, modelErrorFromStatus } from '../http/modelErrorFromFailure.js';
import { normalizeOllamaHost } from '../http/normalizeOllamaHost.js';
import { ModelError } from '../ModelError.js';
import { OLLAMA_FIXES } from './ollamaFixes.js';

/**
 * Uploads a file to an Ollama server as a blob, unless the server already has it.
 *
 * Intuition: /api/create refers to weights and adapters by digest, so files go up first as
 * content-addressed blobs (docs/api.md "Push a Blob"). Behaviour: hashes the file with sha256
 * (streaming), asks HEAD /api/blobs/sha256:<hex>, and POSTs the file (streamed) only on 404;
 * the server verifies the digest.
 *
 * @param host "host:port" or URL; undefined for OLLAMA_HOST / the default.
 * @param path Local file path.
 * @returns The digest, "sha256:<hex>".
 * @throws ModelError on an unreadable file (bad-request), a refused upload or an unreachable server.
 */
export async function uploadBlob(host: string | undefined, path: string): Promise<string> {
  const base = normalizeOllamaHost(host);
  const ctx = { host: base, model: path, fixes: OLLAMA_FIXES };
  let digest: string;
  try {
    await stat(path);
    const hash = createHash('sha256');
    for await (const part of createReadStream(path)) hash.update(part as Buffer);
    digest = `sha256:${hash.digest('hex')}`;
  } catch (error) {
    throw new ModelError('bad-request', `cannot read ${path}: ${(error as Error).message}`, { cause: error });
  }
  const url = `${base}/api/blobs/${digest}`;
  try {
    const head = await fetch(url, { method: 'HEAD' });
    if (head.ok) return digest;
    const body = Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>;
    const res = await fetch(url, { method: 'POST', body, duplex: 'half' } as RequestInit & {
      duplex: 'half';
    });
    if (!res.ok) {
      const text = await res.text();
      let message = text;
      try {
        message = String((JSON.parse(text) as { error?: unknown }).error ?? text);
      } catch {
        // not JSON: keep the text
      }
      throw modelErrorFromStatus(res.status, `uploading ${path}: ${message}`, ctx);
    }
    return digest;
  } catch (error) {
    throw modelErrorFromFailure(error, ctx);
  }
}

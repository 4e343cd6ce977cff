import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** The Content-Security-Policy of the viewer page: its own scripts only, no inline script. */
export const VIEWER_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/**
 * Serves one file of the built viewer (a static directory), or `index.html` for unknown paths
 * without an extension (client-side routes).
 *
 * The URL path is decoded, resolved inside `root` and refused (404) if it leaves it, so
 * `/../../etc/passwd` and `%2e%2e%2f` cannot read outside the viewer's build. HTML is sent with a
 * strict Content-Security-Policy, a second line of defence should model text ever reach the DOM
 * as markup.
 *
 * @param root the built viewer directory (apps/viewer/dist).
 * @param urlPath the request path (without query).
 * @param response where to write.
 * @returns true if something was served (file or fallback), false for a 404.
 */
export async function serveStatic(root: string, urlPath: string, response: ServerResponse): Promise<boolean> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return false;
  }
  if (decoded.includes('\0')) return false;
  const base = resolve(root);
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  let file = resolve(base, relative);
  if (!file.startsWith(base + sep)) return false;
  let info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) {
    if (extname(relative) !== '') return false;
    file = resolve(base, 'index.html');
    info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) return false;
  }
  const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  const headers: Record<string, string | number> = {
    'content-type': type,
    'content-length': info.size,
    'x-content-type-options': 'nosniff',
    'cache-control': file.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
  };
  if (type.startsWith('text/html')) headers['content-security-policy'] = VIEWER_CSP;
  response.writeHead(200, headers);
  await new Promise<void>((done, fail) => {
    createReadStream(file).on('error', fail).on('end', done).pipe(response);
  });
  return true;
}

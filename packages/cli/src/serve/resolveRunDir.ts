import { isAbsolute, resolve, sep } from 'node:path';

/** A run id the store can hold: a plain directory name (letters, digits, `.`, `_`, `-`), not `.` or `..`. */
const PLAIN_NAME = /^[A-Za-z0-9._-]{1,200}$/;

/**
 * The directory of run `id` inside `runsDir`, or `undefined` when `id` is not a plain directory
 * name or would resolve outside the store.
 *
 * The intuition: an id arrives from a URL, so it is untrusted. `..`, `..%2F..`, `/etc`, `a/b`
 * and `C:\x` are all refused twice over: first by the plain-name pattern, then by resolving the
 * path and checking it is a direct child of the resolved store. The server therefore only ever
 * reads inside the runs directory.
 *
 * @param runsDir the run store (resolved against the current directory when relative).
 * @param id the run id as decoded from the request path.
 * @returns the absolute run directory, or undefined when the id is refused.
 */
export function resolveRunDir(runsDir: string, id: string): string | undefined {
  if (!PLAIN_NAME.test(id) || id === '.' || id === '..' || isAbsolute(id)) return undefined;
  const root = resolve(runsDir);
  const dir = resolve(root, id);
  if (!dir.startsWith(root + sep) || dir.slice(root.length + 1).includes(sep)) return undefined;
  return dir;
}

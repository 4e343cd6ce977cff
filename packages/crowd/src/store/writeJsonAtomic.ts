import { renameSync, writeFileSync } from 'node:fs';

/**
 * Writes JSON to `path` atomically: to a temporary file first, then renamed over the target,
 * so a crash leaves the old file or the new one, never half of one.
 */
export function writeJsonAtomic(path: string, value: unknown): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, `${JSON.stringify(value, null, 2)}\n`);
  renameSync(tmp, path);
}

import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

/**
 * Where the response cache lives unless a run says otherwise, following the XDG Base Directory
 * Specification: `$XDG_CACHE_HOME/emocrowd/responses.sqlite`, or
 * `$HOME/.cache/emocrowd/responses.sqlite` when XDG_CACHE_HOME is unset, empty or relative
 * (the specification says relative paths are invalid and must be ignored).
 *
 * @param env the environment to read (default `process.env`)
 * @returns an absolute file path (the directory may not exist yet)
 */
export function defaultCachePath(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const xdg = env.XDG_CACHE_HOME;
  const base =
    xdg !== undefined && xdg !== '' && isAbsolute(xdg) ? xdg : join(env.HOME || homedir(), '.cache');
  return join(base, 'emocrowd', 'responses.sqlite');
}

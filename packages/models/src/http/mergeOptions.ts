import type { GenerationOptions } from '../ModelBackend.js';

/**
 * The options one call is made with: the backend's defaults overlaid with the request's own
 * options, where an option the request leaves undefined keeps its default.
 *
 * @param defaults the backend's default options
 * @param own the request's options
 * @returns the merged options (a new object)
 */
export function mergeOptions(
  defaults: GenerationOptions,
  own: GenerationOptions | undefined,
): GenerationOptions {
  const merged: GenerationOptions = { ...defaults };
  for (const [key, value] of Object.entries(own ?? {}))
    if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
  return merged;
}

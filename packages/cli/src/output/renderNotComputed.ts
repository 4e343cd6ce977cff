import type { Colors } from './colors.js';

/**
 * The line under a strategy table naming the strategies that could not be computed for the
 * crowd, with their reasons, so they appear once and never as rows of their own.
 *
 * @param notComputed the strategies and reasons (`partitionAggregates(...).notComputed`).
 * @param colors the output's colours.
 * @returns no line when every strategy was computed, else one line.
 */
export function renderNotComputed(
  notComputed: readonly { readonly name: string; readonly reason: string }[],
  colors: Colors,
): string[] {
  if (notComputed.length === 0) return [];
  return [colors.dim(`not computed: ${notComputed.map((s) => `${s.name} (${s.reason})`).join('; ')}`)];
}

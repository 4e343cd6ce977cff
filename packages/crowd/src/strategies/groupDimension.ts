import type { CrowdSample } from '../stats/CrowdSample.js';

/**
 * Picks the group dimension a group-based strategy uses: the requested one, else `emotion`, else
 * the first dimension of the sample.
 *
 * @param sample the crowd.
 * @param requested the dimension asked for in the strategy options, if any.
 * @returns the dimension name and its labels, or `undefined` when the sample has no such groups.
 */
export function groupDimension(
  sample: CrowdSample,
  requested: string | undefined,
): { dimension: string; labels: readonly string[] } | undefined {
  const groups = sample.groups;
  if (!groups) return undefined;
  const dimension = requested ?? ('emotion' in groups ? 'emotion' : Object.keys(groups)[0]);
  if (dimension === undefined) return undefined;
  const labels = groups[dimension];
  return labels ? { dimension, labels } : undefined;
}

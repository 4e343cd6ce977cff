import { formatNumber } from '@emocrowd/models';
import type { TaskTruth } from './EstimationTask.js';
import { EARTH_MEAN_RADIUS_KM, haversineKm, KM_PER_MILE } from './haversine.js';
import type { SourcedPlace } from './SourcedPlace.js';

/** The units a great-circle truth can be given in, with their size in km. */
const KM_PER_UNIT: Readonly<Record<string, number>> = { km: 1, mi: KM_PER_MILE };

/**
 * The straight-line distance between two places as a task truth: the haversine great-circle
 * distance on a sphere of the IUGG mean radius, rounded to a whole unit, with a source that names
 * both points, the radius and where the coordinates come from.
 *
 * @param from - first place
 * @param to - second place
 * @param unit - `mi` or `km`
 * @returns the truth (kind `great-circle`, confirmed)
 * @throws RangeError for another unit
 */
export function greatCircleTruth(from: SourcedPlace, to: SourcedPlace, unit: string): TaskTruth {
  const perUnit = KM_PER_UNIT[unit];
  if (perUnit === undefined)
    throw new RangeError(`a great-circle truth is given in mi or km, not "${unit || '(no unit)'}"`);
  const km = haversineKm(from, to);
  const point = (p: SourcedPlace): string => `${p.name} (${p.lat.toFixed(4)}, ${p.lon.toFixed(4)})`;
  const sources = [...new Set([from.source, to.source])].join('; ');
  return {
    value: Math.round(km / perUnit),
    source: `haversine between ${point(from)} and ${point(to)}, R = ${EARTH_MEAN_RADIUS_KM} km: ${formatNumber(Math.round(km), 'grouped')} km; coordinates: ${sources}`,
    kind: 'great-circle',
    confirmed: true,
  };
}

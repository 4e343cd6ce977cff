import type { LatLon } from './haversine.js';

/** A named point with the source of its coordinates: the input of a great-circle truth. */
export interface SourcedPlace extends LatLon {
  /** How questions name it, e.g. "New York City". */
  name: string;
  /** Where the coordinates come from. */
  source: string;
}

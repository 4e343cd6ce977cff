/** A point on the Earth in decimal degrees (north and east positive). */
export interface LatLon {
  lat: number;
  lon: number;
}

/** The IUGG mean Earth radius R1 in km (Moritz 2000, "Geodetic Reference System 1980"). */
export const EARTH_MEAN_RADIUS_KM = 6371.0088;

/** Kilometres per international mile (exact, 1959 international yard and pound agreement). */
export const KM_PER_MILE = 1.609344;

/**
 * Great-circle distance between two points on a sphere, by the haversine formula.
 *
 * Intuition: the shortest path over a spherical Earth; the haversine form stays accurate for
 * small distances (Sinnott 1984, "Virtues of the Haversine", Sky and Telescope 68:159). On the
 * real ellipsoid distances differ by up to about 0.5 % (Vincenty gives 1,927 km for Fargo ->
 * Seattle against 1,921 km here).
 *
 * @param a - first point
 * @param b - second point
 * @param radiusKm - sphere radius, default {@link EARTH_MEAN_RADIUS_KM}
 * @returns distance in km
 */
export function haversineKm(a: LatLon, b: LatLon, radiusKm = EARTH_MEAN_RADIUS_KM): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * radiusKm * Math.asin(Math.min(1, Math.sqrt(h)));
}

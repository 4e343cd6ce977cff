import type { LatLon } from './haversine.js';

const PATTERN = /^([+-])(\d{2})(\d{2})(\d{2})?([+-])(\d{3})(\d{2})(\d{2})?$/;

/**
 * Reads a point written the ISO 6709 way the IANA time zone database writes it:
 * `+DDMM[SS]+DDDMM[SS]` (latitude then longitude, degrees, minutes and optional seconds, north
 * and east positive), e.g. `+404251-0740023` for New York (40° 42′ 51″ N, 74° 00′ 23″ W).
 *
 * @param text - the coordinates, e.g. "+404251-0740023"
 * @returns the point in decimal degrees
 * @throws RangeError naming the text when it is not of that form or out of range
 */
export function parseIso6709(text: string): LatLon {
  const m = PATTERN.exec(text.trim());
  if (!m) throw new RangeError(`"${text}" is not ISO 6709 coordinates of the form +DDMM[SS]+DDDMM[SS]`);
  const part = (sign: string, deg: string, min: string, sec: string | undefined): number =>
    (sign === '-' ? -1 : 1) * (Number(deg) + Number(min) / 60 + Number(sec ?? 0) / 3600);
  const [, latSign, latDeg, latMin, latSec, lonSign, lonDeg, lonMin, lonSec] = m as unknown as string[];
  const lat = part(latSign as string, latDeg as string, latMin as string, latSec);
  const lon = part(lonSign as string, lonDeg as string, lonMin as string, lonSec);
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180 || Number(latMin) >= 60 || Number(lonMin) >= 60)
    throw new RangeError(`"${text}" is outside the range of latitudes and longitudes`);
  return { lat, lon };
}

import type { EstimationTask } from '../EstimationTask.js';
import { greatCircleTruth } from '../greatCircleTruth.js';
import { KM_PER_MILE } from '../haversine.js';
import { parseIso6709 } from '../iso6709.js';
import type { SourcedPlace } from '../SourcedPlace.js';
import type { TaskBattery } from '../TaskBattery.js';
import { TASK_UNITS } from '../taskUnits.js';

const TZDB = 'IANA Time Zone Database 2025b, zone1970.tab';

/** The principal location of a time zone, as zone1970.tab gives it (ISO 6709). */
function zonePlace(id: string, name: string, zone: string, iso6709: string): readonly [string, SourcedPlace] {
  return [id, { name, ...parseIso6709(iso6709), source: `${TZDB}, ${zone} ${iso6709}` }];
}

/** Nine cities of the contiguous United States, each the principal location of its time zone. */
export const US_CITIES: Readonly<Record<string, SourcedPlace>> = Object.fromEntries([
  zonePlace('new-york', 'New York City', 'America/New_York', '+404251-0740023'),
  zonePlace('detroit', 'Detroit, Michigan', 'America/Detroit', '+421953-0830245'),
  zonePlace('louisville', 'Louisville, Kentucky', 'America/Kentucky/Louisville', '+381515-0854534'),
  zonePlace('indianapolis', 'Indianapolis, Indiana', 'America/Indiana/Indianapolis', '+394606-0860929'),
  zonePlace('chicago', 'Chicago, Illinois', 'America/Chicago', '+415100-0873900'),
  zonePlace('denver', 'Denver, Colorado', 'America/Denver', '+394421-1045903'),
  zonePlace('boise', 'Boise, Idaho', 'America/Boise', '+433649-1161209'),
  zonePlace('phoenix', 'Phoenix, Arizona', 'America/Phoenix', '+332654-1120424'),
  zonePlace('los-angeles', 'Los Angeles, California', 'America/Los_Angeles', '+340308-1181434'),
]);

function distanceItem(from: string, to: string): EstimationTask {
  const a = US_CITIES[from] as SourcedPlace;
  const b = US_CITIES[to] as SourcedPlace;
  return {
    id: `${from}-${to}`,
    question: `What is the straight-line (as the crow flies) distance between ${a.name} and ${b.name}?`,
    unit: 'mi',
    unitName: 'miles',
    truth: greatCircleTruth(a, b, 'mi'),
    plausibleRange: [10, 10000],
    units: TASK_UNITS.miles,
    confusableUnit: { unit: 'km', factor: 1 / KM_PER_MILE },
    subject: {
      kind: 'us-geography',
      description: `the distance between ${a.name} and ${b.name}`,
      places: [a.name, b.name],
      familiar: { occupation: ['transportation'] },
    },
  };
}

const ids = Object.keys(US_CITIES);

/**
 * Straight-line distances between every pair of nine US cities (36 items): great-circle truths
 * by the haversine formula from the coordinates of the IANA time zone database. No human crowd
 * answered these questions.
 */
export const US_CITY_DISTANCES: TaskBattery = {
  id: 'us-city-distances',
  title: 'Straight-line distances between nine US cities (36 pairs)',
  source: `great-circle distances (haversine, R = 6371.0088 km) between the principal locations of nine US time zones in ${TZDB}`,
  items: ids.flatMap((from, i) => ids.slice(i + 1).map((to) => distanceItem(from, to))),
};

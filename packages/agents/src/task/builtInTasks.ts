import { LORENZ_2011 } from './batteries/lorenz2011.js';
import type { EstimationTask } from './EstimationTask.js';
import { haversineKm, KM_PER_MILE } from './haversine.js';
import { TASK_UNITS } from './taskUnits.js';

/** City-centre coordinates used for the Fargo -> Seattle great-circle truth (RESEARCH.md §1). */
export const FARGO = { lat: 46.8772, lon: -96.7898 } as const;
/** See {@link FARGO}. */
export const SEATTLE = { lat: 47.6062, lon: -122.3321 } as const;

const FARGO_SEATTLE_MI = Math.round(haversineKm(FARGO, SEATTLE) / KM_PER_MILE);

const KM_CONFUSION = { unit: 'km', factor: 1 / KM_PER_MILE };
const FARGO_SEATTLE_SUBJECT = {
  kind: 'us-geography',
  description: 'the distance between Fargo, ND and Seattle, WA',
  places: ['Fargo, ND', 'Seattle, WA'],
  familiar: { region: ['pacific-northwest', 'upper-midwest'], occupation: ['transportation'] },
} as const;

/**
 * The built-in estimation tasks.
 *
 * - `fargo-seattle`: the paper's task (Kadiyala et al. 2025) with the great-circle truth, 1,194 mi
 *   (haversine, R = 6371.0088 km, city centres; RESEARCH.md §1). The paper does not say which
 *   distance it scored against, so the question names the straight line.
 * - `fargo-seattle-driving`: the same trip by road (I-94 then I-90), about 1,420 mi - unconfirmed.
 * - `planet-money-cow`: NPR Planet Money 2015, Penelope the cow, 1,355 lb; 17,184 human guesses
 *   in crowds/planetmoney2015_cow_guesses.csv.
 * - `jelly-beans-jb1`: Silver, Mellers & Tetlock 2021 jar Jb1, 250 beans; 67 human estimates in
 *   crowds/silver_jellybean_Jb1.csv. People saw the jar; a language model does not, so this
 *   measures the crowd's prior.
 * - `lorenz-swiss-density`, `lorenz-swiss-italy-border`, `lorenz-swiss-murders-2006`: questions 1,
 *   2 and 4 of Lorenz et al. 2011 (PNAS 108:9020) with the truths of its Dataset S1
 *   (crowds/lorenz_2011.csv, column Truth: 184, 734, 198); 144 subjects x 5 rounds each. They are
 *   items of the `lorenz-2011` battery, asked alone.
 *
 * Batteries (several items asked of the same crowd) are in builtInBatteries.ts.
 */
export const BUILT_IN_TASKS: readonly EstimationTask[] = [
  {
    id: 'fargo-seattle',
    question:
      'What is the straight-line (as the crow flies) distance between Fargo, North Dakota and Seattle, Washington?',
    unit: 'mi',
    unitName: 'miles',
    truth: {
      value: FARGO_SEATTLE_MI,
      source:
        'haversine between city centres (Fargo 46.8772 N 96.7898 W, Seattle 47.6062 N 122.3321 W), R = 6371.0088 km: 1,921 km',
      kind: 'great-circle',
      confirmed: true,
    },
    plausibleRange: [100, 10000],
    units: TASK_UNITS.miles,
    confusableUnit: KM_CONFUSION,
    subject: FARGO_SEATTLE_SUBJECT,
  },
  {
    id: 'fargo-seattle-driving',
    question: 'What is the driving distance from Fargo, North Dakota to Seattle, Washington?',
    unit: 'mi',
    unitName: 'miles',
    truth: {
      value: 1420,
      source: 'road distance via I-94 and I-90, about 1,420 mi (not confirmed with a mapping service)',
      kind: 'driving',
      confirmed: false,
    },
    plausibleRange: [100, 10000],
    units: TASK_UNITS.miles,
    confusableUnit: KM_CONFUSION,
    subject: FARGO_SEATTLE_SUBJECT,
  },
  {
    id: 'planet-money-cow',
    question:
      'How much does Penelope weigh? Penelope is an adult dairy cow whose photo NPR Planet Money showed its audience in 2015.',
    unit: 'lb',
    unitName: 'pounds',
    truth: {
      value: 1355,
      source:
        'NPR Planet Money, "How Much Does This Cow Weigh?" (2015): 1,355 lb; the average of 17,205 guesses was 1,287 lb',
      kind: 'weight',
      confirmed: true,
    },
    plausibleRange: [100, 10000],
    units: TASK_UNITS.pounds,
    confusableUnit: { unit: 'kg', factor: 1 / 0.45359237 },
    subject: { kind: 'general', description: 'the weight of a cow', familiar: { occupation: ['farming'] } },
    humanData: {
      file: 'planetmoney2015_cow_guesses.csv',
      column: 'guess_lb',
      note: '17,184 of the 17,205 guesses (the public sheet)',
    },
  },
  {
    id: 'jelly-beans-jb1',
    question: 'A clear glass jar is filled with jelly beans. How many jelly beans are in the jar?',
    unit: '',
    unitName: '',
    truth: {
      value: 250,
      source: 'Silver, Mellers & Tetlock 2021, jar Jb1 (column Correct of the published data): 250',
      kind: 'count',
      confirmed: true,
    },
    plausibleRange: [10, 100000],
    units: TASK_UNITS.count,
    subject: { kind: 'general', description: 'the number of jelly beans in a jar' },
    humanData: {
      file: 'silver_jellybean_Jb1.csv',
      column: 'E1',
      truthColumn: 'Correct',
      note: '67 first estimates E1 (mean 162.7, median 150)',
    },
  },
  lorenzTask('lorenz-swiss-density', 'density'),
  lorenzTask('lorenz-swiss-italy-border', 'italy-border'),
  lorenzTask('lorenz-swiss-murders-2006', 'murders'),
];

/** An item of the `lorenz-2011` battery as a task of its own. */
function lorenzTask(id: string, item: string): EstimationTask {
  const found = LORENZ_2011.items.find((i) => i.id === item);
  if (!found) throw new RangeError(`lorenz-2011 has no item ${item}`);
  return { ...found, id };
}

/**
 * All built-in single-question tasks (batteries: `listBatteries`).
 *
 * @returns the tasks, `fargo-seattle` first
 */
export function listTasks(): readonly EstimationTask[] {
  return BUILT_IN_TASKS;
}

/**
 * A built-in single-question task by id (any task, battery or not: `findTask`).
 *
 * @param id - e.g. "fargo-seattle"
 * @returns the task; throws RangeError naming the known ids when there is none
 */
export function getTask(id: string): EstimationTask {
  const task = BUILT_IN_TASKS.find((t) => t.id === id);
  if (task === undefined)
    throw new RangeError(`unknown task "${id}"; known tasks: ${BUILT_IN_TASKS.map((t) => t.id).join(', ')}`);
  return task;
}

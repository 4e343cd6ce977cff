import { BECKER_2017 } from './batteries/becker2017.js';
import { CALORIE_QUIZ } from './batteries/calorieQuiz.js';
import { JELLY_BEANS } from './batteries/jellyBeans.js';
import { LORENZ_2011 } from './batteries/lorenz2011.js';
import { NAVAJAS_2018 } from './batteries/navajas2018.js';
import { US_CITY_DISTANCES } from './batteries/usCityDistances.js';
import { BUILT_IN_TASKS } from './builtInTasks.js';
import type { Task, TaskBattery } from './TaskBattery.js';

/**
 * The built-in batteries, one file each in batteries/ (add one: a file and a line here). Every
 * item of the first five is linked to the human crowd that answered it in packages/data/crowds.
 *
 * - `lorenz-2011`: the six questions of Lorenz et al. 2011 (144 subjects each).
 * - `becker-2017`: the 34 tasks of Becker, Brackbill & Centola 2017 (wording not published).
 * - `navajas-2018`: the four questions of Navajas et al. 2018 (wording not published).
 * - `calorie-quiz`: the 20 foods of the clulab calorie quiz (2,029 respondents).
 * - `jelly-beans`: the four jars of Silver, Mellers & Tetlock 2021.
 * - `us-city-distances`: 36 great-circle distances between nine US cities (no human crowd).
 */
export const BUILT_IN_BATTERIES: readonly TaskBattery[] = [
  LORENZ_2011,
  BECKER_2017,
  NAVAJAS_2018,
  CALORIE_QUIZ,
  JELLY_BEANS,
  US_CITY_DISTANCES,
];

/**
 * The built-in batteries.
 *
 * @returns the batteries, in the order above
 */
export function listBatteries(): readonly TaskBattery[] {
  return BUILT_IN_BATTERIES;
}

/**
 * A built-in battery by id.
 *
 * @param id - e.g. "lorenz-2011"
 * @returns the battery; throws RangeError naming the known ids when there is none
 */
export function getBattery(id: string): TaskBattery {
  const battery = BUILT_IN_BATTERIES.find((b) => b.id === id);
  if (battery === undefined)
    throw new RangeError(
      `unknown battery "${id}"; known batteries: ${BUILT_IN_BATTERIES.map((b) => b.id).join(', ')}`,
    );
  return battery;
}

/**
 * Every built-in task: the single questions, then the batteries.
 *
 * @returns the tasks
 */
export function listAllTasks(): readonly Task[] {
  return [...BUILT_IN_TASKS, ...BUILT_IN_BATTERIES];
}

/**
 * A built-in task of either kind by id.
 *
 * @param id - a single question's or a battery's id
 * @returns the task, or undefined when no built-in task has this id
 */
export function findTask(id: string): Task | undefined {
  return BUILT_IN_TASKS.find((t) => t.id === id) ?? BUILT_IN_BATTERIES.find((b) => b.id === id);
}

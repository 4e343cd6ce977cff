import type { EstimationTask } from '../EstimationTask.js';
import type { TaskBattery } from '../TaskBattery.js';
import { TASK_UNITS } from '../taskUnits.js';

const STUDY = 'Becker, Brackbill & Centola 2017, PNAS 114:E5070';

/** Tasks of Dataset S1 with their truths (column truth; constant within each task). */
const TASKS: readonly (readonly [string, number])[] = [
  ['1a', 550],
  ['1b', 729],
  ['1c', 759],
  ['1d', 819],
  ['1e', 750],
  ['1f', 729],
  ['2a', 3218],
  ['2b', 4000],
  ['2c', 4299],
  ['2d', 4700],
  ['2e', 4389],
  ['2f', 3218],
  ['3a', 279],
  ['3b', 259],
  ['3c', 268],
  ['3d', 291],
  ['3e', 278],
  ['3f', 278],
  ['4a', 346],
  ['4b', 546],
  ['4c', 346],
  ['4d', 246],
  ['4e', 546],
  ['4f', 346],
  ['5a', 39],
  ['5b', 61],
  ['6a', 54],
  ['6b', 46],
  ['7a', 26],
  ['7b', 74],
  ['8a', 45],
  ['8b', 55],
  ['9a', 41],
  ['9b', 59],
];

function beckerItem([task, truth]: readonly [string, number]): EstimationTask {
  return {
    id: task,
    question: `This is estimation task ${task} of an online experiment in which people estimated quantities (Becker, Brackbill & Centola 2017). Its wording is not available to you. What is your best estimate of its answer?`,
    questionSource: `${STUDY}: Dataset S1 holds every answer and the truth of each task, but neither the wording nor the pictures of the tasks, so this item asks blind and measures a crowd's prior; give the wording in a task file to ask the real question`,
    unit: '',
    unitName: '',
    truth: {
      value: truth,
      source: `${STUDY}, Dataset S1, task ${task}, column truth = ${truth}`,
      kind: 'count',
      confirmed: true,
    },
    plausibleRange: [1, 100000],
    units: TASK_UNITS.count,
    subject: { kind: 'general', description: `estimation task ${task} of Becker et al. 2017` },
    humanData: {
      file: 'becker_2017.csv',
      column: 'response_1',
      filter: { task },
      truthColumn: 'truth',
      note: 'first answers response_1 (before any exchange) of every network condition',
    },
  };
}

/** The 34 estimation tasks of Becker, Brackbill & Centola (2017) with their human crowds. */
export const BECKER_2017: TaskBattery = {
  id: 'becker-2017',
  title: 'Becker et al. 2017: 34 estimation tasks (wording not published: the items ask blind)',
  source: `${STUDY}, Dataset S1 (packages/data/crowds/becker_2017.csv)`,
  items: TASKS.map(beckerItem),
};

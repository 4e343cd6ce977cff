import type { EstimationTask } from '../EstimationTask.js';
import type { TaskBattery } from '../TaskBattery.js';
import { TASK_UNITS } from '../taskUnits.js';

const STUDY = 'Navajas, Niella, Garbulsky, Bahrami & Sigman 2018, Nature Human Behaviour 2:126';

function navajasItem(task: number, truth: number, answers: string): EstimationTask {
  return {
    id: `q${task}`,
    question: `This is general-knowledge question ${task} of a quiz a live audience answered (Navajas et al. 2018). Its wording is not available to you. What is your best estimate of its answer?`,
    questionSource: `${STUDY}: the published data holds every answer and the truth of each question, but not the questions' wording, so this item asks blind and measures a crowd's prior; give the wording in a task file to ask the real question`,
    unit: '',
    unitName: '',
    truth: {
      value: truth,
      source: `${STUDY}, published data, task ${task}, column truth = ${truth}`,
      kind: 'count',
      confirmed: true,
    },
    plausibleRange: [1, 100000],
    units: TASK_UNITS.count,
    subject: { kind: 'general', description: `general-knowledge question ${task} of Navajas et al. 2018` },
    humanData: {
      file: 'navajas_2018.csv',
      column: 'pre_influence',
      filter: { task: String(task) },
      truthColumn: 'truth',
      note: `${answers} individual answers before deliberation (pre_influence)`,
    },
  };
}

/** The four questions of Navajas et al. (2018) in its published data, with their human crowds. */
export const NAVAJAS_2018: TaskBattery = {
  id: 'navajas-2018',
  title: 'Navajas et al. 2018: four general-knowledge questions (wording not published: the items ask blind)',
  source: `${STUDY} (packages/data/crowds/navajas_2018.csv)`,
  items: [
    navajasItem(1, 145, '1,388'),
    navajasItem(3, 21, '1,379'),
    navajasItem(5, 666, '1,359'),
    navajasItem(6, 180, '1,332'),
  ],
};

import type { EstimationTask } from '../EstimationTask.js';
import type { TaskBattery } from '../TaskBattery.js';
import { TASK_UNITS } from '../taskUnits.js';

const STUDY = 'Silver, Mellers & Tetlock 2021, J. Exp. Soc. Psychol. 96:104157';

/** Jar `n` of Silver et al. 2021, its truth from column Correct of the published data. */
function jar(n: number, truth: number, count: number): EstimationTask {
  return {
    id: `jb${n}`,
    question: `Jar ${n} of 4 is a clear glass jar filled with jelly beans. How many jelly beans are in the jar?`,
    questionSource: `${STUDY}: people saw a photograph of each jar; a language model does not, so its answers measure its prior for such a jar`,
    unit: '',
    unitName: '',
    truth: {
      value: truth,
      source: `${STUDY}, jar Jb${n} (column Correct of the published data): ${truth}`,
      kind: 'count',
      confirmed: true,
    },
    plausibleRange: [10, 100000],
    units: TASK_UNITS.count,
    subject: { kind: 'general', description: 'the number of jelly beans in a jar' },
    humanData: {
      file: `silver_jellybean_Jb${n}.csv`,
      column: 'E1',
      truthColumn: 'Correct',
      note: `${count} first estimates E1 (before the group discussion)`,
    },
  };
}

/** The four jelly-bean jars of Silver, Mellers & Tetlock (2021), with their human crowds. */
export const JELLY_BEANS: TaskBattery = {
  id: 'jelly-beans',
  title: 'Silver et al. 2021: four jars of jelly beans',
  source: `${STUDY}: jars Jb1-Jb4 (packages/data/crowds/silver_jellybean_Jb1..4.csv)`,
  items: [jar(1, 250, 67), jar(2, 888, 191), jar(3, 185, 191), jar(4, 950, 215)],
};

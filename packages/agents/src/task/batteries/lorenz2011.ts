import type { EstimationTask } from '../EstimationTask.js';
import { KM_PER_MILE } from '../haversine.js';
import type { TaskBattery } from '../TaskBattery.js';
import { TASK_UNITS } from '../taskUnits.js';

const STUDY = 'Lorenz, Rauhut, Schweitzer & Helbing 2011, PNAS 108:9020';
const WORDING = `${STUDY}, Table 1 (asked in German; the wording here is an English rendering of the question's subject)`;

/** The item of question `n` of Lorenz et al. 2011, its truth from Dataset S1 (column Truth). */
function lorenzItem(
  n: number,
  id: string,
  question: string,
  truth: number,
  fields: Pick<EstimationTask, 'unit' | 'unitName' | 'units' | 'plausibleRange' | 'subject'> &
    Partial<Pick<EstimationTask, 'confusableUnit'>>,
): EstimationTask {
  return {
    id,
    question,
    questionSource: WORDING,
    ...fields,
    truth: {
      value: truth,
      source: `${STUDY}, question ${n}, Dataset S1 Truth = ${truth}`,
      kind: fields.unit === '' ? 'count' : fields.unit === 'km' ? 'length' : 'density',
      confirmed: true,
    },
    humanData: {
      file: 'lorenz_2011.csv',
      column: 'E1',
      filter: { Question: String(n) },
      truthColumn: 'Truth',
      note: '144 first estimates E1 (before any information about the others), all three conditions',
    },
  };
}

const COUNT = { unit: '', unitName: '', units: TASK_UNITS.count } as const;

/**
 * The six questions of Lorenz et al. (2011), each with the first, independent estimates of its
 * 144 subjects (packages/data/crowds/lorenz_2011.csv, column E1).
 */
export const LORENZ_2011: TaskBattery = {
  id: 'lorenz-2011',
  title: 'Lorenz et al. 2011: six questions about Switzerland (population, geography, crime)',
  source: `${STUDY}, Dataset S1: 144 subjects x 6 questions x 5 rounds`,
  items: [
    lorenzItem(
      1,
      'density',
      'What is the population density of Switzerland, in inhabitants per square kilometre?',
      184,
      {
        unit: '/km²',
        unitName: 'inhabitants per square kilometre',
        units: TASK_UNITS.perSquareKm,
        confusableUnit: { unit: '/mi²', factor: 1 / 2.589988 },
        plausibleRange: [1, 10000],
        subject: { kind: 'general', description: 'Swiss population statistics' },
      },
    ),
    lorenzItem(
      2,
      'italy-border',
      'How long is the border between Switzerland and Italy, in kilometres?',
      734,
      {
        unit: 'km',
        unitName: 'kilometres',
        units: TASK_UNITS.kilometres,
        confusableUnit: { unit: 'mi', factor: KM_PER_MILE },
        plausibleRange: [10, 10000],
        subject: { kind: 'general', description: 'European geography' },
      },
    ),
    lorenzItem(3, 'zurich-immigrants', 'How many new immigrants came to Zurich in 2006?', 10067, {
      ...COUNT,
      plausibleRange: [1, 1000000],
      subject: { kind: 'general', description: 'Swiss migration statistics' },
    }),
    lorenzItem(4, 'murders', 'How many murders were officially registered in Switzerland in 2006?', 198, {
      ...COUNT,
      plausibleRange: [1, 100000],
      subject: { kind: 'general', description: 'Swiss crime statistics' },
    }),
    lorenzItem(5, 'rapes', 'How many rapes were officially registered in Switzerland in 2006?', 639, {
      ...COUNT,
      plausibleRange: [1, 100000],
      subject: { kind: 'general', description: 'Swiss crime statistics' },
    }),
    lorenzItem(6, 'assaults', 'How many assaults were officially registered in Switzerland in 2006?', 9272, {
      ...COUNT,
      plausibleRange: [1, 1000000],
      subject: { kind: 'general', description: 'Swiss crime statistics' },
    }),
  ],
};

import type { EstimationTask, TaskUnit } from '../EstimationTask.js';
import type { TaskBattery } from '../TaskBattery.js';

const SOURCE =
  'calorie-estimation quiz of the Computational Language Understanding lab, University of Arizona (clulab/releases, calorie-estimation)';

/** Calories: the quiz's unit (kilocalories, as food labels count them). */
const KCAL: readonly TaskUnit[] = [
  {
    unit: 'kcal',
    factor: 1,
    aliases: ['kcal', 'kilocalories', 'kilocalorie', 'calories', 'calorie', 'cal', 'cals'],
  },
  { unit: 'kJ', factor: 1 / 4.184, aliases: ['kj', 'kilojoules', 'kilojoule'] },
];

/** questions.csv, in quiz order: label, calGold, gGold, ingredients, isScaled. */
const FOODS: readonly (readonly [string, number, number, 'single' | 'mixed', 'scaled' | 'unscaled'])[] = [
  ['Onions', 200, 475, 'single', 'unscaled'],
  ['Cauliflower', 300, 1200, 'single', 'scaled'],
  ['Avocado', 200, 125, 'single', 'unscaled'],
  ['Gouda Cheese', 300, 84, 'single', 'scaled'],
  ['Brown Rice', 420, 297.7, 'single', 'unscaled'],
  ['Ham', 300, 185.1, 'single', 'scaled'],
  ['Cheeseburger', 270, 104, 'mixed', 'unscaled'],
  ['Hot Dog', 310, 123, 'mixed', 'unscaled'],
  ['Tuna Sandwich', 720, 420, 'mixed', 'scaled'],
  ['Matcha Cake', 136, 40, 'mixed', 'unscaled'],
  ['Baked Potato', 100, 141.7, 'single', 'unscaled'],
  ['Broccoli', 200, 588, 'single', 'unscaled'],
  ['Kiwi Fruit', 200, 328, 'single', 'unscaled'],
  ['Cheddar Cheese', 200, 51, 'single', 'unscaled'],
  ['Cereal', 200, 55, 'single', 'unscaled'],
  ['Pork Salami', 300, 72.9, 'single', 'scaled'],
  ['Long Cheeseburger', 590, 213, 'mixed', 'unscaled'],
  ['Spicy Italian Pizza', 240, 97, 'mixed', 'unscaled'],
  ['Turkey Sandwich', 510, 254, 'mixed', 'scaled'],
  ['Swiss Roll', 251, 96, 'mixed', 'unscaled'],
];

function foodItem(
  [label, kcal, grams, ingredients, scaled]: (typeof FOODS)[number],
  i: number,
): EstimationTask {
  return {
    id: `q${i + 1}`,
    question: `How many calories (kcal) are in ${grams} g of ${label.toLowerCase()}?`,
    questionSource: `${SOURCE}: respondents saw a photograph of the portion (${scaled === 'scaled' ? 'with' : 'without'} a standard-size object for scale); the weight, which the photograph only suggested, is given here instead`,
    unit: 'kcal',
    unitName: 'calories (kcal)',
    truth: {
      value: kcal,
      source: `${SOURCE}, questions.csv row ${i + 1} (${label}, ${grams} g, ${ingredients} ingredient): calGold = ${kcal}`,
      kind: 'energy',
      confirmed: true,
    },
    plausibleRange: [1, 20000],
    units: KCAL,
    subject: { kind: 'general', description: `the energy content of ${label.toLowerCase()}` },
    humanData: {
      file: 'clulab_calorie/responses.csv',
      column: `q${i + 1}`,
      note: `respondents' estimates in column q${i + 1} (2,029 respondents, 5 of them nutrition experts; NA = no answer)`,
    },
  };
}

/** The 20 foods of the clulab calorie-estimation quiz, each with its 2,029-respondent human crowd. */
export const CALORIE_QUIZ: TaskBattery = {
  id: 'calorie-quiz',
  title: 'Calorie quiz: the energy content of 20 food portions',
  source: `${SOURCE}: questions.csv (calGold) and responses.csv (q1..q20)`,
  items: FOODS.map(foodItem),
};

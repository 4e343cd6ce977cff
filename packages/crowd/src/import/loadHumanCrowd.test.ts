import { readFileSync } from 'node:fs';
import { listAllTasks, taskItems } from '@emocrowd/agents';
import { crowdDataPath } from '@emocrowd/data';
import { describe, expect, it } from 'vitest';
import { loadHumanCrowd } from './loadHumanCrowd.js';
import { parseCsvTable } from './parseCsvTable.js';

describe('the human crowds of the built-in tasks', () => {
  const linked = listAllTasks().flatMap((task) =>
    taskItems(task)
      .filter((item) => item.humanData !== undefined)
      .map((item) => ({ task: task.id, item })),
  );

  it('are read for every linked item, and agree with the truth the file gives', () => {
    expect(linked.length).toBe(6 + 34 + 4 + 20 + 4 + 3 + 2);
    const tables = new Map();
    for (const { task, item } of linked) {
      const human = item.humanData;
      if (!human) continue;
      const crowd = loadHumanCrowd(human, item.truth.value, tables);
      expect(crowd.sample.values.length, `${task}/${item.id}`).toBeGreaterThan(30);
      expect(crowd.truth, `${task}/${item.id}`).toBe(item.truth.value);
    }
  });

  it('count the answers the data has (Lorenz 144 each, Jb1 67, calorie q1 1,821 of 2,029)', () => {
    const find = (task: string, item: string) =>
      linked.find((l) => l.task === task && l.item.id === item)?.item;
    const size = (task: string, item: string): number => {
      const it = find(task, item);
      return it?.humanData ? loadHumanCrowd(it.humanData, it.truth.value).sample.values.length : -1;
    };
    expect(size('lorenz-2011', 'assaults')).toBe(144);
    expect(size('jelly-beans', 'jb1')).toBe(67);
    expect(size('calorie-quiz', 'q1')).toBe(1821);
    expect(size('becker-2017', '5a')).toBe(341);
    expect(size('navajas-2018', 'q1')).toBe(1388);
    expect(size('planet-money-cow', 'planet-money-cow')).toBe(17184);
  });

  it('give the calorie quiz the calGold truths of questions.csv, in its order', () => {
    const questions = parseCsvTable(
      readFileSync(crowdDataPath('clulab_calorie/questions.csv'), 'utf8'),
      'questions.csv',
    );
    const calGold = questions.rows.map((row) => Number(row[questions.columns.indexOf('calGold')]));
    const quiz = linked.filter((l) => l.task === 'calorie-quiz').map((l) => l.item.truth.value);
    expect(quiz).toEqual(calGold);
  });
});

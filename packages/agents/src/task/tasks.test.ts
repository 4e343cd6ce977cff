import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DefinitionFileError } from '../file/DefinitionFileError.js';
import { BUILT_IN_TASKS, FARGO, getTask, listTasks, SEATTLE } from './builtInTasks.js';
import { haversineKm, KM_PER_MILE } from './haversine.js';
import { loadTaskFile } from './loadTaskFile.js';

describe('haversineKm', () => {
  it('reproduces Fargo -> Seattle: 1,921 km / 1,194 mi', () => {
    const km = haversineKm(FARGO, SEATTLE);
    expect(Math.round(km)).toBe(1921);
    expect(Math.round(km / KM_PER_MILE)).toBe(1194);
  });
  it('is zero for one point, symmetric, and a quarter meridian pole to equator', () => {
    expect(haversineKm(FARGO, FARGO)).toBe(0);
    expect(haversineKm(SEATTLE, FARGO)).toBeCloseTo(haversineKm(FARGO, SEATTLE), 9);
    expect(haversineKm({ lat: 90, lon: 0 }, { lat: 0, lon: 0 }, 1)).toBeCloseTo(Math.PI / 2, 12);
    expect(haversineKm({ lat: 0, lon: 0 }, { lat: 0, lon: 180 }, 1)).toBeCloseTo(Math.PI, 12);
  });
});

describe('built-in tasks', () => {
  it('include the paper task with the great-circle truth and its driving variant flagged unconfirmed', () => {
    const t = getTask('fargo-seattle');
    expect(t.truth).toMatchObject({ value: 1194, kind: 'great-circle', confirmed: true });
    expect(t.unit).toBe('mi');
    expect(t.confusableUnit?.unit).toBe('km');
    expect(getTask('fargo-seattle-driving').truth).toMatchObject({
      value: 1420,
      kind: 'driving',
      confirmed: false,
    });
    expect(listTasks()[0]?.id).toBe('fargo-seattle');
  });
  it('have at least four other classic questions, each well-formed', () => {
    expect(BUILT_IN_TASKS.length).toBeGreaterThanOrEqual(6);
    expect(new Set(BUILT_IN_TASKS.map((t) => t.id)).size).toBe(BUILT_IN_TASKS.length);
    for (const t of BUILT_IN_TASKS) {
      const [lo, hi] = t.plausibleRange;
      expect(lo < t.truth.value && t.truth.value < hi).toBe(true);
      expect(t.units.find((u) => u.unit === t.unit)?.factor).toBe(1);
      expect(t.truth.source.length).toBeGreaterThan(10);
    }
    expect(getTask('planet-money-cow').truth.value).toBe(1355);
    expect(getTask('jelly-beans-jb1').truth.value).toBe(250);
  });
  it('throw a helpful error for unknown ids', () => {
    expect(() => getTask('moon')).toThrow(/unknown task "moon"; known tasks: fargo-seattle/);
  });
  // That their truths agree with the shipped human data, read with the project's CSV reader, is
  // checked for every linked item in packages/crowd/src/import/loadHumanCrowd.test.ts.
});

describe('loadTaskFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'emocrowd-tasks-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string): string => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  it('reads one task with defaults, and a list with unit tables', () => {
    const [eiffel] = loadTaskFile(
      write(
        'eiffel.yaml',
        'id: eiffel\nquestion: How tall is the Eiffel Tower?\nunit: m\nunitName: metres\ntruth: { value: 330, source: "SETE 2022", kind: length }\nplausibleRange: [10, 5000]\n',
      ),
    );
    expect(eiffel).toMatchObject({ id: 'eiffel', unit: 'm', unitName: 'metres', truth: { confirmed: true } });
    expect(eiffel?.units).toEqual([{ unit: 'm', factor: 1, aliases: ['metres', 'm'] }]);
    expect(eiffel?.subject).toEqual({ kind: 'general', description: 'How tall is the Eiffel Tower?' });
    const tasks = loadTaskFile(
      write(
        'trips.json',
        JSON.stringify({
          tasks: [
            {
              id: 'a',
              question: 'A to B?',
              unit: 'mi',
              unitName: 'miles',
              truth: { value: 10, source: 'map', kind: 'driving', confirmed: false },
              plausibleRange: [1, 100],
              units: 'miles',
              confusableUnit: { unit: 'km', factor: 0.621371 },
            },
            {
              id: 'b',
              question: 'B to C?',
              unit: 'km',
              truth: { value: 10, source: 'map', kind: 'driving' },
              plausibleRange: [1, 100],
              units: [{ unit: 'km', factor: 1, aliases: ['KM'] }],
            },
          ],
        }),
      ),
    );
    expect(tasks.map((t) => t.id)).toEqual(['a', 'b']);
    expect(tasks[0]?.units.find((u) => u.unit === 'km')?.factor).toBeCloseTo(0.621371, 6);
    expect(tasks[1]?.units[0]?.aliases).toEqual(['km']);
  });

  it.each([
    [
      'range.yaml',
      'id: x\nquestion: q\nunit: m\ntruth: { value: 3, source: s, kind: length }\nplausibleRange: [5, 1]\n',
      'range.yaml: plausibleRange: expected min < max',
    ],
    [
      'value.yaml',
      'id: x\nquestion: q\nunit: m\ntruth: { value: three, source: s, kind: length }\nplausibleRange: [1, 5]\n',
      'value.yaml: truth.value: expected a number',
    ],
    [
      'list.yaml',
      'tasks:\n  - id: x\n    question: q\n    unit: m\n    truth: { value: 3, source: s }\n    plausibleRange: [1, 5]\n',
      'list.yaml: tasks[0].truth.kind: expected a string',
    ],
    [
      'units.yaml',
      'id: x\nquestion: q\nunit: m\ntruth: { value: 3, source: s, kind: length }\nplausibleRange: [1, 5]\nunits: [{ unit: ft, factor: 0.3 }]\n',
      'units.yaml: units: expected the task\'s unit "m" with factor 1',
    ],
    [
      'dup.yaml',
      'tasks:\n  - { id: x, question: q, unit: "", truth: { value: 3, source: s, kind: count }, plausibleRange: [1, 5] }\n  - { id: x, question: q, unit: "", truth: { value: 3, source: s, kind: count }, plausibleRange: [1, 5] }\n',
      'dup.yaml: tasks[1].id: expected distinct ids',
    ],
    [
      'extra.yaml',
      'id: x\nquestion: q\nunit: m\ntruth: { value: 3, source: s, kind: length }\nplausibleRange: [1, 5]\nanswer: 3\n',
      'extra.yaml: unknown key "answer"',
    ],
  ])('%s gives a one-line error', (name, text, expected) => {
    const file = write(name, text);
    let message = '';
    try {
      loadTaskFile(file);
    } catch (err) {
      expect(err).toBeInstanceOf(DefinitionFileError);
      message = (err as Error).message.replace(`${dir}/`, '');
    }
    expect(message.startsWith(expected)).toBe(true);
    expect(message).not.toContain('\n');
  });
});

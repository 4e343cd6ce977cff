import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { answerSeed } from '../agent/answerSeed.js';
import { DefinitionFileError } from '../file/DefinitionFileError.js';
import { US_CITIES } from './batteries/usCityDistances.js';
import { BUILT_IN_BATTERIES, findTask, getBattery, listAllTasks } from './builtInBatteries.js';
import { getTask } from './builtInTasks.js';
import { fillTemplate } from './fillTemplate.js';
import { parseIso6709 } from './iso6709.js';
import { loadTaskFile } from './loadTaskFile.js';
import { isBattery, type TaskBattery, taskItems } from './TaskBattery.js';

describe('built-in batteries', () => {
  it('have the items the studies have, each a well-formed question with its source', () => {
    const sizes = Object.fromEntries(BUILT_IN_BATTERIES.map((b) => [b.id, b.items.length]));
    expect(sizes).toEqual({
      'lorenz-2011': 6,
      'becker-2017': 34,
      'navajas-2018': 4,
      'calorie-quiz': 20,
      'jelly-beans': 4,
      'us-city-distances': 36,
    });
    for (const battery of BUILT_IN_BATTERIES) {
      expect(new Set(battery.items.map((i) => i.id)).size, battery.id).toBe(battery.items.length);
      for (const item of battery.items) {
        const [lo, hi] = item.plausibleRange;
        expect(lo < item.truth.value && item.truth.value < hi, `${battery.id}/${item.id}`).toBe(true);
        expect(item.units.find((u) => u.unit === item.unit)?.factor).toBe(1);
        expect(item.truth.source.length).toBeGreaterThan(20);
        expect(item.id).toMatch(/^[a-z0-9][a-z0-9-]*$/);
      }
    }
  });

  it('link every item of the studies to its human crowd, and none of the city distances', () => {
    for (const battery of BUILT_IN_BATTERIES) {
      for (const item of battery.items) {
        if (battery.id === 'us-city-distances') expect(item.humanData).toBeUndefined();
        else expect(item.humanData?.column, `${battery.id}/${item.id}`).toBeTruthy();
      }
    }
    expect(getBattery('calorie-quiz').items[16]?.humanData).toMatchObject({
      file: 'clulab_calorie/responses.csv',
      column: 'q17',
    });
    expect(getBattery('lorenz-2011').items[2]?.humanData?.filter).toEqual({ Question: '3' });
  });

  it('carry the Lorenz truths of Dataset S1 and keep the single Lorenz tasks as items asked alone', () => {
    expect(getBattery('lorenz-2011').items.map((i) => i.truth.value)).toEqual([
      184, 734, 10067, 198, 639, 9272,
    ]);
    const single = getTask('lorenz-swiss-italy-border');
    const item = getBattery('lorenz-2011').items[1];
    expect({ ...single, id: 'italy-border' }).toEqual(item);
  });

  it('compute the city distances from time-zone coordinates (checked with the spherical law of cosines)', () => {
    expect(US_CITIES['new-york']).toMatchObject({ lat: 40 + 42 / 60 + 51 / 3600, lon: -(74 + 23 / 3600) });
    const truth = (id: string): number | undefined =>
      getBattery('us-city-distances').items.find((i) => i.id === id)?.truth.value;
    // python3: R = 6371.0088 km, d = R acos(sin φ1 sin φ2 + cos φ1 cos φ2 cos Δλ), miles = d / 1.609344:
    // New York - Los Angeles 3935.631 km = 2445.49 mi; New York - Chicago 711.97 mi;
    // Denver - Los Angeles 830.10 mi; Indianapolis - Louisville 106.78 mi.
    expect(truth('new-york-los-angeles')).toBe(2445);
    expect(truth('new-york-chicago')).toBe(712);
    expect(truth('denver-los-angeles')).toBe(830);
    expect(truth('louisville-indianapolis')).toBe(107);
    expect(getBattery('us-city-distances').items[0]?.truth.source).toContain('IANA Time Zone Database');
  });

  it('are found by id next to the single tasks', () => {
    expect(isBattery(findTask('lorenz-2011') as TaskBattery)).toBe(true);
    expect(findTask('fargo-seattle')).toBe(getTask('fargo-seattle'));
    expect(findTask('moon')).toBeUndefined();
    expect(taskItems(getTask('fargo-seattle'))).toEqual([getTask('fargo-seattle')]);
    expect(listAllTasks().map((t) => t.id)).toContain('us-city-distances');
    expect(() => getBattery('moon')).toThrow(/unknown battery "moon"; known batteries: lorenz-2011/);
  });
});

describe('answerSeed', () => {
  it('draws anew for each item and keeps the first item on the single-question seed', () => {
    expect(answerSeed(7, 3, 0, 0, 0)).toBe(answerSeed(7, 3));
    expect(answerSeed(7, 3, 0, 0, 0)).toBe(10);
    expect(answerSeed(7, 3, 0, 0, 1)).toBe((10 + 1_000_000_007) % 2 ** 31);
    expect(answerSeed(7, 3, 0, 0, 2)).not.toBe(answerSeed(7, 3, 0, 0, 1));
  });
});

describe('parseIso6709', () => {
  it('reads degrees, minutes and optional seconds with their signs', () => {
    expect(parseIso6709('+404251-0740023')).toEqual({
      lat: 40 + 42 / 60 + 51 / 3600,
      lon: -(74 + 0 / 60 + 23 / 3600),
    });
    expect(parseIso6709('-3352+15113')).toEqual({ lat: -(33 + 52 / 60), lon: 151 + 13 / 60 });
    expect(() => parseIso6709('40.7,-74.0')).toThrow(/not ISO 6709/);
    expect(() => parseIso6709('+9500+00000')).toThrow(/outside the range/);
  });
});

describe('fillTemplate', () => {
  it('fills columns and fields of named records, keeping the type of a lone placeholder', () => {
    const places = { a: { name: 'Alpha' }, b: { name: 'Beta' } };
    expect(
      fillTemplate(
        { q: 'From {from.name} to {to.name} ({n} km)?', truth: { value: '{n}' }, list: ['{from}'] },
        { from: 'a', to: 'b', n: 12 },
        places,
      ),
    ).toEqual({ q: 'From Alpha to Beta (12 km)?', truth: { value: 12 }, list: ['a'] });
    expect(() => fillTemplate('{x}', { y: 1 })).toThrow(/names no column of the row \(it has y\)/);
    expect(() => fillTemplate('{p.name}', { p: 'c' }, places)).toThrow(
      /"c" is not a known name \(known: a, b\)/,
    );
  });
});

describe('loadTaskFile with batteries', () => {
  const dir = mkdtempSync(join(tmpdir(), 'emocrowd-batteries-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string): string => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  writeFileSync(join(dir, 'answers.csv'), 'q,guess\n1,400\n2,300\n');

  it('reads items one by one, with a human crowd next to the file', () => {
    const [battery] = loadTaskFile(
      write(
        'jars.yaml',
        [
          'id: jars',
          'title: Two jars',
          'items:',
          '  - { id: a, question: Jar A?, unit: "", truth: { value: 412, source: counted, kind: count }, plausibleRange: [10, 5000],',
          '      human: { file: answers.csv, column: guess, filter: { q: 1 } } }',
          '  - { id: b, question: Jar B?, unit: "", truth: { value: 250, source: counted, kind: count }, plausibleRange: [10, 5000] }',
        ].join('\n'),
      ),
    );
    expect(battery && isBattery(battery)).toBe(true);
    const items = taskItems(battery as TaskBattery);
    expect(items.map((i) => i.id)).toEqual(['a', 'b']);
    expect(items[0]?.humanData).toEqual({
      file: join(dir, 'answers.csv'),
      column: 'guess',
      filter: { q: '1' },
      note: 'column guess of answers.csv',
    });
    expect((battery as TaskBattery).source).toBe('');
  });

  it('fills a template with each row, computing great-circle truths from sourced places', () => {
    const [battery] = loadTaskFile(
      write(
        'cities.yaml',
        [
          'id: cities',
          'title: Three distances',
          'places:',
          '  nyc: { name: New York City, iso6709: "+404251-0740023", source: tz }',
          '  la: { name: Los Angeles, iso6709: "+340308-1181434", source: tz }',
          '  chi: { name: Chicago, lat: 41.85, lon: -87.65, source: tz }',
          'template:',
          '  id: "{from}-{to}"',
          '  question: What is the straight-line distance between {from.name} and {to.name}?',
          '  unit: mi',
          '  units: miles',
          '  truth: { greatCircle: ["{from}", "{to}"] }',
          '  plausibleRange: [10, 10000]',
          'rows:',
          '  - { from: nyc, to: la }',
          '  - { from: nyc, to: chi }',
        ].join('\n'),
      ),
    );
    const items = taskItems(battery as TaskBattery);
    expect(items.map((i) => [i.id, i.truth.value, i.truth.kind])).toEqual([
      ['nyc-la', 2445, 'great-circle'],
      ['nyc-chi', 712, 'great-circle'],
    ]);
    expect(items[0]?.question).toBe(
      'What is the straight-line distance between New York City and Los Angeles?',
    );
    expect(items[0]?.truth.source).toMatch(
      /^haversine between New York City \(40\.7142, -74\.0064\) and Los Angeles/,
    );
  });

  it.each([
    [
      'row.yaml',
      'id: x\ntitle: t\ntemplate: { id: "{n}", question: "Q {m}?", unit: "", truth: { value: 3, source: s, kind: count }, plausibleRange: [1, 5] }\nrows: [{ n: a }]\n',
      'row.yaml: rows[0]: template: placeholder {m} names no column of the row (it has n)',
    ],
    [
      'value.yaml',
      'id: x\ntitle: t\ntemplate: { id: "i{n}", question: "Q?", unit: "", truth: { value: "{v}", source: s, kind: count }, plausibleRange: [1, 5] }\nrows: [{ n: 1, v: 3 }, { n: 2, v: many }]\n',
      'value.yaml: rows[1].truth.value: expected a number',
    ],
    [
      'circle.yaml',
      'id: x\ntitle: t\nplaces: { a: { name: A, lat: 1, lon: 2, source: s } }\nitems:\n  - { id: i, question: Q?, unit: mi, truth: { greatCircle: [a, b] }, plausibleRange: [1, 5] }\n',
      "circle.yaml: items[0].truth.greatCircle: expected [from, to], two of the battery's places (a)",
    ],
    [
      'dup.yaml',
      'id: x\ntitle: t\nitems:\n  - { id: i, question: Q?, unit: "", truth: { value: 3, source: s, kind: count }, plausibleRange: [1, 5] }\n  - { id: i, question: R?, unit: "", truth: { value: 3, source: s, kind: count }, plausibleRange: [1, 5] }\n',
      'dup.yaml: items[1].id: expected distinct item ids, "i" repeats',
    ],
    [
      'human.yaml',
      'tasks:\n  - id: x\n    title: t\n    items:\n      - { id: i, question: Q?, unit: "", truth: { value: 3, source: s, kind: count }, plausibleRange: [1, 5], human: { file: nothere.csv, column: c } }\n',
      'human.yaml: tasks[0].items[0].human.file: no such file nothere.csv',
    ],
    ['empty.yaml', 'id: x\ntitle: t\nitems: []\n', 'empty.yaml: items: expected at least one item'],
    [
      'half.yaml',
      'id: x\ntitle: t\ntemplate: { id: a }\n',
      'half.yaml: rows: expected template and rows together',
    ],
  ])('%s gives a one-line error naming the item or row', (name, text, expected) => {
    const file = write(name, text);
    let message = '';
    try {
      loadTaskFile(file);
    } catch (err) {
      expect(err).toBeInstanceOf(DefinitionFileError);
      message = (err as Error).message.replace(`${dir}/`, '');
    }
    expect(message.startsWith(expected), message).toBe(true);
    expect(message).not.toContain('\n');
  });
});

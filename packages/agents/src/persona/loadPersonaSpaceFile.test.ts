import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRng } from '@emocrowd/models';
import { afterAll, describe, expect, it } from 'vitest';
import { DefinitionFileError } from '../file/DefinitionFileError.js';
import { loadPersonaSpaceFile } from './loadPersonaSpaceFile.js';
import { resolvePersonas } from './resolvePersonas.js';

const dir = mkdtempSync(join(tmpdir(), 'emocrowd-personas-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, text: string): string => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};

/** The error message with the temp dir stripped, so it reads as the user sees it for a relative path. */
const messageOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(DefinitionFileError);
    const message = (err as Error).message;
    expect(message).not.toContain('\n');
    return message.replace(`${dir}/`, '');
  }
  throw new Error('expected an error');
};

describe('loadPersonaSpaceFile', () => {
  it('reads a YAML product space with built-in and custom dimensions', () => {
    const file = write(
      'locals.yaml',
      `name: locals
emotions: { labels: [joy, anger], intensity: 0.9 }
dimensions:
  - { id: region, values: [pacific-northwest, upper-midwest] }
  - { id: age, values: all }
  - { id: hobby, values: [chess, hiking] }
`,
    );
    const space = loadPersonaSpaceFile(file);
    expect(space.name).toBe('locals');
    expect(space.count).toBe(2 * 2 * 6 * 2);
    const p = space.at(space.count - 1);
    expect(p.emotion).toMatchObject({ label: 'anger', intensity: 0.9 });
    expect(p.attributes).toEqual({ region: 'upper-midwest', age: '65+', hobby: 'hiking' });
  });

  it('reads explicit personas from JSON and a single persona', () => {
    const list = write(
      'people.json',
      JSON.stringify({
        personas: [
          { emotion: 'grief', attributes: { region: 'outside-us' } },
          { emotion: { label: 'rage', model: 'plutchik' } },
          { attributes: { education: 'graduate' } },
        ],
      }),
    );
    const space = loadPersonaSpaceFile(list);
    expect(space.name).toBe('people');
    expect(space.count).toBe(3);
    expect(space.at(1).emotion).toMatchObject({ model: 'plutchik', label: 'rage' });
    expect(space.at(2).emotion).toBeUndefined();
    const one = loadPersonaSpaceFile(
      write('one.yaml', 'persona:\n  emotion: serenity\n  attributes: { age: 18-24 }\n'),
    );
    expect(one.count).toBe(1);
    expect(one.at(0).emotion?.model).toBe('plutchik');
  });

  it.each([
    [
      'personas.yaml',
      'dimensions:\n  - { id: region, values: [upper-midwest] }\n  - { id: age, values: [] }\n  - { id: hobby, values: chess }\n',
      'personas.yaml: dimensions[1].values: expected a non-empty array of strings',
    ],
    [
      'bad-value.yaml',
      'dimensions:\n  - { id: region, values: [upper-midwest, moon] }\n',
      'bad-value.yaml: dimensions[0].values[1]: expected one of pacific-northwest, upper-midwest, elsewhere-us, outside-us, got "moon"',
    ],
    [
      'bad-label.yaml',
      'emotions: { labels: [joy, happiness] }\n',
      'bad-label.yaml: emotions.labels[1]: expected a GoEmotions label',
    ],
    ['bad-key.yaml', 'emotion: { labels: [joy] }\n', 'bad-key.yaml: unknown key "emotion"'],
    ['list.yaml', '- joy\n', 'list.yaml: expected a mapping with emotions / dimensions, personas or persona'],
    [
      'bad-intensity.json',
      '{"emotions": {"intensity": 2}}',
      'bad-intensity.json: emotions.intensity: expected a number from 0 to 1',
    ],
    [
      'bad-persona.yaml',
      'personas:\n  - { emotion: joy, attributes: { age: 200 } }\n',
      'bad-persona.yaml: personas[0].attributes.age: expected a string value',
    ],
    [
      'mixed.yaml',
      'emotions: { labels: [joy] }\npersonas: [{ emotion: joy }]\n',
      'mixed.yaml: personas: expected either',
    ],
    ['empty.yaml', '{}\n', 'empty.yaml: expected emotions, dimensions, personas or persona'],
    ['syntax.yaml', 'dimensions: [\n', 'syntax.yaml: invalid YAML'],
    ['syntax.json', '{"dimensions": ', 'syntax.json: invalid JSON'],
  ])('%s gives a one-line error naming file, path and expectation', (name, text, expected) => {
    const file = write(name, text);
    expect(messageOf(() => loadPersonaSpaceFile(file)).startsWith(expected)).toBe(true);
  });

  it('names a missing file', () => {
    const file = join(dir, 'missing.yaml');
    expect(messageOf(() => loadPersonaSpaceFile(file))).toBe('missing.yaml: cannot read the file (ENOENT)');
  });
});

describe('resolvePersonas', () => {
  it('N samples reproducibly from the default space', () => {
    const a = resolvePersonas('50', { condition: 'combined', rng: createRng(7) });
    const b = resolvePersonas(50, { condition: 'combined', rng: createRng(7) });
    expect(a.count).toBe(50);
    expect(a.space.name).toBe('default');
    expect([...a].map((p) => p.id)).toEqual([...b].map((p) => p.id));
    expect(new Set([...a].map((p) => p.id)).size).toBe(50);
  });
  it('all, paper and a file take every persona in order', () => {
    expect(resolvePersonas('all', { condition: 'combined', rng: createRng(1) }).count).toBe(12096);
    const paper = resolvePersonas('paper', { condition: 'emotion', rng: createRng(1) });
    expect(paper.count).toBe(15064);
    expect(paper.at(3).index).toBe(3);
    const file = write(
      'few.yaml',
      'emotions: { labels: [joy, fear] }\ndimensions: [{ id: gender, values: all }]\n',
    );
    const few = resolvePersonas(file, { condition: 'combined', rng: createRng(1) });
    expect([...few].map((p) => `${p.emotion?.label}/${p.attributes.gender}`)).toEqual([
      'joy/woman',
      'joy/man',
      'joy/non-binary',
      'fear/woman',
      'fear/man',
      'fear/non-binary',
    ]);
  });
  it('filters emotions before sampling, keeping persona indices of the full space', () => {
    const sel = resolvePersonas('paper', {
      condition: 'combined',
      emotions: ['joy', 'anger'],
      rng: createRng(1),
    });
    expect(sel.count).toBe(2 * 538);
    expect(new Set([...sel].map((p) => p.emotion?.label))).toEqual(new Set(['joy', 'anger']));
    expect(sel.at(0).index).toBe(2 * 538); // anger is label 2 of the paper space
    const sampled = resolvePersonas('20', { condition: 'combined', emotions: ['grief'], rng: createRng(5) });
    expect([...sampled].every((p) => p.emotion?.label === 'grief')).toBe(true);
    expect(() =>
      resolvePersonas('5', { condition: 'combined', emotions: ['happy'], rng: createRng(1) }),
    ).toThrow(/unknown emotion happy/);
  });
  it('rejects conditions the personas cannot meet and unknown specs', () => {
    const social = write('social.yaml', 'dimensions: [{ id: age, values: all }]\n');
    expect(() => resolvePersonas(social, { condition: 'emotion', rng: createRng(1) })).toThrow(
      /needs personas with an emotion/,
    );
    const feel = write('feel.yaml', 'emotions: { labels: [joy] }\n');
    expect(() => resolvePersonas(feel, { condition: 'social', rng: createRng(1) })).toThrow(
      /social attributes/,
    );
    expect(() => resolvePersonas('lots', { condition: 'combined', rng: createRng(1) })).toThrow(
      /--personas expects/,
    );
    expect(() => resolvePersonas('0', { condition: 'combined', rng: createRng(1) })).toThrow(/N >= 1/);
  });
});

describe('persona files with BEAM spectra', () => {
  it('sweep one spectrum at chosen levels', () => {
    const file = write(
      'sweep.yaml',
      `emotions: { model: beam, labels: [sadness-joy], intensity: [-1, -0.3, 0, 0.3, 1] }
dimensions:
  - { id: age, values: [25-34, 65+] }
`,
    );
    const space = loadPersonaSpaceFile(file);
    expect(space.count).toBe(10);
    expect([...space.iterate()].map((p) => p.emotion?.signedIntensity)).toEqual([
      -1, -1, -0.3, -0.3, 0, 0, 0.3, 0.3, 1, 1,
    ]);
    const all = loadPersonaSpaceFile(write('all.yaml', 'emotions: { model: beam }\n'));
    expect(all.count).toBe(49);
  });

  it('read BEAM words in explicit personas, with or without the model', () => {
    const file = write(
      'beam-people.yaml',
      `personas:
  - emotion: heroism
  - emotion: { label: anger-peace, intensity: -0.6, model: beam }
`,
    );
    const [hero, angry] = loadPersonaSpaceFile(file).iterate();
    expect(hero?.emotion).toMatchObject({ model: 'beam', spectrum: 'fear-courage', signedIntensity: 1 });
    expect(angry?.emotion).toMatchObject({ model: 'beam', label: 'anger', signedIntensity: -0.6 });
  });

  it('name the path of a bad BEAM entry', () => {
    expect(
      messageOf(() =>
        loadPersonaSpaceFile(write('b1.yaml', 'emotions: { model: beam, labels: [sad-joy] }\n')),
      ),
    ).toMatch(
      /^b1\.yaml: emotions\.labels\[0\]: expected a BEAM spectrum \(fear-courage, .*\) or one of its words \(e\.g\. grief, heroism\), got "sad-joy"$/,
    );
    expect(
      messageOf(() =>
        loadPersonaSpaceFile(write('b2.yaml', 'emotions: { labels: [joy], intensity: [0.5, -0.5] }\n')),
      ),
    ).toBe(
      'b2.yaml: emotions.intensity[1]: expected a number from 0 to 1 for goemotions emotions, got -0.5 (signed levels are for model: beam)',
    );
    expect(
      messageOf(() => loadPersonaSpaceFile(write('b3.yaml', 'emotions: { model: beam, intensity: [2] }\n'))),
    ).toBe('b3.yaml: emotions.intensity[0]: expected a number from 0 to 1 (BEAM: -1 to 1)');
    expect(
      messageOf(() =>
        loadPersonaSpaceFile(write('b4.yaml', 'emotions: { model: beam, labels: [sadness-joy, grief] }\n')),
      ),
    ).toMatch(/^b4\.yaml: emotions: space "b4" lists the emotion beam:sadness-joy@-1 twice$/);
  });
});

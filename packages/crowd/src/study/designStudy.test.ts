import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { designStudy } from './designStudy.js';
import { loadStudyFile } from './loadStudyFile.js';

const dir = mkdtempSync(join(tmpdir(), 'emocrowd-study-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
/** Writes a study file and designs it, as `emocrowd study` does. */
function design(text: string, overrides: string[] = []) {
  const path = join(dir, `study${files++}.yaml`);
  writeFileSync(path, text);
  return designStudy('study.yaml', loadStudyFile(path, 'study.yaml'), overrides);
}
/** The one-line error a design fails with. */
function error(text: string, overrides: string[] = []): string {
  try {
    design(text, overrides);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected the study to be refused');
}

const EXAMPLE = `
name: emotion-vs-social
seed: 42
task: fargo-seattle
personas: 300
factors:
  condition: [emotion, social]
  model: [synthetic]
contrasts:
  - { name: emotion-minus-social, of: condition, a: emotion, b: social }
`;

const PAPER = `
name: paper
seed: 42
personas: paper
factors:
  model: { base: "ollama:llama3.1:8b", tuned: "ollama:emollama" }
  condition: [emotion, social, combined]
contrasts:
  - { of: condition, a: emotion, b: social }
  - { name: tuning, of: model, a: tuned, b: base }
`;

describe('designStudy: cells', () => {
  it('makes the full factorial, named by the factors that vary', () => {
    const study = design(EXAMPLE);
    expect(study.cells.map((c) => c.name)).toEqual(['emotion', 'social']);
    expect(study.cells[0]).toEqual({
      name: 'emotion',
      factors: { condition: 'emotion', model: 'synthetic' },
      settings: {
        task: 'fargo-seattle',
        personas: '300',
        seed: 42,
        condition: 'emotion',
        model: 'synthetic',
      },
    });
    expect(study.report).toEqual({ bootstrap: 2000, permutations: 2000, level: 0.95 });
  });

  it('names levels given as a map, varying the last factor fastest', () => {
    const study = design(PAPER);
    expect(study.cells.map((c) => c.name)).toEqual([
      'base-emotion',
      'base-social',
      'base-combined',
      'tuned-emotion',
      'tuned-social',
      'tuned-combined',
    ]);
    expect(study.cells[3]?.settings.model).toBe('ollama:emollama');
  });

  it('names levels given by value as directory-safe text, and finds them by value too', () => {
    const study = design(`
name: models
factors:
  model: [synthetic, "ollama:llama3.1:8b"]
contrasts:
  - { of: model, a: "ollama:llama3.1:8b", b: synthetic }
`);
    expect(study.cells.map((c) => c.name)).toEqual(['synthetic', 'ollama-llama3.1-8b']);
    expect(study.contrasts[0]).toMatchObject({
      name: 'ollama-llama3.1-8b-minus-synthetic',
      a: 'ollama-llama3.1-8b',
      b: 'synthetic',
    });
  });

  it('takes tasks: [...] as the factor task', () => {
    const study = design('name: t\ntasks: [fargo-seattle, planet-money-cow]\n');
    expect(study.factors).toEqual([
      {
        name: 'task',
        levels: [
          { name: 'fargo-seattle', value: 'fargo-seattle' },
          { name: 'planet-money-cow', value: 'planet-money-cow' },
        ],
      },
    ]);
  });

  it('accepts cells listed one by one, by factor levels or by settings', () => {
    const byLevels = design(`${PAPER.replace('  - { of: condition, a: emotion, b: social }\n', '')}
cells:
  - { model: base, condition: emotion }
  - { name: tuned-emo, model: tuned, condition: emotion }
`);
    expect(byLevels.cells.map((c) => c.name)).toEqual(['base-emotion', 'tuned-emo']);
    expect(byLevels.contrasts.map((c) => [c.name, c.a, c.b])).toEqual([
      ['tuning', 'tuned-emo', 'base-emotion'],
    ]);

    const bySettings = design(`
name: direct
cells:
  - { name: cold, temperature: 0.2 }
  - { name: hot, temperature: 1.2 }
contrasts:
  - { a: hot, b: cold }
  - { name: hot-vs-cold, of: temperature, a: 1.2, b: 0.2 }
`);
    expect(bySettings.factors).toEqual([
      {
        name: 'temperature',
        levels: [
          { name: '0.2', value: 0.2 },
          { name: '1.2', value: 1.2 },
        ],
      },
    ]);
    expect(bySettings.contrasts.map((c) => [c.name, c.a, c.b])).toEqual([
      ['hot-minus-cold', 'hot', 'cold'],
      ['hot-vs-cold', 'hot', 'cold'],
    ]);
  });
});

describe('designStudy: contrasts', () => {
  it('compares two levels once per combination of the other factors (simple effects), naming each', () => {
    const study = design(PAPER);
    expect(study.contrasts.map((c) => [c.name, c.a, c.b])).toEqual([
      ['emotion-minus-social[model=base]', 'base-emotion', 'base-social'],
      ['emotion-minus-social[model=tuned]', 'tuned-emotion', 'tuned-social'],
      ['tuning[condition=emotion]', 'tuned-emotion', 'base-emotion'],
      ['tuning[condition=social]', 'tuned-social', 'base-social'],
      ['tuning[condition=combined]', 'tuned-combined', 'base-combined'],
    ]);
    expect(study.contrasts[0]).toMatchObject({
      of: 'condition',
      levels: { a: 'emotion', b: 'social' },
      at: { model: 'base' },
    });
  });

  it('keeps the combinations at: names, without a suffix when one is left', () => {
    const study = design(
      PAPER.replace(
        '{ name: tuning, of: model, a: tuned, b: base }',
        '{ name: tuning, of: model, a: tuned, b: base, at: { condition: emotion } }',
      ),
    );
    expect(study.contrasts.filter((c) => c.of === 'model').map((c) => c.name)).toEqual(['tuning']);
  });
});

describe('designStudy: --set', () => {
  it('changes a level value and keeps its name, cells and contrasts', () => {
    const study = design(PAPER, ['model.base=synthetic', 'model.tuned=synthetic:emotional', 'replicates=2']);
    expect(study.cells.map((c) => c.name)).toContain('tuned-emotion');
    expect(study.cells.find((c) => c.name === 'tuned-emotion')?.settings).toMatchObject({
      model: 'synthetic:emotional',
      replicates: 2,
    });
    expect(study.fixed.replicates).toBe(2);
    expect(study.overrides).toEqual([
      'model.base=synthetic',
      'model.tuned=synthetic:emotional',
      'replicates=2',
    ]);
  });

  it('refuses assignments that do not fit, naming the flag and the fix', () => {
    expect(error(PAPER, ['model=synthetic'])).toBe(
      '--set model=synthetic: model is a factor of this study; set one of its levels: --set model.base=VALUE (levels: base, tuned)',
    );
    expect(error(PAPER, ['model.large=synthetic'])).toBe(
      '--set model.large=synthetic: no level "large" of model; levels: base, tuned',
    );
    expect(error(PAPER, ['temperature=hot'])).toBe('--set temperature=hot: expected a number');
    expect(error(PAPER, ['colour=red'])).toMatch(
      /^--set colour=red: "colour" is not a run setting; settings: task, personas/,
    );
    expect(error(PAPER, ['seed.x=1'])).toBe(
      '--set seed.x=1: seed is not a factor of this study; fix it with --set seed=VALUE',
    );
    expect(error(PAPER, ['nonsense'])).toMatch(/^--set nonsense: expected FACTOR.LEVEL=VALUE/);
  });
});

describe('designStudy: one-line errors naming the path in the file', () => {
  const cases: [string, string][] = [
    [
      'name: a b\n',
      'study.yaml: name: expected letters, digits, dots, dashes and underscores (it names a directory)',
    ],
    ['name: s\ntemperature: 3\n', 'study.yaml: temperature: expected a number in [0, 2]'],
    [
      'name: s\nfactors:\n  colour: [red]\n',
      'study.yaml: factors.colour: "colour" is not a run setting; settings: task, personas, emotions, emotionModel, intensities, condition, model, hosts, backendOptions, seed, replicates, rounds, influence, network, temperature, maxTokens, keepAlive, timeoutMs, retries, maxPerHost, strategies, subsets, tolerance, groupBy, stop',
    ],
    [
      'name: s\nfactors:\n  condition: [emotion, anger]\n',
      'study.yaml: factors.condition[1]: expected emotion, social or combined',
    ],
    [
      'name: s\nseed: 1\nfactors:\n  seed: [1, 2]\n',
      'study.yaml: factors.seed: seed is fixed at the top of the file; fix it or vary it, not both',
    ],
    [
      'name: s\nfactors:\n  influence: [{ kind: none }]\n',
      'study.yaml: factors.influence[0]: name this level: write influence: { NAME: value, ... }',
    ],
    [
      'name: s\nfactors:\n  replicates: { one: 1, many: 0 }\n',
      'study.yaml: factors.replicates.many: expected a whole number >= 1',
    ],
    [
      'name: s\nfactors:\n  condition: [emotion, social]\ncontrasts:\n  - { of: model, a: x, b: y }\n',
      'study.yaml: contrasts[0].of: no factor "model"; factors: condition',
    ],
    [
      'name: s\nfactors:\n  condition: [emotion, social]\ncontrasts:\n  - { of: condition, a: emotion, b: combined }\n',
      'study.yaml: contrasts[0].b: no level "combined" of condition; levels: emotion, social',
    ],
    [
      'name: s\nfactors:\n  condition: [emotion, social]\ncontrasts:\n  - { a: emotion, b: social, c: 1 }\n',
      'study.yaml: contrasts[0]: unknown key "c"',
    ],
    [
      'name: s\nfactors:\n  condition: [emotion, social]\ncontrasts:\n  - { a: emotion, b: nobody }\n',
      'study.yaml: contrasts[0].b: no cell "nobody"; cells: emotion, social (or give of: FACTOR)',
    ],
    [
      'name: s\nfactors:\n  condition: [emotion, social]\ncells:\n  - { condition: emotion }\n  - { temperature: 1 }\n',
      'study.yaml: cells[0]: give the level of temperature (every cell names one level of every factor)',
    ],
    [
      'name: s\nfactors:\n  condition: [emotion]\ncells:\n  - { condition: emotion, colour: red }\n',
      'study.yaml: cells[0].colour: "colour" is neither a factor nor a run setting',
    ],
    [
      'name: s\ncells:\n  - { emotions: [joy, 3] }\n',
      'study.yaml: cells[0].emotions: expected a list of strings or a comma-separated string',
    ],
    [
      'name: s\nstrategies: [mean, magic]\n',
      'study.yaml: strategies[1]: unknown strategy "magic"; known: mean, median, geometricMean, trimmedMean, winsorizedMean, kdeMode, confidenceWeightedMean, precisionWeightedMean, selectCrowd, bestEmotionSubset',
    ],
    [
      'name: s\nmax-tokens: 5\n',
      'study.yaml: unknown key "max-tokens"; a study has name, description, factors, tasks, cells, contrasts, report and the run settings task, personas, emotions, emotionModel, intensities, condition, model, hosts, backendOptions, seed, replicates, rounds, influence, network, temperature, maxTokens, keepAlive, timeoutMs, retries, maxPerHost, strategies, subsets, tolerance, groupBy, stop',
    ],
    [
      'name: s\nfactors:\n  condition: [emotion, social]\ncontrasts:\n  - { of: condition, a: emotion, b: emotion }\n',
      'study.yaml: contrasts[0]: a and b name the same thing; a contrast compares two',
    ],
    ['name: s\nreport:\n  bootstrap: 10\n', 'study.yaml: report.bootstrap: expected at least 100 resamples'],
    ['factors: {}\n', 'study.yaml: name: expected a string'],
    ['name: s\n  bad: [\n', 'study.yaml: invalid YAML'],
  ];
  for (const [text, message] of cases) {
    it(message.slice(12, 90), () => {
      const got = error(text);
      expect(got.split('\n')).toHaveLength(1);
      if (message.endsWith('invalid YAML')) expect(got.startsWith(message)).toBe(true);
      else expect(got).toBe(message);
    });
  }
});

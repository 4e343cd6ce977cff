import { createRng } from '@emocrowd/models';
import { describe, expect, it } from 'vitest';
import { builtInEmotions } from './builtInEmotions.js';
import { defaultSpace } from './defaultSpace.js';
import { createPersonaSpace } from './PersonaSpace.js';
import { paperSpace } from './paperSpace.js';
import { resolvePersonas } from './resolvePersonas.js';

const SOCIAL = 4 * 6 * 3 * 6;

describe('built-in spaces with other emotion models and intensity sweeps', () => {
  it('keep the published default space unchanged', () => {
    const space = defaultSpace();
    expect(space.name).toBe('default');
    expect(space.count).toBe(28 * SOCIAL);
  });

  it('range over the seven BEAM spectra at seven levels', () => {
    const space = defaultSpace({ emotionModel: 'beam' });
    expect(space.name).toBe('default-beam');
    expect(space.count).toBe(7 * 7 * SOCIAL);
    expect(space.emotionLabels).toHaveLength(49);
    const first = space.at(0).emotion;
    expect(first).toMatchObject({
      model: 'beam',
      spectrum: 'fear-courage',
      signedIntensity: -1,
      label: 'terror',
    });
    // label-major: the levels of one spectrum follow each other
    expect(space.at(SOCIAL).emotion?.label).toBe('fear');
  });

  it('sweep the given levels, for every model', () => {
    const beam = defaultSpace({ emotionModel: 'beam', intensities: [-1, 0, 1] });
    expect(beam.name).toBe('default-beam@-1,0,1');
    expect(beam.count).toBe(7 * 3 * SOCIAL);
    const go = defaultSpace({ intensities: [0.3, 1] });
    expect(go.count).toBe(56 * SOCIAL);
    expect(go.at(SOCIAL).emotion).toMatchObject({ label: 'admiration', intensity: 1 });
    const plutchik = builtInEmotions({ emotionModel: 'plutchik', intensities: [0.2, 0.9] });
    expect(plutchik.labels).toHaveLength(8);
    expect(builtInEmotions({ emotionModel: 'plutchik' }).labels).toHaveLength(24);
    expect(paperSpace({ emotionModel: 'beam', intensities: [0.3] }).count).toBe(7 * 538);
  });

  it('refuse intensities outside the model’s range, repeated, or the same feeling twice', () => {
    expect(() => defaultSpace({ intensities: [-0.3] })).toThrow(/--intensities: -0.3 is outside 0 to 1/);
    expect(() => defaultSpace({ emotionModel: 'beam', intensities: [1.5] })).toThrow(/outside -1 to 1/);
    expect(() => defaultSpace({ intensities: [0.3, 0.3] })).toThrow(/each intensity once/);
    expect(() =>
      createPersonaSpace({
        name: 'x',
        emotions: { model: 'beam', labels: ['sadness-joy', 'grief'] },
        dimensions: [],
      }),
    ).toThrow(/lists the emotion beam:sadness-joy@-1 twice/);
  });

  it('filter BEAM emotions by spectrum or by word', () => {
    const rng = createRng(1);
    const sweep = resolvePersonas('all', {
      condition: 'combined',
      emotionModel: 'beam',
      emotions: ['sadness-joy'],
      rng,
    });
    expect(sweep.count).toBe(7 * SOCIAL);
    const levels = new Set([...sweep].map((p) => p.emotion?.signedIntensity));
    expect([...levels]).toEqual([-1, -0.6, -0.3, 0, 0.3, 0.6, 1]);
    const two = resolvePersonas('all', {
      condition: 'emotion',
      emotionModel: 'beam',
      emotions: ['grief', 'heroism'],
      rng,
    });
    expect(two.count).toBe(2 * SOCIAL);
    expect(() =>
      resolvePersonas('all', { condition: 'emotion', emotionModel: 'beam', emotions: ['joyful'], rng }),
    ).toThrow(/unknown emotion joyful/);
  });

  it('refuse --emotion-model and --intensities with a persona file', () => {
    expect(() =>
      resolvePersonas('crowd.yaml', { condition: 'combined', emotionModel: 'beam', rng: createRng(1) }),
    ).toThrow(/--emotion-model applies to the built-in spaces/);
    expect(() =>
      resolvePersonas('crowd.yaml', { condition: 'combined', intensities: [0.2], rng: createRng(1) }),
    ).toThrow(/--intensities applies to the built-in spaces; a persona file sets its own emotions.intensity/);
  });
});

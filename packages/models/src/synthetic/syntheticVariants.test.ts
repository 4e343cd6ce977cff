import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ModelRequest, SimulationHints } from '../ModelBackend.js';
import { ModelError } from '../ModelError.js';
import { parseModelSpec } from '../parseModelSpec.js';
import { SyntheticModel } from './SyntheticModel.js';
import { SYNTHETIC_PARAMETERS } from './syntheticParameters.js';
import { SYNTHETIC_VARIANTS, syntheticVariant } from './syntheticVariants.js';

const request = (seed: number, extra: Partial<SimulationHints> = {}): ModelRequest => ({
  messages: [{ role: 'user', content: 'How far?' }],
  options: { seed },
  hints: { truth: 1194, unit: 'mi', ...extra },
  schema: { type: 'object', properties: { estimate: { type: 'number' } } },
});

function estimates(model: SyntheticModel, n: number, extra: Partial<SimulationHints>): number[] {
  return Array.from({ length: n }, (_, seed) => {
    const structured = model.generateNow(request(seed, extra)).structured as
      | { estimate?: number }
      | undefined;
    return structured?.estimate ?? Number.NaN;
  }).filter(Number.isFinite);
}

const logMean = (xs: number[]): number => xs.reduce((s, x) => s + Math.log(x), 0) / xs.length;

describe('synthetic:emotional', () => {
  it('is chosen with synthetic:emotional and says so in its id', () => {
    expect(parseModelSpec('synthetic:emotional')).toEqual({ backend: 'synthetic', model: 'emotional' });
    const model = new SyntheticModel({ variant: 'emotional' });
    expect(model.info()).toMatchObject({
      id: 'synthetic:emotional',
      backend: 'synthetic',
      isLanguageModel: false,
    });
    expect(model.generateNow(request(1)).model).toBe('synthetic:emotional');
    expect(new SyntheticModel().info().id).toBe('synthetic');
  });

  it('names the known variants when one is unknown', () => {
    expect(() => parseModelSpec('synthetic:calm')).toThrow(ModelError);
    expect(() => parseModelSpec('synthetic:calm')).toThrow(
      '--model synthetic:calm: no such variant of the synthetic model; use synthetic or synthetic:emotional',
    );
    expect(parseModelSpec('synthetic')).toEqual({ backend: 'synthetic', model: 'synthetic' });
    expect(() => syntheticVariant('calm')).toThrow(/known: emotional/);
    expect(() => new SyntheticModel({ variant: 'toString' })).toThrow(RangeError);
  });

  it('changes only emotion parameters, each in the default direction and stronger', () => {
    const changed = SYNTHETIC_VARIANTS.emotional?.parameters ?? {};
    expect(Object.keys(changed).sort()).toEqual(
      [
        'anchorWeightArousalSlope',
        'arousalLogBias',
        'arousalSdSlope',
        'confidenceValenceSlope',
        'valenceLogBias',
      ].sort(),
    );
    for (const [key, value] of Object.entries(changed)) {
      const base = SYNTHETIC_PARAMETERS[key as keyof typeof SYNTHETIC_PARAMETERS] as number;
      expect(Math.sign(value as number), key).toBe(Math.sign(base));
      expect(Math.abs(value as number), key).toBeGreaterThanOrEqual(2 * Math.abs(base));
    }
  });

  it('is documented in docs/synthetic-model.md with every parameter it changes', () => {
    const doc = readFileSync(new URL('../../../../docs/synthetic-model.md', import.meta.url), 'utf8');
    for (const variant of Object.values(SYNTHETIC_VARIANTS)) {
      const row = doc.split('\n').find((line) => line.startsWith(`| \`synthetic:${variant.name}\` |`));
      expect(row, variant.name).toBeDefined();
      for (const [key, value] of Object.entries(variant.parameters))
        expect(row, key).toContain(`\`${key}\` ${Math.round((value as number) * 1e6) / 1e6}`);
    }
  });

  it('answers exactly like the default model when the hints carry no emotion', () => {
    const plain = new SyntheticModel();
    const emotional = new SyntheticModel({ variant: 'emotional' });
    for (let seed = 0; seed < 200; seed++) {
      const hints = { familiarity: 0.3, numeracy: 0.7 };
      expect(emotional.generateNow(request(seed, hints)).text).toBe(
        plain.generateNow(request(seed, hints)).text,
      );
    }
  });

  it('moves a sad crowd further from a joyful one than the default model does', () => {
    const sad = { emotion: { label: 'sadness', valence: -0.7, arousal: -0.4, intensity: 0.9 } };
    const joy = { emotion: { label: 'joy', valence: 0.8, arousal: 0.5, intensity: 0.9 } };
    const gap = (model: SyntheticModel): number =>
      logMean(estimates(model, 2000, sad)) - logMean(estimates(model, 2000, joy));
    const plainGap = gap(new SyntheticModel());
    const emotionalGap = gap(new SyntheticModel({ variant: 'emotional' }));
    // Expected log gaps from the bias equation: 0.12 x 1.5 x 0.9 - 0.04 x 0.9 x 0.9 = 0.13 (default),
    // three times that for the variant (0.39); 2,000 answers per crowd put the standard error of
    // each gap near 0.55 x sqrt(2 / 2000) = 0.017 (plus rounding), so the bands below are > 5 SE wide.
    expect(plainGap).toBeGreaterThan(0.05);
    expect(plainGap).toBeLessThan(0.22);
    expect(emotionalGap).toBeGreaterThan(0.28);
    expect(emotionalGap).toBeLessThan(0.5);
  });
});

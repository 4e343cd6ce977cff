import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveSyntheticParameters, SYNTHETIC_PARAMETERS } from './syntheticParameters.js';

describe('SYNTHETIC_PARAMETERS', () => {
  it('matches the parameter table of docs/synthetic-model.md', () => {
    const doc = readFileSync(new URL('../../../../docs/synthetic-model.md', import.meta.url), 'utf8');
    const rows = [...doc.matchAll(/^\| `(\w+)` \| ([^|]+) \|/gm)].map((m) => [
      m[1] as string,
      (m[2] as string).trim(),
    ]);
    const documented = Object.fromEntries(rows);
    expect(Object.keys(documented).sort()).toEqual(Object.keys(SYNTHETIC_PARAMETERS).sort());
    for (const [key, value] of Object.entries(SYNTHETIC_PARAMETERS)) {
      expect(documented[key], key).toBe(String(value));
    }
  });

  it('keeps a default crowd inside the human log-sd band 0.4-0.8 (Lorenz 2011; jelly-bean data)', () => {
    expect(SYNTHETIC_PARAMETERS.baseLogSd).toBeGreaterThanOrEqual(0.4);
    expect(SYNTHETIC_PARAMETERS.baseLogSd).toBeLessThanOrEqual(0.8);
    expect(SYNTHETIC_PARAMETERS.baseLogBias).toBeLessThan(0);
  });
});

describe('resolveSyntheticParameters', () => {
  it('merges overrides into the defaults', () => {
    const params = resolveSyntheticParameters({ refusalRate: 0.2 });
    expect(params.refusalRate).toBe(0.2);
    expect(params.baseLogSd).toBe(SYNTHETIC_PARAMETERS.baseLogSd);
    expect(Object.isFrozen(params)).toBe(true);
  });

  it('rejects out-of-range values with the parameter name', () => {
    expect(() => resolveSyntheticParameters({ rangeRate: -0.1 })).toThrow(/rangeRate/);
    expect(() => resolveSyntheticParameters({ unitConfusionRate: 2 })).toThrow(/unitConfusionRate/);
    expect(() => resolveSyntheticParameters({ revisionLogSd: -1 })).toThrow(/revisionLogSd/);
    expect(() => resolveSyntheticParameters({ rangeHalfWidth: 1 })).toThrow(/rangeHalfWidth/);
    expect(() => resolveSyntheticParameters({ anchorWeightMin: 0.72 })).toThrow(/anchorWeightMin/);
    expect(() => resolveSyntheticParameters({ anchorWeightConcentration: 0 })).toThrow(
      /anchorWeightConcentration/,
    );
    expect(() => resolveSyntheticParameters({ revisionNoiseShare: -0.1 })).toThrow(/revisionNoiseShare/);
    expect(() => resolveSyntheticParameters({ arousalSdSlope: Number.POSITIVE_INFINITY })).toThrow(
      /arousalSdSlope/,
    );
  });
});

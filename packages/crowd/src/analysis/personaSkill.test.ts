import { describe, expect, it } from 'vitest';
import { personaSkill } from './personaSkill.js';
import { respondentErrors } from './respondentErrors.js';
import type { BatteryItem } from './summarizeBattery.js';

/** e[r][i] = |ln(x/T)| chosen by hand; x = 100 exp(e), T = 100. */
const E = [
  [0.1, 0.2, 0.3, 0.1],
  [0.5, 0.4, 0.6, 0.7],
  [0.2, 0.1, 0.2, 0.3],
  [1.0, 0.8, 0.9, 1.2],
  [0.3, 0.6, 0.2, 0.5],
  [0.7, 0.3, 0.8, 0.2],
];
const items: BatteryItem[] = [0, 1, 2, 3].map((i) => ({
  id: `q${i + 1}`,
  truth: 100,
  sample: {
    values: E.map((row, r) => 100 * Math.exp((r % 2 === 0 ? 1 : -1) * (row[i] as number))),
    groups: { team: E.map((_, r) => (r < 3 ? 'a' : 'b')) },
  },
  respondents: E.map((_, r) => `r${r}`),
}));

describe('personaSkill', () => {
  const skill = personaSkill(items, respondentErrors(items), { seed: 3 });

  it('is the mean |ln(x/T)| over the items answered, over- and under-estimates alike', () => {
    expect(skill.n).toBe(6);
    const expected = [0.175, 0.55, 0.2, 0.975, 0.4, 0.5];
    skill.respondents.forEach((r, k) => {
      expect(r.id).toBe(`r${k}`);
      expect(r.items).toBe(4);
      expect(r.skill).toBeCloseTo(expected[k] as number, 12);
    });
  });

  it('reports odd-even split-half reliability, Spearman-Brown corrected (checked with python3)', () => {
    // python3: statistics.correlation(odd, even) over the means of items (1, 3) and (2, 4):
    // r = 0.6693953124683557, 2r / (1 + r) = 0.8019614137751383.
    expect(skill.reliability.method).toBe('odd-even');
    expect(skill.reliability.respondents).toBe(6);
    expect(skill.reliability.halfCorrelation).toBeCloseTo(0.6693953124683557, 12);
    expect(skill.reliability.spearmanBrown).toBeCloseTo(0.8019614137751383, 12);
  });

  it('breaks skill down by group with the share of variance between groups', () => {
    const team = skill.byGroup.team;
    // python3: SS_between / SS_total = 0.3521951219512194; group means 0.3083, 0.625.
    expect(team?.eta2).toBeCloseTo(0.3521951219512194, 12);
    expect(team?.groups.map((g) => [g.label, g.n])).toEqual([
      ['a', 3],
      ['b', 3],
    ]);
    expect(team?.groups[0]?.mean).toBeCloseTo(0.925 / 3, 12);
    for (const g of team?.groups ?? []) expect(g.lower <= g.mean && g.mean <= g.upper).toBe(true);
  });

  it('leaves out answers <= 0 and respondents without any error', () => {
    const odd: BatteryItem[] = [
      { id: 'a', truth: 10, sample: { values: [10, 0, -5] }, respondents: ['x', 'y', 'z'] },
      { id: 'b', truth: 10, sample: { values: [20, 0] }, respondents: ['x', 'y'] },
    ];
    const s = personaSkill(odd, respondentErrors(odd));
    expect(s.respondents.map((r) => [r.id, r.items])).toEqual([['x', 2]]);
    expect(s.respondents[0]?.skill).toBeCloseTo(Math.log(2) / 2, 12);
    expect(s.reliability.halfCorrelation).toBeNaN();
  });
});

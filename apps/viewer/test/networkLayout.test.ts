import { describe, expect, it } from 'vitest';
import { answerColour } from '../src/charts/NetworkChart.js';
import { networkLayout } from '../src/charts/networkLayout.js';

describe('networkLayout', () => {
  it('draws a lattice as its grid, row by row', () => {
    // lattice:2x3: node i at row ⌊i / 3⌋, column i mod 3
    expect(networkLayout('lattice', 'lattice:2x3', 6, [4, 4, 4, 4, 4, 4])).toEqual([
      { x: 0, y: 0 },
      { x: 0.5, y: 0 },
      { x: 1, y: 0 },
      { x: 0, y: 1 },
      { x: 0.5, y: 1 },
      { x: 1, y: 1 },
    ]);
    // without a shape: R the largest divisor of n not above √n (12 -> 3 x 4)
    const plain = networkLayout('lattice', 'lattice', 12, new Array(12).fill(4));
    expect(new Set(plain.map((p) => p.y)).size).toBe(3);
    expect(new Set(plain.map((p) => p.x)).size).toBe(4);
  });

  it('puts a star’s hub in the centre and every other node on the circle', () => {
    const points = networkLayout('star', 'star', 5, [1, 1, 4, 1, 1]);
    expect(points[2]).toEqual({ x: 0.5, y: 0.5 });
    for (const i of [0, 1, 3, 4]) {
      const p = points[i] as { x: number; y: number };
      expect(Math.hypot(p.x - 0.5, p.y - 0.5)).toBeCloseTo(0.5, 12);
    }
  });

  it('puts the other kinds on a circle in node order, the first at the top', () => {
    const points = networkLayout('ring', 'ring', 4, [2, 2, 2, 2]);
    expect(points[0]?.x).toBeCloseTo(0.5, 12);
    expect(points[0]?.y).toBeCloseTo(0, 12);
    expect(points[1]?.x).toBeCloseTo(1, 12);
    expect(points[2]?.y).toBeCloseTo(1, 12);
  });
});

describe('answerColour', () => {
  it('is white at the truth, full blue or red at a factor e off, grey without a positive number', () => {
    expect(answerColour(100, 100)).toBe('rgb(248, 250, 252)');
    expect(answerColour(100 / Math.E ** 2, 100)).toBe('rgb(37, 99, 235)');
    expect(answerColour(100 * Math.E, 100)).toBe('rgb(220, 38, 38)');
    expect(answerColour(undefined, 100)).toBe('#d1d5db');
    expect(answerColour(0, 100)).toBe('#d1d5db');
    expect(answerColour(-5, 100)).toBe('#d1d5db');
  });
});

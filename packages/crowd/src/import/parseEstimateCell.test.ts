import { describe, expect, it } from 'vitest';
import { parseEstimateCell } from './parseEstimateCell.js';

describe('parseEstimateCell', () => {
  it('reads decimal numbers, exponents and thousands separators', () => {
    expect(parseEstimateCell('1200')).toBe(1200);
    expect(parseEstimateCell(' -3.5e2 ')).toBe(-350);
    expect(parseEstimateCell('1,194')).toBe(1194);
    expect(parseEstimateCell('.5')).toBe(0.5);
    expect(parseEstimateCell('1e-400')).toBe(0);
    expect(parseEstimateCell(7)).toBe(7);
  });

  it('says why a cell is not a number: empty, missing marker, or text', () => {
    expect(parseEstimateCell('')).toBe('empty');
    expect(parseEstimateCell(null)).toBe('empty');
    for (const cell of ['NA', 'n/a', 'NaN', 'null', '-', '?'])
      expect(parseEstimateCell(cell), cell).toBe('missing');
    for (const cell of ['abc', '0x10', 'Infinity', '12 miles', '1,19,4', true])
      expect(parseEstimateCell(cell)).toBe('text');
    expect(parseEstimateCell(Number.NaN)).toBe('missing');
  });

  it('never returns a non-finite number: overflowing cells are text, like words', () => {
    for (const cell of [
      '1e400',
      '-1e400',
      '1,000e400',
      '9'.repeat(400),
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
    ])
      expect(parseEstimateCell(cell), String(cell).slice(0, 20)).toBe('text');
  });
});

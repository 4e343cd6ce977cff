import { describe, expect, it } from 'vitest';
import { formatNumber } from './formatNumber.js';

describe('formatNumber', () => {
  it('groups thousands', () => {
    expect(formatNumber(1300, 'grouped')).toBe('1,300');
    expect(formatNumber(1234567, 'grouped')).toBe('1,234,567');
    expect(formatNumber(999, 'grouped')).toBe('999');
    expect(formatNumber(12345.5, 'grouped')).toBe('12,345.5');
    expect(formatNumber(0.15, 'grouped')).toBe('0.15');
  });

  it('writes plain numbers and shorthand', () => {
    expect(formatNumber(1300, 'plain')).toBe('1300');
    expect(formatNumber(1300, 'shorthand')).toBe('1.3k');
    expect(formatNumber(1250, 'shorthand')).toBe('1.25k');
    expect(formatNumber(2000, 'shorthand')).toBe('2k');
    expect(formatNumber(950, 'shorthand')).toBe('950');
  });

  it('agrees with Intl grouping for integers', () => {
    for (let x = 1; x < 1e9; x = Math.floor(x * 3.7) + 1) {
      expect(formatNumber(x, 'grouped')).toBe(x.toLocaleString('en-US'));
    }
  });
});

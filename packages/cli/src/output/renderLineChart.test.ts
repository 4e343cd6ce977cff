import { describe, expect, it } from 'vitest';
import { renderLineChart } from './renderLineChart.js';

describe('renderLineChart', () => {
  it('puts points where a log-x, linear-y scale says, with axis labels and a legend', () => {
    const chart = renderLineChart(
      [
        {
          label: 'rising',
          points: [
            { x: 1, y: 0 },
            { x: 10, y: 0.5 },
            { x: 100, y: 1 },
          ],
        },
        {
          label: 'flat',
          points: [
            { x: 1, y: 0.5 },
            { x: 100, y: 0.5 },
          ],
        },
      ],
      { width: 21, height: 5, logX: true, yMin: 0, yMax: 1, ascii: true, xLabel: 'k' },
    );
    const lines = chart.trimEnd().split('\n');
    const plot = lines.slice(0, 5).map((line) => line.slice(line.indexOf('|') + 1));
    // log10: 1 -> column 0, 10 -> column 10, 100 -> column 20; y 1 on top, 0.5 in the middle, 0 at the bottom.
    expect(plot[4]?.[0]).toBe('*');
    expect(plot[2]?.[10]).toBe('o'); // the later series draws over the earlier one where they meet
    expect(plot[0]?.[20]).toBe('*');
    expect(plot[2]?.replaceAll(' ', '')).toMatch(/^o+\*?o+$/);
    expect(lines[0]).toMatch(/^ {2}1 \|/);
    expect(lines[2]).toMatch(/^0\.5 \|/);
    expect(lines[4]).toMatch(/^ {2}0 \|/);
    expect(lines[6]?.trim()).toMatch(/^1\s+10\s+100$/);
    expect(lines).toContain('    k (log scale)');
    expect(lines).toContain('    * rising');
    expect(lines).toContain('    o flat');
  });

  it('leaves out points it cannot place and draws nothing without data', () => {
    expect(
      renderLineChart(
        [
          {
            label: 'none',
            points: [
              { x: 0, y: 1 },
              { x: 5, y: Number.NaN },
            ],
          },
        ],
        { logX: true },
      ),
    ).toBe('');
  });
});

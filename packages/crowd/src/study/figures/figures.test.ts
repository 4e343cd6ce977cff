import { describe, expect, it } from 'vitest';
import type { ContrastMetric } from '../contrastMetrics.js';
import type { StudyReportContrast } from '../StudyReport.js';
import { contrastForestSvg } from './contrastForestSvg.js';
import { contrastHistogramSvg } from './contrastHistogramSvg.js';
import { escapeMarkup, formatFigureNumber, linearTicks, logTicks } from './svgMarkup.js';

const metric = (estimate: number, lo: number, hi: number): ContrastMetric => ({
  estimate,
  ci: [lo, hi],
  a: 0,
  b: 0,
  p: 0.5,
  pHolm: 1,
  pStandardError: 0.01,
  effectSize: { kind: 'dz', value: 0 },
  n: { a: 10, b: 10 },
});

const contrast = (name: string, metrics: Record<string, ContrastMetric>): StudyReportContrast => ({
  name,
  a: 'x',
  b: 'y',
  pairing: null,
  metrics,
  histogram: null,
  notes: [],
});

describe('svgMarkup', () => {
  it('escapes every character that could open markup or leave an attribute', () => {
    expect(escapeMarkup(`<img src=x onerror="a('&')">`)).toBe(
      '&#60;img src=x onerror=&#34;a(&#39;&#38;&#39;)&#34;&#62;',
    );
  });

  it('puts log ticks on powers of ten, adding 2 and 5 or 1..9 when too few fall inside, else linear steps', () => {
    expect(logTicks(3, 40_000)).toEqual([10, 100, 1000, 10_000]);
    expect(logTicks(150, 4000)).toEqual([200, 500, 1000, 2000]);
    expect(logTicks(1100, 1900)).toEqual([1200, 1400, 1600, 1800]);
    expect(logTicks(250, 260)).toEqual([250, 255, 260]);
  });

  it('puts linear ticks on steps of 1, 2 or 5 times a power of ten, 0 exactly', () => {
    expect(linearTicks(-0.13, 0.27, 4)).toEqual([-0.1, 0, 0.1, 0.2]);
    expect(linearTicks(0, 1, 4)).toEqual([0, 0.5, 1]);
  });

  it('shortens numbers and shows a dash for what is not finite', () => {
    expect([
      formatFigureNumber(1194),
      formatFigureNumber(15_064),
      formatFigureNumber(Number.NaN),
      formatFigureNumber(null),
    ]).toEqual(['1194', '15.1k', '–', '–']);
  });
});

describe('contrastForestSvg', () => {
  it('draws a row per contrast; a row without the metric or with an interval that is not finite has no mark', () => {
    const svg = contrastForestSvg(
      [
        contrast('one', { m: metric(0.1, 0.05, 0.2) }),
        contrast('<two>', {}),
        contrast('three', { m: metric(0.1, Number.NaN, 0.2) }),
        contrast('four', { m: metric(-0.1, -0.3, 0.05) }),
      ],
      'm',
      0.95,
    ) as string;
    expect(svg.match(/<circle class="estimate"/g)).toHaveLength(2);
    expect(svg).toContain('&#60;two&#62;');
    expect(svg).not.toContain('<two>');
    // positions: the axis runs from min(0, lows) to max(0, highs), padded; the row of "one" is right of zero.
    const cx = [...svg.matchAll(/cx="([\d.]+)"/g)].map((m) => Number(m[1]));
    const zero = Number(/class="zero" x1="([\d.]+)"/.exec(svg)?.[1]);
    expect(cx[0]).toBeGreaterThan(zero);
    expect(cx[1]).toBeLessThan(zero);
  });

  it('is undefined when no contrast has the metric', () => {
    expect(contrastForestSvg([contrast('one', {})], 'm', 0.95)).toBeUndefined();
  });
});

describe('contrastHistogramSvg', () => {
  it('draws each cell as the share of its answers, so a crowd twice the size is not drawn twice as tall', () => {
    const svg = contrastHistogramSvg({
      ...contrast('c', {}),
      histogram: {
        edges: [100, 1000, 10_000],
        a: [2, 2],
        b: [4, 4],
        nonPositive: { a: 1, b: 0 },
        truth: { a: 1194, b: 1194 },
      },
    }) as string;
    const path = (cls: string) => new RegExp(`class="${cls}" d="([^"]*)"`).exec(svg)?.[1];
    expect(path('cell-a')).toBe(path('cell-b'));
    expect(svg).toContain('(n=4, 1 ≤ 0 not shown)');
    expect(svg.match(/class="truth"/g)).toHaveLength(1);
  });

  it('is undefined without a histogram', () => {
    expect(contrastHistogramSvg(contrast('c', {}))).toBeUndefined();
  });
});

/** Colours of a study's figures: cell a, cell b, the truth (the viewer's palette). */
export const FIGURE_COLORS = { a: '#2563eb', b: '#ea580c', truth: '#dc2626', axis: '#6b7280' } as const;

/**
 * Text made safe inside SVG or HTML markup: `&`, `<`, `>`, `"` and `'` escaped, so a cell or
 * contrast name from a study file can never become markup.
 *
 * @param text any text
 * @returns the escaped text
 */
export function escapeMarkup(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A number for an axis label or a figure's text: up to 4 significant digits (so a truth of
 * 1,194 reads 1194), thousands with `k`/`M` above 10,000 (3 digits), `–` when not finite.
 *
 * @param x the number
 * @returns its short form
 */
export function formatFigureNumber(x: number | null | undefined): string {
  if (typeof x !== 'number' || !Number.isFinite(x)) return '–';
  const abs = Math.abs(x);
  if (abs >= 1e6) return `${+(x / 1e6).toPrecision(3)}M`;
  if (abs >= 1e4) return `${+(x / 1e3).toPrecision(3)}k`;
  if (abs === 0) return '0';
  return `${+x.toPrecision(4)}`;
}

/**
 * Tick values for a log axis between lo and hi (both > 0): the powers of ten inside, with 2 and
 * 5 times them when fewer than three powers fall inside, and every 1..9 times them when that is
 * still too few; a range narrower than that (e.g. 1,100 to 1,900) gets round linear steps
 * (`linearTicks`).
 *
 * @param lo the smallest value shown (> 0)
 * @param hi the largest (>= lo)
 * @returns increasing tick values within [lo, hi]
 */
export function logTicks(lo: number, hi: number): number[] {
  const first = Math.floor(Math.log10(lo));
  const last = Math.ceil(Math.log10(hi));
  const within = (mantissas: readonly number[]) => {
    const out: number[] = [];
    for (let e = first; e <= last; e++)
      for (const m of mantissas) {
        const v = m * 10 ** e;
        if (v >= lo * (1 - 1e-12) && v <= hi * (1 + 1e-12)) out.push(v);
      }
    return out;
  };
  for (const mantissas of [[1], [1, 2, 5], [1, 2, 3, 4, 5, 6, 7, 8, 9]]) {
    const ticks = within(mantissas);
    if (ticks.length >= 3) return ticks;
  }
  return linearTicks(lo, hi, 4).filter((v) => v > 0);
}

/**
 * About `count` round tick values covering [lo, hi] on a linear axis (steps of 1, 2 or 5 times a
 * power of ten).
 *
 * @param lo the smallest value shown
 * @param hi the largest (> lo)
 * @param count the ticks wanted (default 5)
 * @returns increasing tick values within [lo, hi]
 */
export function linearTicks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step)
    out.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  return out;
}

/** A number for an SVG attribute: 1 decimal. */
export function svgNumber(x: number): string {
  return (Math.round(x * 10) / 10).toString();
}

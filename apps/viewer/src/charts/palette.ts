/** Colours of chart series, in order; the truth is always `TRUTH_COLOR`. */
export const PALETTE = [
  '#2563eb',
  '#16a34a',
  '#9333ea',
  '#ea580c',
  '#0891b2',
  '#ca8a04',
  '#db2777',
  '#4b5563',
  '#65a30d',
  '#7c3aed',
];

/** The colour of the true value on every chart. */
export const TRUTH_COLOR = '#dc2626';

/**
 * The colour of the i-th series (cycling through `PALETTE`).
 *
 * @param i the series index.
 * @returns a CSS colour.
 */
export function colorAt(i: number): string {
  return PALETTE[i % PALETTE.length] as string;
}

/**
 * Formats a number for tables and labels: thousands separators, at most `digits` decimals,
 * an en dash for NaN or missing values.
 *
 * @param value the number.
 * @param digits most decimals shown (default 1).
 * @returns the text.
 */
export function formatNumber(value: number | undefined, digits = 1): string {
  if (value === undefined || !Number.isFinite(value)) return '–';
  return value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

/**
 * Formats a share in [0, 1] as a percentage with one decimal.
 *
 * @param value the share.
 * @returns e.g. "42.5%".
 */
export function formatPercent(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '–';
  return `${(value * 100).toFixed(1)}%`;
}

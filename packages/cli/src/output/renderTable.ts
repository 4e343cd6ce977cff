/** A column of a terminal table: header and alignment (numbers right, text left). */
export interface Column {
  header: string;
  align?: 'left' | 'right';
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: it matches ANSI escape sequences, which start with ESC.
const ANSI = /\u001b\[[0-9;]*m/g;
const visibleLength = (text: string): number => text.replace(ANSI, '').length;

/** Renders rows as an aligned plain-text table with a header rule. */
export function renderTable(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const widths = columns.map((column, i) =>
    Math.max(visibleLength(column.header), ...rows.map((row) => visibleLength(row[i] ?? ''))),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => {
        const pad = ' '.repeat(Math.max(0, (widths[i] ?? 0) - visibleLength(cell)));
        return columns[i]?.align === 'right' ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  const out = [line(columns.map((c) => c.header)), widths.map((w) => '─'.repeat(w)).join('  ')];
  for (const row of rows) out.push(line(row));
  return `${out.join('\n')}\n`;
}

/** Formats a number for a table: thousands separators, `digits` decimals, "–" when missing. */
export function formatNumber(value: number | undefined | null, digits = 1): string {
  if (value === undefined || value === null || !Number.isFinite(value)) return '–';
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Formats a share in [0, 1] as a percentage. */
export function formatPercent(value: number | undefined | null, digits = 1): string {
  if (value === undefined || value === null || !Number.isFinite(value)) return '–';
  return `${(value * 100).toFixed(digits)}%`;
}

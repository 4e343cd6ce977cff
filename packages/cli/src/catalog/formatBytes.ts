/**
 * Formats a byte count the way `ollama list` does: decimal units (1 GB = 10^9 bytes), one decimal
 * from GB up, none below ("4.7 GB", "986 MB", "12 KB", "512 B").
 *
 * @param bytes - a size in bytes
 * @returns the size for a table
 */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '–';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${unit >= 3 ? value.toFixed(1) : Math.round(value).toString()} ${units[unit]}`;
}

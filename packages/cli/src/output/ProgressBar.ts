/**
 * A one-line progress indicator (count, rate, ETA) redrawn in place on a TTY at most every
 * `intervalMs`; on a non-TTY stream it prints nothing, so logs and pipes stay clean.
 */
export class ProgressBar {
  private readonly stream: { write(text: string): unknown; isTTY?: boolean };
  private readonly total: number;
  private readonly label: string;
  private readonly startedAt: number;
  private readonly now: () => number;
  private readonly intervalMs: number;
  private lastDraw = 0;
  private drawn = false;

  constructor(opts: {
    stream: { write(text: string): unknown; isTTY?: boolean };
    total: number;
    label: string;
    now?: () => number;
    intervalMs?: number;
  }) {
    this.stream = opts.stream;
    this.total = opts.total;
    this.label = opts.label;
    this.now = opts.now ?? Date.now;
    this.intervalMs = opts.intervalMs ?? 100;
    this.startedAt = this.now();
  }

  /** Redraws when due (or when `force`). `extra` is appended, e.g. "3 failed". */
  update(done: number, extra = '', force = false): void {
    if (this.stream.isTTY !== true) return;
    const now = this.now();
    if (!force && now - this.lastDraw < this.intervalMs) return;
    this.lastDraw = now;
    this.stream.write(`\r\u001b[2K${this.render(done, now, extra)}`);
    this.drawn = true;
  }

  /** The line itself: `label [#####.....] 512/1,000  51%  830/s  ETA 1s  extra`. */
  render(done: number, now: number, extra = ''): string {
    const share = this.total > 0 ? Math.min(1, done / this.total) : 1;
    const width = 24;
    const filled = Math.round(share * width);
    const seconds = Math.max(1e-3, (now - this.startedAt) / 1000);
    const rate = done / seconds;
    const eta = rate > 0 ? (this.total - done) / rate : Number.NaN;
    return [
      `${this.label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`,
      `${done.toLocaleString('en-US')}/${this.total.toLocaleString('en-US')}`,
      `${Math.round(share * 100)}%`,
      `${rate >= 100 ? Math.round(rate).toLocaleString('en-US') : rate.toFixed(1)}/s`,
      `ETA ${formatDuration(eta)}`,
      extra,
    ]
      .filter(Boolean)
      .join('  ');
  }

  /** Clears the line so the next output starts clean. */
  clear(): void {
    if (this.drawn) this.stream.write('\r\u001b[2K');
    this.drawn = false;
  }
}

/** "42s", "3m 05s", "1h 02m"; "–" when unknown. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '–';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

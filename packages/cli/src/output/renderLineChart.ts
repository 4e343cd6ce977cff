/** One line of a chart. */
export interface ChartSeries {
  label: string;
  points: readonly { x: number; y: number }[];
}

/** Size, scales and labels of `renderLineChart`. */
export interface LineChartOptions {
  /** Plot columns (without the axis labels). Default 60. */
  width?: number;
  /** Plot rows. Default 12. */
  height?: number;
  /** Logarithmic x axis (x must be > 0). Default false. */
  logX?: boolean;
  /** The y range; default the data's. */
  yMin?: number;
  yMax?: number;
  /** Formats axis numbers. Default: up to 3 significant digits. */
  formatY?: (y: number) => string;
  formatX?: (x: number) => string;
  xLabel?: string;
  /** Plain ASCII marks instead of Unicode shapes and box-drawing axes. */
  ascii?: boolean;
}

const UNICODE_MARKS = ['●', '○', '■', '□', '▲', '△', '◆', '◇', '×', '+'];
const ASCII_MARKS = ['*', 'o', '#', '+', 'x', '@', '%', '&', '=', '~'];

/**
 * Draws line series as text, for a terminal.
 *
 * Intuition: the subset-size curves of `emocrowd compare` (accuracy against crowd size k,
 * Galesic et al. 2018) are read by their shape — where they peak and flatten — which a table
 * of 25 numbers hides. Behaviour:
 * 1. Each series gets a mark (● ○ ■ □ ▲ ...; `ascii` uses * o # + x ...), drawn at its points
 *    and along straight segments between neighbouring points; later series draw over earlier.
 * 2. x is mapped linearly or, with `logX`, logarithmically (points with x <= 0 are left out);
 *    y linearly over [yMin, yMax]. Points with a non-finite coordinate are left out.
 * 3. The y axis is labelled at top, middle and bottom, the x axis at both ends and the middle
 *    (the geometric middle with `logX`); a legend follows, one series a line.
 *
 * @param series the lines
 * @param options size, scales, labels
 * @returns the chart, lines ending in LF ("" when there is nothing to draw)
 */
export function renderLineChart(series: readonly ChartSeries[], options: LineChartOptions = {}): string {
  const width = Math.max(10, options.width ?? 60);
  const height = Math.max(3, options.height ?? 12);
  const logX = options.logX === true;
  const marks = options.ascii ? ASCII_MARKS : UNICODE_MARKS;
  const fmt = (v: number): string => (Number.isInteger(v) ? String(v) : Number(v.toPrecision(3)).toString());
  const formatY = options.formatY ?? fmt;
  const formatX = options.formatX ?? fmt;
  const usable = series.map((s) => ({
    label: s.label,
    points: s.points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y) && (!logX || p.x > 0)),
  }));
  const all = usable.flatMap((s) => s.points);
  if (all.length === 0) return '';
  const tx = (x: number): number => (logX ? Math.log(x) : x);
  const x0 = Math.min(...all.map((p) => tx(p.x)));
  let x1 = Math.max(...all.map((p) => tx(p.x)));
  if (x1 === x0) x1 = x0 + 1;
  let y0 = options.yMin ?? Math.min(...all.map((p) => p.y));
  let y1 = options.yMax ?? Math.max(...all.map((p) => p.y));
  if (y1 === y0) {
    y0 -= 0.5;
    y1 += 0.5;
  }
  const col = (x: number): number => Math.round(((tx(x) - x0) / (x1 - x0)) * (width - 1));
  const rowOf = (y: number): number => {
    const clamped = Math.min(y1, Math.max(y0, y));
    return height - 1 - Math.round(((clamped - y0) / (y1 - y0)) * (height - 1));
  };
  const grid: string[][] = Array.from({ length: height }, () => new Array<string>(width).fill(' '));
  usable.forEach((s, i) => {
    const mark = marks[i % marks.length] as string;
    const pts = [...s.points].sort((a, b) => a.x - b.x);
    pts.forEach((p, j) => {
      const c = col(p.x);
      const r = rowOf(p.y);
      (grid[r] as string[])[c] = mark;
      const next = pts[j + 1];
      if (!next) return;
      const c2 = col(next.x);
      for (let cc = c + 1; cc < c2; cc++) {
        const t = (cc - c) / (c2 - c);
        (grid[rowOf(p.y + t * (next.y - p.y))] as string[])[cc] = mark;
      }
    });
  });
  const labels = [formatY(y1), formatY((y0 + y1) / 2), formatY(y0)];
  const labelWidth = Math.max(...labels.map((l) => l.length));
  const vertical = options.ascii ? '|' : '┤';
  const plain = options.ascii ? '|' : '│';
  const out: string[] = [];
  const middle = Math.floor((height - 1) / 2);
  for (let r = 0; r < height; r++) {
    const label = r === 0 ? labels[0] : r === height - 1 ? labels[2] : r === middle ? labels[1] : '';
    out.push(
      `${(label ?? '').padStart(labelWidth)} ${label ? vertical : plain}${(grid[r] as string[]).join('')}`.trimEnd(),
    );
  }
  out.push(
    `${' '.repeat(labelWidth)} ${options.ascii ? '+' : '└'}${(options.ascii ? '-' : '─').repeat(width)}`,
  );
  const xLeft = formatX(logX ? Math.exp(x0) : x0);
  const xMid = formatX(logX ? Math.exp((x0 + x1) / 2) : (x0 + x1) / 2);
  const xRight = formatX(logX ? Math.exp(x1) : x1);
  const axis = new Array<string>(width + 1).fill(' ');
  const place = (text: string, at: number): void => {
    const start = Math.max(0, Math.min(width + 1 - text.length, at));
    for (let k = 0; k < text.length; k++) axis[start + k] = text[k] as string;
  };
  place(xLeft, 0);
  place(xMid, Math.round(width / 2 - xMid.length / 2));
  place(xRight, width + 1 - xRight.length);
  out.push(`${' '.repeat(labelWidth + 1)}${axis.join('')}`.trimEnd());
  if (options.xLabel) out.push(`${' '.repeat(labelWidth + 1)}${options.xLabel}${logX ? ' (log scale)' : ''}`);
  usable.forEach((s, i) => {
    out.push(`${' '.repeat(labelWidth + 1)}${marks[i % marks.length]} ${s.label}`);
  });
  return `${out.join('\n')}\n`;
}

import uPlot from 'uplot';
import { logTicks } from './logTicks.js';
import { type Marker, markerPlugin } from './Marker.js';
import { overlayBins } from './overlayBins.js';

/** One crowd drawn by `OverlayHistogramChart`. */
export interface OverlaySeries {
  label: string;
  color: string;
  values: readonly number[];
}

/**
 * Two or more crowds' answers to one question as histograms drawn over each other on a log x
 * scale, each bar the share of its own crowd (`overlayBins`), with the truth marked. Rebuilt
 * when the crowds change.
 */
export class OverlayHistogramChart {
  readonly element: HTMLDivElement;
  /** A line under the chart about answers a log scale cannot show. */
  readonly note: HTMLParagraphElement;
  private plot: uPlot | undefined;
  private markers: readonly Marker[] = [];

  constructor(testid: string) {
    this.element = document.createElement('div');
    this.element.className = 'chart';
    this.element.dataset.testid = testid;
    this.note = document.createElement('p');
    this.note.className = 'note';
  }

  /**
   * Draws the crowds.
   *
   * @param series the crowds, in drawing order.
   * @param markers the truth (and any other line).
   */
  update(series: readonly OverlaySeries[], markers: readonly Marker[]): void {
    if (!this.element.isConnected) return;
    this.markers = markers;
    const bins = overlayBins(
      series.map((s) => s.values),
      { include: markers.map((m) => m.value) },
    );
    series.forEach((s, i) => {
      this.element.dataset[`count${i}`] = String(s.values.length);
    });
    this.element.dataset.bins = String(bins.centers.length);
    const dropped = series
      .map((s, i) => [s.label, bins.nonPositive[i] ?? 0] as const)
      .filter(([, n]) => n > 0)
      .map(([label, n]) => `${n} ${label} answer(s) <= 0 not shown on the log scale`);
    this.note.textContent = dropped.join('; ');
    this.plot?.destroy();
    const range = bins.range;
    const width = Math.max(320, this.element.clientWidth || 640);
    this.plot = new uPlot(
      {
        width,
        height: 300,
        legend: { show: true },
        cursor: { drag: { x: false, y: false } },
        scales: {
          x: { time: false, distr: 3, range: () => range },
          y: { range: (_u, _min, max) => [0, Math.max(0.01, max) * 1.1] },
        },
        axes: [
          {
            label: 'estimate (log scale)',
            splits: (_u: uPlot, _i: number, min: number, max: number) => logTicks(min, max),
            filter: (_u: uPlot, splits: number[]) => splits,
          },
          { label: 'share of the crowd', size: 60 },
        ],
        series: [
          { label: 'bin centre' },
          ...series.map((s) => ({
            label: s.label,
            fill: `${s.color}59`,
            stroke: s.color,
            width: 1,
            paths: uPlot.paths.bars?.({ size: [0.92, Number.POSITIVE_INFINITY], align: 0 }),
            points: { show: false },
          })),
        ],
        plugins: [markerPlugin(() => this.markers)],
      },
      [bins.centers, ...bins.shares],
      this.element,
    );
  }
}

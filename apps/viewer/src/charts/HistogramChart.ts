import uPlot from 'uplot';
import { histogramBins } from './histogramBins.js';
import { logTicks } from './logTicks.js';
import { type Marker, markerPlugin } from './Marker.js';

/**
 * The histogram of the crowd's estimates with the truth and each aggregate drawn as lines;
 * a linear or log x scale. Rebuilt when the scale changes, updated in place otherwise.
 */
export class HistogramChart {
  readonly element: HTMLDivElement;
  /** A line under the chart about estimates outside the drawn range. */
  readonly note: HTMLParagraphElement;
  private plot: uPlot | undefined;
  private log = false;
  private markers: readonly Marker[] = [];
  private range: [number, number] = [0, 1];

  constructor() {
    this.element = document.createElement('div');
    this.element.className = 'chart';
    this.element.dataset.testid = 'histogram';
    this.note = document.createElement('p');
    this.note.className = 'note';
  }

  /**
   * Draws the estimates.
   *
   * @param values the estimates so far.
   * @param markers the truth and aggregates.
   * @param log log x scale.
   */
  update(values: readonly number[], markers: readonly Marker[], log: boolean): void {
    if (!this.element.isConnected) return;
    this.markers = markers;
    const bins = histogramBins(values, { log, include: markers.map((m) => m.value) });
    this.range = bins.range;
    const data: uPlot.AlignedData = [bins.centers, bins.counts];
    this.element.dataset.count = String(values.length);
    const parts: string[] = [];
    if (bins.below + bins.above > 0)
      parts.push(`${bins.below + bins.above} estimate(s) outside the drawn range`);
    if (bins.nonPositive > 0 && log)
      parts.push(`${bins.nonPositive} estimate(s) <= 0 not shown on the log scale`);
    this.note.textContent = parts.join('; ');
    if (this.plot && this.log === log) {
      this.plot.setData(data);
      return;
    }
    this.plot?.destroy();
    this.log = log;
    const width = Math.max(320, this.element.clientWidth || 640);
    this.plot = new uPlot(
      {
        width,
        height: 300,
        legend: { show: false },
        cursor: { drag: { x: false, y: false } },
        scales: {
          x: { time: false, ...(log ? { distr: 3 } : {}), range: () => this.range },
          y: { range: (_u, _min, max) => [0, Math.max(1, max) * 1.1] },
        },
        axes: [
          {
            label: log ? 'estimate (log scale)' : 'estimate',
            ...(log
              ? {
                  splits: (_u: uPlot, _i: number, min: number, max: number) => logTicks(min, max),
                  filter: (_u: uPlot, splits: number[]) => splits,
                }
              : {}),
          },
          { label: 'answers', size: 60 },
        ],
        series: [
          {},
          {
            label: 'answers',
            fill: 'rgba(37, 99, 235, 0.35)',
            stroke: '#2563eb',
            width: 1,
            paths: uPlot.paths.bars?.({ size: [0.92, Number.POSITIVE_INFINITY], align: 0 }),
            points: { show: false },
          },
        ],
        plugins: [markerPlugin(() => this.markers)],
      },
      data,
      this.element,
    );
    new ResizeObserver(() => {
      const w = Math.max(320, this.element.clientWidth);
      if (this.plot && Math.abs(this.plot.width - w) > 4) this.plot.setSize({ width: w, height: 300 });
    }).observe(this.element);
  }
}

import uPlot from 'uplot';
import { type Marker, markerPlugin } from './Marker.js';

/** How a line chart looks. */
export interface LineChartSpec {
  xLabel: string;
  yLabel: string;
  series: { label: string; color: string; dash?: boolean; points?: boolean }[];
  xLog?: boolean;
  /** Whole-number x ticks only (rounds). */
  xIntegers?: boolean;
  yLog?: boolean;
  height?: number;
}

/**
 * A uPlot line chart that keeps its size to its container and redraws with new data: the
 * convergence, subset-size and rounds charts.
 */
export class LineChart {
  readonly element: HTMLDivElement;
  private plot: uPlot | undefined;
  private markers: readonly Marker[] = [];
  private readonly spec: LineChartSpec;
  private data: uPlot.AlignedData = [[]];

  /**
   * @param spec axes and series.
   */
  constructor(spec: LineChartSpec) {
    this.spec = spec;
    this.element = document.createElement('div');
    this.element.className = 'chart';
  }

  /**
   * Sets the data: x values, then one array per series (null = no point).
   *
   * @param x the x values (ascending).
   * @param ys one array per series, aligned with x.
   * @param markers lines to draw over the plot.
   */
  update(
    x: readonly number[],
    ys: readonly (readonly (number | null)[])[],
    markers: readonly Marker[] = [],
  ): void {
    this.markers = markers;
    this.data = [x as number[], ...(ys as (number | null)[][])] as uPlot.AlignedData;
    const width = Math.max(320, this.element.clientWidth || 640);
    if (!this.plot) {
      if (!this.element.isConnected) return;
      this.plot = new uPlot(this.options(width), this.data, this.element);
      new ResizeObserver(() => {
        const w = Math.max(320, this.element.clientWidth);
        if (this.plot && Math.abs(this.plot.width - w) > 4)
          this.plot.setSize({ width: w, height: this.spec.height ?? 260 });
      }).observe(this.element);
    } else {
      this.plot.setData(this.data);
    }
  }

  private options(width: number): uPlot.Options {
    const s = this.spec;
    return {
      width,
      height: s.height ?? 260,
      legend: { show: true, live: false },
      cursor: { drag: { x: false, y: false } },
      scales: {
        x: {
          time: false,
          ...(s.xLog
            ? { distr: 3 }
            : {
                range: (_u: uPlot, min: number, max: number): uPlot.Range.MinMax =>
                  !Number.isFinite(min) || !Number.isFinite(max)
                    ? [0, 1]
                    : min === max
                      ? [min - 1, max + 1]
                      : [min, max],
              }),
        },
        y: s.yLog ? { distr: 3 } : {},
      },
      axes: [
        { label: s.xLabel, ...(s.xIntegers ? { incrs: [1, 2, 5, 10, 20, 50] } : {}) },
        { label: s.yLabel, size: 70 },
      ],
      series: [
        { label: s.xLabel },
        ...s.series.map((series) => ({
          label: series.label,
          stroke: series.color,
          width: 2,
          ...(series.dash ? { dash: [6, 4] } : {}),
          points: { show: series.points ?? false },
          spanGaps: true,
        })),
      ],
      plugins: [markerPlugin(() => this.markers)],
    };
  }
}

import type uPlot from 'uplot';

/** A labelled line drawn across a chart at a value of its x (or y) scale. */
export interface Marker {
  value: number;
  label: string;
  color: string;
  /** Dashed line. */
  dash?: boolean;
  /** Horizontal (a y value) instead of vertical (an x value). */
  horizontal?: boolean;
}

/**
 * A uPlot plugin that draws markers (the truth, each aggregate, an optimal k) as lines over the
 * plot. `get` is read at every redraw, so markers follow live data.
 *
 * @param get the current markers.
 * @returns the plugin.
 */
export function markerPlugin(get: () => readonly Marker[]): uPlot.Plugin {
  return {
    hooks: {
      draw: [
        (u: uPlot) => {
          const { ctx } = u;
          const { left, top, width, height } = u.bbox;
          ctx.save();
          ctx.lineWidth = 2 * devicePixelRatio;
          for (const m of get()) {
            if (!Number.isFinite(m.value)) continue;
            ctx.strokeStyle = m.color;
            ctx.setLineDash(m.dash ? [6 * devicePixelRatio, 4 * devicePixelRatio] : []);
            ctx.beginPath();
            if (m.horizontal) {
              const y = u.valToPos(m.value, 'y', true);
              if (y < top || y > top + height) continue;
              ctx.moveTo(left, y);
              ctx.lineTo(left + width, y);
            } else {
              const x = u.valToPos(m.value, 'x', true);
              if (x < left || x > left + width) continue;
              ctx.moveTo(x, top);
              ctx.lineTo(x, top + height);
            }
            ctx.stroke();
          }
          ctx.restore();
        },
      ],
    },
  };
}

import * as Plot from '@observablehq/plot';
import { COLORS } from '../html.js';
import { chartDocument, markup } from './document.js';

export interface HistogramSeries {
  readonly name: string;
  /** Share of values in each bin (bins between consecutive edges). */
  readonly shares: readonly number[];
  readonly color?: string;
}

export interface HistogramOptions {
  /** Bin edges, ascending; bins may be of unequal width (quantile bins). */
  readonly edges: readonly number[];
  /** The first series is drawn filled, the others as outlines over it. */
  readonly series: readonly HistogramSeries[];
  /** Epoch-ms edges drawn on a time axis. */
  readonly time?: boolean;
  readonly xLabel?: string;
  readonly width?: number;
  readonly height?: number;
}

/**
 * Overlaid histograms over shared (possibly unequal) bins, drawn as densities (share / width) so
 * that quantile bins read truthfully: the first series filled, the rest outlined. SVG markup.
 */
export function histogramChart(opts: HistogramOptions): string {
  const { edges } = opts;
  const rows = opts.series.flatMap((s, k) =>
    s.shares.map((share, i) => {
      const width = edges[i + 1] - edges[i];
      return {
        series: s.name,
        order: k,
        x1: opts.time ? new Date(edges[i]) : edges[i],
        x2: opts.time ? new Date(edges[i + 1]) : edges[i + 1],
        // a zero-width bin (ties at one value) is drawn one hundredth of the range wide
        y: share / (width > 0 ? width : Math.max(1e-12, (edges[edges.length - 1] - edges[0]) / 100)),
        share,
      };
    }),
  );
  const color = (k: number) => opts.series[k].color ?? (k === 0 ? COLORS.reference : COLORS.current);
  const marks = opts.series.map((_, k) =>
    k === 0
      ? Plot.rectY(
          rows.filter((r) => r.order === 0),
          { x1: 'x1', x2: 'x2', y: 'y', fill: color(0), fillOpacity: 0.55, insetLeft: 0.5, insetRight: 0.5 },
        )
      : Plot.rectY(
          rows.filter((r) => r.order === k),
          {
            x1: 'x1',
            x2: 'x2',
            y: 'y',
            stroke: color(k),
            strokeWidth: 1.6,
            fill: color(k),
            fillOpacity: 0.08,
          },
        ),
  );
  const svg = Plot.plot({
    document: chartDocument(),
    width: opts.width ?? 460,
    height: opts.height ?? 190,
    marginLeft: 48,
    x: { label: opts.xLabel ?? null, ...(opts.time ? { type: 'utc' as const } : {}) },
    y: { label: 'density', grid: true, tickFormat: '~g' },
    marks: [...marks, Plot.ruleY([0])],
  });
  return markup(svg as unknown as Element);
}

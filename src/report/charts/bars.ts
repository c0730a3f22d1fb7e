import * as Plot from '@observablehq/plot';
import { COLORS } from '../html.js';
import { chartDocument, markup } from './document.js';

export interface BarSeries {
  readonly name: string;
  /** One share (or count) per label. */
  readonly values: readonly number[];
  readonly color?: string;
}

export interface BarsOptions {
  readonly labels: readonly string[];
  readonly series: readonly BarSeries[];
  /** Values are shares: the axis reads in percent. Default true. */
  readonly percent?: boolean;
  /** At most this many labels (the largest by any series). Default 15. */
  readonly maxLabels?: number;
  /** What happens to the labels beyond maxLabels: summed into one '(rest: n)' bar (default), or left out. */
  readonly rest?: 'bar' | 'omit';
  readonly width?: number;
}

/** Grouped horizontal bars, one group per label, one bar per series. SVG markup. */
export function barsChart(opts: BarsOptions): string {
  const maxLabels = opts.maxLabels ?? 15;
  let labels = [...opts.labels];
  let series = opts.series.map((s) => ({ ...s, values: [...s.values] }));
  if (labels.length > maxLabels) {
    const order = labels
      .map((_, i) => i)
      .sort(
        (a, b) => Math.max(...series.map((s) => s.values[b])) - Math.max(...series.map((s) => s.values[a])),
      );
    const omit = opts.rest === 'omit';
    const kept = order.slice(0, omit ? maxLabels : maxLabels - 1);
    const rest = order.slice(kept.length);
    labels = [...kept.map((i) => labels[i]), ...(omit ? [] : [`(rest: ${rest.length})`])];
    series = series.map((s) => ({
      ...s,
      values: [
        ...kept.map((i) => s.values[i]),
        ...(omit ? [] : [rest.reduce((sum, i) => sum + s.values[i], 0)]),
      ],
    }));
  }
  const names = series.map((s) => s.name);
  const rows = labels.flatMap((label, i) =>
    series.map((s) => ({ label, series: s.name, value: s.values[i] })),
  );
  const svg = Plot.plot({
    document: chartDocument(),
    width: opts.width ?? 460,
    height: 28 + labels.length * (10 + 9 * series.length),
    marginLeft: 110,
    x: { label: null, grid: true, ...(opts.percent === false ? {} : { percent: true, label: '%' }) },
    y: { axis: null, domain: names },
    fy: { label: null, domain: labels, padding: 0.15 },
    color: {
      domain: names,
      range: series.map((s, k) => s.color ?? (k === 0 ? COLORS.reference : COLORS.current)),
    },
    marks: [Plot.barX(rows, { fy: 'label', y: 'series', x: 'value', fill: 'series' }), Plot.ruleX([0])],
  });
  return markup(svg as unknown as Element);
}

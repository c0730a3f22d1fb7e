import * as Plot from '@observablehq/plot';
import { COLORS } from '../html.js';
import { chartDocument, markup } from './document.js';

export interface LinePoint {
  /** Epoch ms or a Date (time axis), or a number. */
  readonly x: number | Date;
  readonly y: number | null;
}

export interface LineSeries {
  readonly name: string;
  readonly points: readonly LinePoint[];
  readonly color?: string;
}

export interface LineOptions {
  readonly series: readonly LineSeries[];
  /** Horizontal reference lines (a training value, a threshold), dashed. */
  readonly rules?: readonly { readonly y: number; readonly label: string; readonly color?: string }[];
  readonly time?: boolean;
  readonly yLabel?: string;
  readonly width?: number;
  readonly height?: number;
}

/** Lines with dots at each point (gaps where y is null) and dashed reference rules. SVG markup. */
export function lineChart(opts: LineOptions): string {
  const rows = opts.series.flatMap((s) =>
    s.points.map((p) => ({
      series: s.name,
      x: opts.time ? new Date(p.x) : p.x,
      y: p.y ?? Number.NaN,
    })),
  );
  const colorOf = (name: string, k: number) =>
    opts.series.find((s) => s.name === name)?.color ?? (k === 0 ? COLORS.current : COLORS.reference);
  const marks = opts.series.flatMap((s, k) => {
    const data = rows.filter((r) => r.series === s.name);
    return [
      Plot.line(data, { x: 'x', y: 'y', stroke: colorOf(s.name, k), strokeWidth: 2 }),
      Plot.dot(data, { x: 'x', y: 'y', fill: colorOf(s.name, k), r: 3 }),
    ];
  });
  const rules = (opts.rules ?? []).flatMap((r) => [
    Plot.ruleY([r.y], { stroke: r.color ?? COLORS.muted, strokeDasharray: '5,4' }),
    Plot.text([r], { y: 'y', text: 'label', frameAnchor: 'right', dy: -7, fill: r.color ?? COLORS.muted }),
  ]);
  const svg = Plot.plot({
    document: chartDocument(),
    width: opts.width ?? 940,
    height: opts.height ?? 240,
    marginLeft: 52,
    x: { label: null, ...(opts.time ? { type: 'utc' as const } : {}) },
    y: { label: opts.yLabel ?? null, grid: true, nice: true },
    marks: [...marks, ...rules],
  });
  return markup(svg as unknown as Element);
}

import * as Plot from '@observablehq/plot';
import { chartDocument, markup } from './document.js';

export interface HeatmapOptions {
  /** Row and column labels (a square matrix: the same labels both ways). */
  readonly labels: readonly string[];
  /** values[i][j]; null cells are drawn blank. */
  readonly values: readonly (readonly (number | null)[])[];
  /** [-1, 1] with a diverging scale (correlations), or [0, 1] with a sequential one (Cramér's V). */
  readonly domain?: 'signed' | 'unsigned';
  /** Print the value in each cell; default when there are at most 12 labels. */
  readonly annotate?: boolean;
  readonly width?: number;
}

/** A square heat map of a correlation-like matrix, one cell per pair. SVG markup. */
export function heatmapChart(opts: HeatmapOptions): string {
  const labels = [...opts.labels];
  const signed = (opts.domain ?? 'signed') === 'signed';
  const cells = labels.flatMap((row, i) =>
    labels.map((column, j) => ({ row, column, value: opts.values[i]?.[j] ?? null })),
  );
  const present = cells.filter((c) => c.value !== null);
  const annotate = opts.annotate ?? labels.length <= 12;
  const longest = Math.max(4, ...labels.map((l) => l.length));
  const margin = Math.min(180, 12 + longest * 6.2);
  const size = Math.max(160, Math.min(640, labels.length * 34));
  const svg = Plot.plot({
    document: chartDocument(),
    width: opts.width ?? size + margin + 20,
    height: size + margin,
    marginLeft: margin,
    marginBottom: margin,
    padding: 0.04,
    x: { domain: labels, label: null, tickRotate: -45 },
    y: { domain: labels, label: null },
    color: signed
      ? { type: 'linear', scheme: 'rdbu', domain: [-1, 1], legend: false }
      : { type: 'linear', scheme: 'blues', domain: [0, 1], legend: false },
    marks: [
      Plot.cell(present, { x: 'column', y: 'row', fill: 'value', inset: 0.5 }),
      ...(annotate
        ? [
            Plot.text(present, {
              x: 'column',
              y: 'row',
              text: (d: { value: number }) => d.value.toFixed(2),
              fill: (d: { value: number }) => (Math.abs(d.value) > 0.6 ? 'white' : 'black'),
              fontSize: 10,
            }),
          ]
        : []),
    ],
  });
  return markup(svg as unknown as Element);
}

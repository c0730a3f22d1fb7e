import type { ColumnProfile } from '../data/profile/types.js';
import { barsChart } from './charts/bars.js';
import { histogramChart } from './charts/histogram.js';
import { COLORS, formatNumber, formatPercent, type Html, html, raw } from './html.js';

/**
 * One column's panel in the profile report: its facts and exactly one chart. Numbers and datetimes
 * get their histogram (or, at level 'summary', bins between their quantiles); categories, booleans
 * and text the shares of their most frequent values; a column with no values one '(missing)' bar.
 */
export function columnPanel(c: ColumnProfile, index: number): Html {
  return html`<section class="panel column" id="${columnAnchor(index)}" data-column="${c.name}"><h3>${c.name} <span class="kind">${c.kind}${c.role !== 'feature' ? ` · ${c.role}` : ''}</span></h3><div class="facts">${facts(c).join(' · ')}</div>${raw(chart(c))}</section>`;
}

export function columnAnchor(index: number): string {
  return `column-${index}`;
}

function chart(c: ColumnProfile): string {
  const rows = c.count + c.missing;
  const n = c.numeric;
  if (n && c.count > 0) {
    const time = c.kind === 'datetime';
    if (n.histogram)
      return histogramChart({
        edges: n.histogram.edges,
        time,
        series: [{ name: c.name, shares: n.histogram.counts.map((k) => k / c.count), color: COLORS.current }],
      });
    // level 'summary': bins between distinct quantiles, each holding the share between its levels
    const edges: number[] = [];
    const shares: number[] = [];
    let from = 0;
    for (const { q, value } of n.quantiles) {
      if (value === null) continue;
      if (edges.length === 0) {
        edges.push(value);
        from = q;
      } else if (value > edges[edges.length - 1]) {
        edges.push(value);
        shares.push(q - from);
        from = q;
      } else if (shares.length > 0) {
        // a repeated value: its share joins the bin that ends at it
        shares[shares.length - 1] += q - from;
        from = q;
      }
    }
    if (edges.length >= 2)
      return histogramChart({ edges, time, series: [{ name: c.name, shares, color: COLORS.current }] });
  }
  const labels: string[] = [];
  const values: number[] = [];
  for (const v of c.top?.values ?? []) {
    labels.push(v.label);
    values.push(v.count / Math.max(1, rows));
  }
  if (c.top && c.top.other > 0) {
    labels.push(`(${(c.distinct ?? 0) - c.top.values.length} other values)`);
    values.push(c.top.other / rows);
  }
  if (n && c.count > 0 && labels.length === 0) {
    // a constant number seen at level 'summary': one bar for its one value
    labels.push(formatNumber(n.min));
    values.push(c.count / rows);
  }
  if (c.missing > 0 || labels.length === 0) {
    labels.push('(missing)');
    values.push(rows > 0 ? c.missing / rows : 0);
  }
  return barsChart({
    labels,
    series: [{ name: c.name, values, color: COLORS.current }],
    maxLabels: labels.length,
    rest: 'omit',
  });
}

function facts(c: ColumnProfile): string[] {
  const out = [
    `${c.count} values`,
    c.missing > 0
      ? `missing ${c.missing} (${formatPercent(c.missing / (c.count + c.missing))})`
      : 'none missing',
  ];
  if (c.distinct !== null) out.push(`${c.distinct} distinct`);
  const n = c.numeric;
  if (n) {
    const show = c.kind === 'datetime' ? formatTime : (v: number | null) => formatNumber(v);
    const q = (level: number) => n.quantiles.find((x) => x.q === level)?.value ?? null;
    out.push(`min ${show(n.min)}`);
    if (q(0.5) !== null) out.push(`median ${show(q(0.5))}`);
    out.push(`max ${show(n.max)}`);
    if (c.kind === 'number') out.push(`mean ${formatNumber(n.mean)}`, `std ${formatNumber(n.std)}`);
    if (n.zeros) out.push(`zeros ${n.zeros}`);
    if (n.outliers) {
      const iqr = n.outliers.iqr;
      const z = n.outliers.zscore;
      if (iqr.below + iqr.above > 0)
        out.push(`IQR outliers ${iqr.below + iqr.above} (outside ${show(iqr.low)} – ${show(iqr.high)})`);
      if (z.below + z.above > 0) out.push(`|z| > ${z.z}: ${z.below + z.above}`);
    }
  }
  if (c.top?.values.length) {
    const first = c.top.values[0];
    out.push(`most frequent '${first.label}' (${formatPercent(first.count / Math.max(1, c.count))})`);
  }
  if (c.length) out.push(`length ${c.length.min}–${c.length.max} (mean ${formatNumber(c.length.mean, 3)})`);
  if (c.constant) out.push('constant');
  return out;
}

export function formatTime(v: number | null): string {
  if (v === null || !Number.isFinite(v)) return '–';
  const iso = new Date(v).toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
}

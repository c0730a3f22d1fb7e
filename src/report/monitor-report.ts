import { DRIFT_METHODS } from '../monitor/drift-methods.js';
import { byDrift } from '../monitor/severity.js';
import type { ColumnDriftResult, MonitorSnapshot, QualityResult } from '../monitor/snapshot.js';
import { barsChart } from './charts/bars.js';
import { histogramChart } from './charts/histogram.js';
import { lineChart } from './charts/line.js';
import { COLORS, formatNumber, formatPercent, type Html, html, page, raw, table } from './html.js';

/**
 * The monitor snapshot as one self-contained HTML page: the verdict and summary, features sorted by
 * drift, a reference-against-current chart per feature, the prediction distribution, and the
 * model's metrics over time. It reads the snapshot only; every chart is inline SVG.
 */
export function renderMonitorReport(snapshot: MonitorSnapshot): string {
  const s = snapshot;
  const title = `Monitor: ${s.model.name}`;
  const sorted = byDrift(s.features);
  const body = html`<main>
<h1>${title}</h1>
<div class="muted">${windowLine(s)}</div>
${verdict(s)}
${summaryCards(s)}
<h2>Features by drift</h2>
${featureTable(sorted)}
<p class="legend">Reference: the model's training rows (${s.reference.rows}). Current: this window (${s.window.rows} rows).
${legend()}</p>
<h2>Feature distributions</h2>
<div class="panels">${sorted.map((c) => columnPanel(c))}</div>
<h2>Predictions</h2>
${s.prediction ? html`<div class="panels">${columnPanel(s.prediction)}</div>` : html`<p class="muted">No prediction profile in the reference: prediction drift not measured.</p>`}
<h2>Model quality over time</h2>
${quality(s.quality, s)}
${s.notes.length ? html`<h2>Notes</h2><ul class="notes">${s.notes.map((n) => html`<li>${n}</li>`)}</ul>` : ''}
<footer>Cairn monitor snapshot, ${s.createdAt}. Methods: ${Object.entries(DRIFT_METHODS)
    .map(
      ([id, m]) =>
        `${id} (${m.name}, ${m.score === 'p_value' ? `drift when p < ${s.options.thresholds[id as keyof typeof DRIFT_METHODS]}` : `drift when ≥ ${s.options.thresholds[id as keyof typeof DRIFT_METHODS]}`})`,
    )
    .join('; ')}. Tests for samples of at most ${s.options.smallSample} rows, distances above.</footer>
</main>`;
  return page(title, body);
}

function windowLine(s: MonitorSnapshot): string {
  const parts = [`${s.window.rows} rows`];
  if (s.window.source) parts.push(`from ${s.window.source}`);
  if (s.window.since || s.window.until)
    parts.push(`window ${s.window.since ?? '…'} to ${s.window.until ?? '…'}`);
  if (s.window.first && s.window.last) parts.push(`times ${s.window.first} to ${s.window.last}`);
  parts.push(`model ${s.model.uri ?? s.model.name} (${s.model.task}, target ${s.model.target})`);
  return parts.join(' · ');
}

function verdict(s: MonitorSnapshot): Html {
  return s.verdict.drifted
    ? html`<div class="verdict drift"><strong>Drift detected.</strong> ${s.verdict.reasons.join('; ')}.</div>`
    : html`<div class="verdict ok"><strong>No drift</strong> beyond the thresholds.</div>`;
}

function card(label: string, value: string, sub?: string): Html {
  return html`<div class="card"><div class="label">${label}</div><div class="value">${value}</div>${sub ? html`<div class="muted">${sub}</div>` : ''}</div>`;
}

function summaryCards(s: MonitorSnapshot): Html {
  const q = s.quality;
  const primary = s.model.primaryMetric;
  return html`<div class="cards">
${card('Drifted features', `${s.dataset.driftedColumns} / ${s.dataset.columns}`, `share ${formatPercent(s.dataset.share, 0)}; dataset drift at ${formatPercent(s.dataset.threshold, 0)}`)}
${card('Prediction drift', s.prediction ? (s.prediction.drifted ? 'yes' : 'no') : '–', s.prediction ? `${DRIFT_METHODS[s.prediction.method].name} ${formatNumber(s.prediction.score)} (threshold ${s.prediction.threshold})` : 'not measured')}
${card(`${primary} now`, q ? formatNumber(q.overall.metrics[primary]) : '–', q ? `at training ${formatNumber(q.training[primary])}; ${q.overall.rows} rows with feedback` : 'no ground truth in this window')}
${card('Rows', String(s.window.rows), `reference ${s.reference.rows}`)}
</div>`;
}

function badge(drifted: boolean): Html {
  return drifted ? html`<span class="badge drift">drift</span>` : html`<span class="badge ok">ok</span>`;
}

function featureTable(columns: readonly ColumnDriftResult[]): Html {
  const t = table<ColumnDriftResult>(
    [
      { header: 'feature', cell: (c) => c.column },
      { header: 'kind', cell: (c) => c.kind },
      { header: 'method', cell: (c) => DRIFT_METHODS[c.method].name },
      { header: 'score', cell: (c) => formatNumber(c.score), numeric: true },
      { header: 'threshold', cell: (c) => formatNumber(c.threshold), numeric: true },
      { header: 'PSI', cell: (c) => formatNumber(c.psi), numeric: true },
      { header: 'missing now', cell: (c) => formatPercent(c.missing.current), numeric: true },
      { header: '', cell: (c) => badge(c.drifted) },
    ],
    columns,
  );
  // mark drifted rows for the left border
  let i = 0;
  return raw(t.html.replace(/<tr>(?=<td)/g, () => (columns[i++]?.drifted ? '<tr class="drifted">' : '<tr>')));
}

function legend(): Html {
  return html`<span class="swatch" style="background:${COLORS.reference}"></span>reference<span class="swatch" style="background:${COLORS.current}"></span>current`;
}

function columnPanel(c: ColumnDriftResult): Html {
  const d = c.distribution;
  const chart =
    d.type === 'bins'
      ? d.edges.length >= 2
        ? histogramChart({
            edges: d.edges,
            time: c.kind === 'datetime',
            series: [
              { name: 'reference', shares: d.reference },
              { name: 'current', shares: d.current, color: c.drifted ? COLORS.drift : COLORS.current },
            ],
          })
        : '<p class="muted">Constant in the reference: nothing to draw.</p>'
      : barsChart({
          rest: 'omit',
          maxLabels: MAX_BARS,
          labels: d.labels,
          series: [
            { name: 'reference', values: d.reference },
            { name: 'current', values: d.current, color: c.drifted ? COLORS.drift : COLORS.current },
          ],
        });
  const facts = [
    `${DRIFT_METHODS[c.method].name} ${c.pValue !== null ? `p = ${formatNumber(c.pValue)}` : `= ${formatNumber(c.distance)}`} (threshold ${formatNumber(c.threshold)})`,
    `PSI ${formatNumber(c.psi)}`,
    `rows ${c.rows.reference} / ${c.rows.current}`,
  ];
  if (c.missing.current > 0 || c.missing.reference > 0)
    facts.push(`missing ${formatPercent(c.missing.reference)} → ${formatPercent(c.missing.current)}`);
  if (d.type === 'bins' && (d.below > 0 || d.above > 0))
    facts.push(
      `outside the training range: ${formatPercent(d.below)} below, ${formatPercent(d.above)} above`,
    );
  if (d.type === 'labels' && d.labels.length > MAX_BARS) {
    const shown = new Set(topLabels(d.reference, d.current, MAX_BARS));
    const rest = (v: readonly number[]) => v.reduce((sum, x, i) => (shown.has(i) ? sum : sum + x), 0);
    facts.push(
      `showing the ${MAX_BARS} largest of ${d.labels.length} labels; the rest hold ${formatPercent(rest(d.reference))} → ${formatPercent(rest(d.current))}`,
    );
  }
  if (c.newLabels?.length) facts.push(`new: ${c.newLabels.join(', ')}`);
  if (c.note) facts.push(c.note);
  return html`<div class="panel"><h3>${c.column} ${badge(c.drifted)}</h3><div class="facts">${facts.join(' · ')}</div>${raw(chart)}</div>`;
}

const MAX_BARS = 15;

/** Indices of the n labels with the largest share on either side (as barsChart picks them). */
function topLabels(reference: readonly number[], current: readonly number[], n: number): number[] {
  return reference
    .map((_, i) => i)
    .sort((a, b) => Math.max(reference[b], current[b]) - Math.max(reference[a], current[a]))
    .slice(0, n);
}

function quality(q: QualityResult | null, s: MonitorSnapshot): Html {
  if (!q)
    return html`<p class="muted">No ground truth arrived for this window: post feedback to see the model's metrics over time.</p>`;
  const primary = q.primaryMetric;
  const timed = q.buckets.filter((b) => b.start !== null);
  const chart =
    timed.length > 0
      ? lineChart({
          time: true,
          yLabel: primary,
          series: [
            {
              name: primary,
              points: timed.map((b) => ({ x: Date.parse(b.start!), y: b.metrics[primary] ?? null })),
            },
          ],
          rules:
            q.training[primary] != null
              ? [{ y: q.training[primary]!, label: `at training ${formatNumber(q.training[primary])}` }]
              : [],
        })
      : '';
  const names = Object.keys(q.overall.metrics);
  const rows = [
    { label: 'at training (held-out rows)', rows: null as number | null, metrics: q.training },
    {
      label: `this window (${s.options.period.name} buckets below)`,
      rows: q.overall.rows,
      metrics: q.overall.metrics,
    },
    ...q.buckets.map((b) => ({ label: b.start ?? 'no time', rows: b.rows, metrics: b.metrics })),
  ];
  return html`<div class="panel">${raw(chart)}</div>
<p class="muted">${primary}: ${formatNumber(q.overall.metrics[primary])} now against ${formatNumber(q.training[primary])} at training (${q.direction === 'max' ? 'higher' : 'lower'} is better; change ${formatNumber(q.change)}).</p>
${table(
  [
    { header: 'rows', cell: (r: (typeof rows)[number]) => r.label },
    { header: 'n', cell: (r: (typeof rows)[number]) => (r.rows === null ? '' : r.rows), numeric: true },
    ...names.map((n) => ({
      header: n,
      cell: (r: (typeof rows)[number]) => formatNumber(r.metrics[n]),
      numeric: true,
    })),
  ],
  rows,
)}`;
}

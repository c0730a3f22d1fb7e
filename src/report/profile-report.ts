import { WARNING_THRESHOLDS } from '../data/profile/options.js';
import type {
  ColumnProfile,
  CorrelationMatrix,
  DataProfile,
  ProfileWarning,
  TargetAssociation,
} from '../data/profile/types.js';
import { heatmapChart } from './charts/heatmap.js';
import { formatNumber, formatPercent, type Html, html, page, raw, table } from './html.js';
import { columnAnchor, columnPanel, formatTime } from './profile-column.js';

export interface ProfileReportOptions {
  /** What was profiled (a file name), for the title. */
  readonly name?: string;
  /** When the profile was made, for the footer. Default: now. */
  readonly at?: Date;
}

/**
 * The profile as one self-contained HTML page: the summary and warnings, a table of columns, one
 * panel with one chart per column, heat maps of the correlations, the target's associations, and
 * duplicates. It reads the profile only; every chart is inline SVG, nothing is fetched.
 */
export function renderProfileReport(p: DataProfile, opts: ProfileReportOptions = {}): string {
  const title = `Profile: ${opts.name ?? 'data'}`;
  const body = html`<main>
<h1>${title}</h1>
<div class="muted">${subtitle(p)}</div>
${cards(p)}
<h2>Warnings</h2>
${warnings(p.warnings)}
<h2>Columns</h2>
${columnTable(p.columns)}
<h2>Distributions</h2>
<div class="panels">${p.columns.map((c, i) => columnPanel(c, i))}</div>
<h2>Correlations</h2>
${correlations(p)}
${p.target ? targetSection(p) : ''}
<h2>Duplicates</h2>
${duplicates(p)}
<footer>Cairn profile (level ${p.level}), ${(opts.at ?? new Date()).toISOString()}. ${rules(p)}</footer>
</main>`;
  // the page's own style sheet comes first (charts carry style elements of their own further down)
  return page(title, body).replace('</style>', `${STYLE}</style>`);
}

/** Additions to the shared report style sheet. */
const STYLE = `
.kind { font-weight: 400; font-size: 12px; color: #616e7c; }
.sev { display: inline-block; min-width: 58px; text-align: center; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600; }
.sev.high { background: #fde8e8; color: #b91c1c; }
.sev.medium { background: #fef3c7; color: #92400e; }
.sev.low { background: #e0e7ff; color: #3730a3; }
ul.warnings { list-style: none; padding: 0; margin: 0; }
ul.warnings li { background: #fff; border: 1px solid #d9e2ec; border-radius: 8px; padding: 8px 12px; margin-bottom: 6px; }
.heatmaps { display: flex; flex-wrap: wrap; gap: 14px; }
`;

function subtitle(p: DataProfile): string {
  const parts = [`${p.rows} rows`, `${p.columns.length} columns`];
  if (p.target) parts.push(`target ${p.target.name} (${p.target.task ?? 'no task'})`);
  if (p.sample)
    parts.push(
      `${p.sample.usedFor.join(' and ')} on a seeded sample of ${p.sample.rows} of ${p.sample.of} rows (seed ${p.sample.seed}); everything else on every row`,
    );
  return parts.join(' · ');
}

function card(label: string, value: string, sub?: string): Html {
  return html`<div class="card"><div class="label">${label}</div><div class="value">${value}</div>${sub ? html`<div class="muted">${sub}</div>` : ''}</div>`;
}

function cards(p: DataProfile): Html {
  const cells = p.rows * p.columns.length;
  const missing = p.columns.reduce((s, c) => s + c.missing, 0);
  const kinds = new Map<string, number>();
  for (const c of p.columns) kinds.set(c.kind, (kinds.get(c.kind) ?? 0) + 1);
  const high = p.warnings.filter((w) => w.severity === 'high').length;
  return html`<div class="cards">
${card('Rows', String(p.rows))}
${card('Columns', String(p.columns.length), [...kinds].map(([k, n]) => `${n} ${k}`).join(', '))}
${card('Missing cells', formatPercent(cells > 0 ? missing / cells : 0), `${missing} of ${cells}`)}
${card('Duplicate rows', p.duplicateRows ? String(p.duplicateRows.count) : '–', p.duplicateRows ? formatPercent(p.rows > 0 ? p.duplicateRows.count / p.rows : 0) : 'not computed at this level')}
${card('Warnings', String(p.warnings.length), high > 0 ? `${high} high` : 'none high')}
</div>`;
}

function warnings(list: readonly ProfileWarning[]): Html {
  if (list.length === 0) return html`<p class="muted">No warnings.</p>`;
  return html`<ul class="warnings">${list.map(
    (w) =>
      html`<li><span class="sev ${w.severity}">${w.severity}</span> <strong>${w.code.replace(/_/g, ' ')}</strong> ${w.message}</li>`,
  )}</ul>`;
}

function columnTable(columns: readonly ColumnProfile[]): Html {
  return table<ColumnProfile>(
    [
      { header: 'column', cell: (c) => html`<a href="#${columnAnchor(columns.indexOf(c))}">${c.name}</a>` },
      { header: 'kind', cell: (c) => c.kind },
      { header: 'role', cell: (c) => c.role },
      { header: 'missing', cell: (c) => formatPercent(c.missingShare), numeric: true },
      { header: 'distinct', cell: (c) => (c.distinct === null ? '–' : c.distinct), numeric: true },
      { header: 'summary', cell: (c) => summary(c) },
    ],
    columns,
  );
}

function summary(c: ColumnProfile): string {
  const n = c.numeric;
  if (n) {
    if (c.kind === 'datetime') return `${formatTime(n.min)} – ${formatTime(n.max)}`;
    return `${formatNumber(n.min)} – ${formatNumber(n.max)}, mean ${formatNumber(n.mean)} ± ${formatNumber(n.std)}`;
  }
  const top = c.top?.values.slice(0, 3) ?? [];
  return top.map((v) => `${v.label} ${formatPercent(v.count / Math.max(1, c.count), 0)}`).join(', ');
}

function correlations(p: DataProfile): Html {
  const corr = p.correlations;
  if (!corr) return html`<p class="muted">Not computed at level '${p.level}'.</p>`;
  const maps: Html[] = [];
  const add = (title: string, m: CorrelationMatrix, domain: 'signed' | 'unsigned', note: string) => {
    if (m.columns.length < 2) return;
    maps.push(
      html`<section class="panel heatmap"><h3>${title}</h3><div class="facts">${note}</div>${raw(heatmapChart({ labels: m.columns, values: m.values, domain }))}</section>`,
    );
  };
  add('Pearson r', corr.pearson, 'signed', 'numbers, pairwise complete rows');
  add(
    'Spearman ρ',
    corr.spearman,
    'signed',
    p.sample?.usedFor.includes('spearman')
      ? `ranks on a sample of ${p.sample.rows} rows`
      : 'ranks, pairwise complete rows',
  );
  add("Cramér's V", corr.cramersV, 'unsigned', 'categories and booleans, no continuity correction');
  return maps.length > 0
    ? html`<div class="heatmaps">${maps}</div>`
    : html`<p class="muted">Fewer than two numbers and fewer than two categories: nothing to correlate.</p>`;
}

function targetSection(p: DataProfile): Html {
  const t = p.target!;
  const classes = t.classes
    ? html`<p>Classes: ${t.classes.map((c) => `${c.label} ${c.count} (${formatPercent(c.count / Math.max(1, p.rows))})`).join(', ')}</p>`
    : '';
  const fmt = (v: number | null | undefined) => (v === undefined ? '' : formatNumber(v, 3));
  const measures: [string, keyof TargetAssociation][] = [
    ['Pearson r', 'pearson'],
    ['Spearman ρ', 'spearman'],
    ["Cramér's V", 'cramersV'],
    ['η', 'correlationRatio'],
    ['AUC', 'auc'],
  ];
  // only the measures some feature has
  const shown = measures.filter(([, k]) => t.associations.some((a) => a[k] !== undefined));
  return html`<h2>Target: ${t.name}</h2>
${classes}
${
  t.associations.length > 0
    ? table<TargetAssociation>(
        [
          { header: 'feature', cell: (a) => a.column },
          { header: 'strength', cell: (a) => fmt(a.strength), numeric: true },
          ...shown.map(([header, k]) => ({
            header,
            cell: (a: TargetAssociation) => fmt(a[k] as number | null | undefined),
            numeric: true,
          })),
        ],
        t.associations,
      )
    : html`<p class="muted">No feature measured against the target.</p>`
}`;
}

function duplicates(p: DataProfile): Html {
  if (!p.duplicateRows) return html`<p class="muted">Not computed at level '${p.level}'.</p>`;
  const d = p.duplicateRows;
  const parts: Html[] = [
    html`<p>${d.count === 0 ? 'No row repeats an earlier one.' : `${d.count} rows repeat an earlier row.`}${d.examples.length ? ` First groups (0-based rows): ${d.examples.map((g) => `[${g.join(', ')}]`).join('; ')}.` : ''}</p>`,
  ];
  const cols = p.duplicateColumns ?? [];
  parts.push(
    html`<p>${cols.length === 0 ? 'No two columns are identical.' : `Identical columns: ${cols.map((g) => g.join(' = ')).join('; ')}.`}</p>`,
  );
  if (p.test)
    parts.push(
      html`<p>Test data: ${p.test.shared} of ${p.test.rows} rows also appear here (compared on ${p.test.columns.length} columns)${p.test.examples.length ? `; e.g. test row → row: ${p.test.examples.map(([a, b]) => `${a} → ${b}`).join(', ')}` : ''}.</p>`,
    );
  return html`${parts}`;
}

function rules(p: DataProfile): string {
  const t = WARNING_THRESHOLDS;
  return [
    `Quantiles interpolate linearly (numpy's default); std uses n − 1; histograms as numpy.histogram`,
    `outliers: Tukey's fences (k = 1.5) and |z| > 3`,
    `leakage when |r|, |ρ|, V or η ≥ ${t.leakage}, or AUC ≥ ${t.leakageAuc} (or ≤ ${formatNumber(1 - t.leakageAuc)}), by default`,
    p.sample ? `rank measures on ${p.sample.rows} sampled rows` : 'every measure on every row',
  ].join('; ');
}

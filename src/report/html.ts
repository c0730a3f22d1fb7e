/**
 * Small helpers for self-contained HTML reports: escaping, a page shell with inline CSS, tables.
 * Everything is inline (no fonts, scripts or images from elsewhere), so a report opens offline.
 */

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** A trusted HTML fragment (already escaped or built by these helpers). */
export interface Html {
  readonly html: string;
}

export function raw(html: string): Html {
  return { html };
}

/** Tagged template that escapes interpolated strings and numbers, and inlines Html and arrays of them. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return { html: out };
}

function render(v: unknown): string {
  if (v === null || v === undefined || v === false) return '';
  if (Array.isArray(v)) return v.map(render).join('');
  if (typeof v === 'object' && 'html' in (v as Html)) return (v as Html).html;
  return escapeHtml(String(v));
}

export interface TableColumn<R> {
  readonly header: string;
  readonly cell: (row: R) => string | number | Html;
  /** Right-aligned numbers. */
  readonly numeric?: boolean;
}

export function table<R>(columns: readonly TableColumn<R>[], rows: readonly R[], cls = ''): Html {
  return html`<table class="${cls}"><thead><tr>${columns.map(
    (c) => html`<th class="${c.numeric ? 'num' : ''}">${c.header}</th>`,
  )}</tr></thead><tbody>${rows.map(
    (r) =>
      html`<tr>${columns.map((c) => html`<td class="${c.numeric ? 'num' : ''}">${c.cell(r)}</td>`)}</tr>`,
  )}</tbody></table>`;
}

/** A number for people: 4 significant digits, exponent form for the very small. */
export function formatNumber(v: number | null | undefined, digits = 4): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '–';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a < 1e-4 || a >= 1e7) return v.toExponential(2);
  return Number(v.toPrecision(digits)).toString();
}

export function formatPercent(v: number | null | undefined, digits = 1): string {
  return v === null || v === undefined || !Number.isFinite(v) ? '–' : `${(v * 100).toFixed(digits)}%`;
}

/** The page: title, inline style sheet, body. */
export function page(title: string, body: Html): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body.html}
</body>
</html>
`;
}

export const COLORS = {
  reference: '#9aa5b1',
  current: '#2563eb',
  drift: '#dc2626',
  ok: '#15803d',
  text: '#1f2933',
  muted: '#616e7c',
} as const;

const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: ${COLORS.text}; background: #f5f7fa; }
main { max-width: 1100px; margin: 0 auto; padding: 24px 20px 64px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 32px 0 10px; padding-bottom: 4px; border-bottom: 1px solid #d9e2ec; }
h3 { font-size: 15px; margin: 0 0 4px; }
.muted { color: ${COLORS.muted}; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0; }
.card { background: #fff; border: 1px solid #d9e2ec; border-radius: 8px; padding: 12px 16px; min-width: 180px; flex: 1; }
.card .label { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: ${COLORS.muted}; }
.card .value { font-size: 20px; font-weight: 600; margin-top: 2px; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600; }
.badge.drift { background: #fde8e8; color: ${COLORS.drift}; }
.badge.ok { background: #e3f9e5; color: ${COLORS.ok}; }
.verdict { font-size: 15px; padding: 10px 14px; border-radius: 8px; margin: 12px 0; }
.verdict.drift { background: #fde8e8; border: 1px solid #f8b4b4; }
.verdict.ok { background: #e3f9e5; border: 1px solid #a3e4ad; }
table { border-collapse: collapse; width: 100%; background: #fff; border: 1px solid #d9e2ec; border-radius: 8px; overflow: hidden; }
th, td { padding: 6px 10px; border-bottom: 1px solid #eef2f7; text-align: left; vertical-align: top; }
th { background: #f0f4f8; font-weight: 600; font-size: 12px; text-transform: uppercase; letter-spacing: .03em; color: ${COLORS.muted}; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.drifted td:first-child { border-left: 3px solid ${COLORS.drift}; }
.panels { display: grid; grid-template-columns: repeat(auto-fill, minmax(480px, 1fr)); gap: 14px; align-items: start; }
.panel { background: #fff; border: 1px solid #d9e2ec; border-radius: 8px; padding: 12px 14px; }
.panel .facts { font-size: 12px; color: ${COLORS.muted}; margin-bottom: 6px; }
.panel svg { display: block; max-width: 100%; height: auto; }
.legend { font-size: 12px; color: ${COLORS.muted}; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin: 0 4px 0 10px; vertical-align: -1px; }
.notes li { color: ${COLORS.muted}; }
footer { margin-top: 40px; font-size: 12px; color: ${COLORS.muted}; }
`;

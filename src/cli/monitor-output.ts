/** What `cairn monitor` prints and writes: the drift table and summary, the HTML report and the snapshot JSON. */
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { AtomicFile } from '../data/atomic-file.js';
import { byDrift } from '../monitor/severity.js';
import type { ColumnDriftResult, MonitorSnapshot } from '../monitor/snapshot.js';
import { InputError } from '../util/errors.js';
import { CAIRN_DIR, jsonReplacer } from './common.js';
import type { CliIO } from './io.js';
import { table } from './table.js';

/** `.cairn/reports/monitor-<name>-<UTC timestamp>.html`. */
export function defaultReportPath(io: CliIO, name: string, at: Date): string {
  const stamp = at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  const safe = name.replace(/[^A-Za-z0-9._-]+/g, '_') || 'model';
  return join(io.cwd, CAIRN_DIR, 'reports', `monitor-${safe}-${stamp}.html`);
}

/** Writes the HTML report and, beside it, the snapshot as JSON (same name, .json); both atomically. */
export async function writeReport(
  path: string,
  snapshot: MonitorSnapshot,
  shownAs: string,
): Promise<{ html: string; json: string }> {
  if (!/\.html?$/i.test(path))
    throw new InputError('bad_flag', `--report must name an .html file, got '${shownAs}'`, {
      field: 'report',
    });
  try {
    await mkdir(dirname(path), { recursive: true });
  } catch (e) {
    throw new InputError(
      'unwritable_file',
      `${shownAs}: cannot create its folder (${(e as NodeJS.ErrnoException).code})`,
      {
        file: shownAs,
      },
    );
  }
  const json = path.replace(/\.html?$/i, '.json');
  // loaded on demand: Observable Plot and linkedom take a quarter second to import, which every
  // other command (and monitor --no-report) should not pay
  const { renderMonitorReport } = await import('../report/monitor-report.js');
  await writeAtomic(path, renderMonitorReport(snapshot));
  await writeAtomic(json, `${JSON.stringify(snapshot, jsonReplacer, 1)}\n`);
  return { html: path, json };
}

async function writeAtomic(path: string, text: string): Promise<void> {
  const f = new AtomicFile(path);
  try {
    await f.write(text);
    await f.commit();
  } catch (e) {
    await f.discard().catch(() => {});
    throw e;
  }
}

function scoreCell(c: ColumnDriftResult): string | number {
  return c.score ?? '–';
}

/** The human summary: one row per feature (sorted by drift), the prediction, the verdict. */
export function monitorText(s: MonitorSnapshot, reportShown?: string): string {
  const rows = byDrift(s.features).map((c) => [
    c.column,
    c.method,
    scoreCell(c),
    c.threshold,
    c.psi ?? '–',
    c.drifted ? 'DRIFT' : 'ok',
  ]);
  if (s.prediction) {
    const p = s.prediction;
    rows.push([
      `(prediction)`,
      p.method,
      scoreCell(p),
      p.threshold,
      p.psi ?? '–',
      p.drifted ? 'DRIFT' : 'ok',
    ]);
  }
  const lines = [
    `${s.model.uri ?? s.model.name}: ${s.window.rows} rows from ${s.window.source ?? 'the current data'} against ${s.reference.rows} training rows`,
    '',
    table(['feature', 'method', 'score', 'threshold', 'psi', 'drifted'], rows).trimEnd(),
    '',
    `dataset drift: ${s.dataset.driftedColumns} of ${s.dataset.columns} features drifted (share ${fmtShare(s.dataset.share)}, threshold ${s.dataset.threshold})${s.dataset.drifted ? ' -> DRIFT' : ''}`,
  ];
  const q = s.quality;
  if (q) {
    const now = q.overall.metrics[q.primaryMetric];
    const then = q.training[q.primaryMetric];
    lines.push(
      `${q.primaryMetric}: ${fmt(now)} on ${q.overall.rows} rows with feedback (at training ${fmt(then)})${q.buckets.length ? `; ${q.buckets.length} ${s.options.period.name} bucket(s) in the report` : ''}`,
    );
  }
  for (const n of s.notes) lines.push(`note: ${n}`);
  lines.push(s.verdict.drifted ? `DRIFT: ${s.verdict.reasons.join('; ')}` : 'no drift beyond the thresholds');
  if (reportShown) lines.push(`report: ${reportShown}`);
  return `${lines.join('\n')}\n`;
}

function fmtShare(v: number): string {
  return Number(v.toFixed(3)).toString();
}

function fmt(v: number | null | undefined): string {
  return v === null || v === undefined ? 'n/a' : Number(v.toPrecision(4)).toString();
}

/** The snapshot as one JSON line (NaN never appears: the snapshot holds null instead). */
export function monitorJSON(s: MonitorSnapshot, files?: { html: string; json: string }): string {
  return `${JSON.stringify({ ...s, ...(files ? { report: files.html, snapshot: files.json } : {}) }, jsonReplacer)}\n`;
}

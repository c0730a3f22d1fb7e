/** What `cairn profile` prints and writes: the column table and warnings, JSON, and the HTML report. */
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { AtomicFile } from '../data/atomic-file.js';
import type { ColumnProfile, CorrelationMatrix, DataProfile } from '../data/profile/types.js';
import type { ProfileReportOptions } from '../report/profile-report.js';
import { InputError } from '../util/errors.js';
import { CAIRN_DIR, jsonReplacer } from './common.js';
import type { CliIO } from './io.js';
import { table } from './table.js';

/** `.cairn/reports/profile-<name>-<UTC timestamp>.html`. */
export function defaultProfileReportPath(io: CliIO, name: string, at: Date): string {
  const stamp = at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  const safe = name.replace(/[^A-Za-z0-9._-]+/g, '_') || 'data';
  return join(io.cwd, CAIRN_DIR, 'reports', `profile-${safe}-${stamp}.html`);
}

/** Writes the HTML report atomically; `shownAs` is the path as the user gave it, for errors. */
export async function writeProfileReport(
  path: string,
  profile: DataProfile,
  options: ProfileReportOptions,
  shownAs: string,
): Promise<void> {
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
      { file: shownAs },
    );
  }
  // loaded on demand: Observable Plot and linkedom take a quarter second to import
  const { renderProfileReport } = await import('../report/profile-report.js');
  const f = new AtomicFile(path);
  try {
    await f.write(renderProfileReport(profile, options));
    await f.commit();
  } catch (e) {
    await f.discard().catch(() => {});
    throw e;
  }
}

export function profileJSON(p: DataProfile, report?: string): string {
  return `${JSON.stringify({ ...p, ...(report ? { report } : {}) }, jsonReplacer)}\n`;
}

/** The human summary: one line per column, the strongest correlations, the warnings. */
export function profileText(p: DataProfile, data: string, report?: string): string {
  const head = [`${data}: ${p.rows} rows × ${p.columns.length} columns`];
  if (p.target) head.push(`target ${p.target.name} (${p.target.task ?? 'no task'})`);
  if (p.level === 'summary') head.push("level 'summary'");
  const rows = p.columns.map((c) => [
    c.name,
    c.kind,
    c.role,
    percent(c.missingShare),
    c.distinct === null ? '–' : String(c.distinct),
    distribution(c),
  ]);
  const lines = [
    head.join(' · '),
    '',
    table(['column', 'kind', 'role', 'missing', 'distinct', 'distribution'], rows).trimEnd(),
  ];
  if (p.correlations) {
    const pairs = [...strongest(p.correlations.pearson, 'r'), ...strongest(p.correlations.cramersV, 'V')]
      .sort((a, b) => b.strength - a.strength)
      .slice(0, 5);
    if (pairs.length) lines.push('', `strongest pairs: ${pairs.map((x) => x.text).join('; ')}`);
  }
  if (p.target?.associations.length) {
    const top = p.target.associations.slice(0, 5).filter((a) => a.strength !== null);
    lines.push(`with the target: ${top.map((a) => `${a.column} ${a.strength!.toFixed(3)}`).join('; ')}`);
  }
  if (p.duplicateRows) lines.push(`duplicate rows: ${p.duplicateRows.count}`);
  if (p.test) lines.push(`test rows also in the data: ${p.test.shared} of ${p.test.rows}`);
  if (p.sample)
    lines.push(
      `${p.sample.usedFor.join(' and ')} on a seeded sample of ${p.sample.rows} of ${p.sample.of} rows`,
    );
  lines.push('');
  if (p.warnings.length === 0) lines.push('no warnings');
  else {
    lines.push(`warnings (${p.warnings.length}):`);
    for (const w of p.warnings)
      lines.push(`  ${w.severity.toUpperCase().padEnd(6)}  ${w.code.padEnd(17)} ${w.message}`);
  }
  if (report) lines.push(`report: ${report}`);
  return `${lines.join('\n')}\n`;
}

const BLOCKS = ' ▁▂▃▄▅▆▇█';

/** A compact distribution: a histogram sparkline and the range, or the top labels with shares. */
function distribution(c: ColumnProfile): string {
  const n = c.numeric;
  if (n) {
    if (c.count === 0) return '';
    const range =
      c.kind === 'datetime'
        ? `${day(n.min)} … ${day(n.max)}`
        : `${short(n.min)} … ${short(n.max)}, mean ${short(n.mean)}`;
    if (!n.histogram) return range;
    const max = Math.max(...n.histogram.counts);
    const spark = n.histogram.counts
      .map((k) => BLOCKS[k === 0 ? 0 : Math.max(1, Math.round((k / max) * (BLOCKS.length - 1)))])
      .join('');
    return `${spark} ${range}`;
  }
  const top = c.top?.values.slice(0, 3) ?? [];
  const shown = top.map((v) => `${v.label} ${percent(v.count / Math.max(1, c.count), 0)}`);
  if ((c.distinct ?? 0) > top.length) shown.push(`+${(c.distinct ?? 0) - top.length} more`);
  return shown.join(' · ');
}

function strongest(m: CorrelationMatrix, symbol: string): { strength: number; text: string }[] {
  const out: { strength: number; text: string }[] = [];
  for (let a = 0; a < m.columns.length; a++)
    for (let b = a + 1; b < m.columns.length; b++) {
      const v = m.values[a][b];
      if (v !== null)
        out.push({
          strength: Math.abs(v),
          text: `${m.columns[a]} ~ ${m.columns[b]} ${symbol} ${v.toFixed(3)}`,
        });
    }
  return out;
}

function percent(v: number, digits = 1): string {
  return `${(v * 100).toFixed(digits)}%`;
}

function short(v: number | null): string {
  return v === null ? '–' : Number(v.toPrecision(4)).toString();
}

function day(v: number | null): string {
  return v === null ? '–' : new Date(v).toISOString().slice(0, 10);
}

import { basename, extname } from 'node:path';
import type { ColumnKind } from '../data/frame.js';
import { type Frame, loadFrame } from '../data/index.js';
import { profileFrame } from '../data/profile/index.js';
import { COLUMN_ROLES, type ColumnRole } from '../data/schema.js';
import { InputError } from '../util/errors.js';
import type { RegisterCommand } from './commands.js';
import { absolute, fsPath, parseNumberFlag, shown } from './common.js';
import { defaultProfileReportPath, profileJSON, profileText, writeProfileReport } from './profile-output.js';
import { progressReporter } from './progress.js';

export const registerProfile: RegisterCommand = (program, ctx) =>
  program
    .command('profile')
    .description(
      'Profile a data file: per column its kind, missing values, distinct values, statistics and distribution; correlations, duplicates, and warnings (leakage, id-like columns, imbalance, rows shared with a test file, ...)',
    )
    .argument('<data>', 'the data: CSV, TSV, Parquet, JSON or NDJSON')
    .option('--target <column>', 'the column to predict: associations with it, leakage and class imbalance')
    .option('--test <file>', 'a test file: count its rows that also appear in the data')
    .option(
      '--role <column=role>',
      `a column's role (${COLUMN_ROLES.join(', ')}), repeatable; a 'timestamp' column is when the label became known`,
      collect,
      [] as string[],
    )
    .option('--level <level>', "'full' (default) or 'summary' (what pandas describe() computes)")
    .option(
      '--sample-rows <n>',
      'rank-based measures (Spearman, AUC) on a seeded sample of this many rows (default 200000)',
    )
    .option('--seed <n>', 'seed of that sample (default 0)')
    .option(
      '--report <file.html>',
      'where to write the HTML report (default .cairn/reports/profile-<name>-<time>.html)',
    )
    .option('--no-report', 'write no HTML report')
    .option('--json', 'print the profile as JSON')
    .option('--quiet', 'no progress output')
    .action(async (data, opts) => {
      const io = ctx.io;
      const now = new Date();
      const roles = parseRoles(opts.role);
      const level = opts.level;
      if (level !== undefined && level !== 'full' && level !== 'summary')
        throw new InputError('bad_flag', `--level must be 'full' or 'summary', got '${level}'`, {
          field: 'level',
        });
      const sampleRows = parseNumberFlag(
        'sample-rows',
        opts.sampleRows,
        (v) => Number.isInteger(v) && v >= 2,
        'a whole number >= 2',
      );
      const seed = parseNumberFlag(
        'seed',
        opts.seed,
        (v) => Number.isInteger(v) && v >= 0,
        'a whole number >= 0',
      );
      if (typeof opts.report === 'string' && !/\.html?$/i.test(opts.report))
        throw new InputError('bad_flag', `--report must name an .html file, got '${opts.report}'`, {
          field: 'report',
        });
      const frame = await loadFrame(fsPath(io, data));
      for (const [column, field] of [
        ...(opts.target !== undefined ? [[opts.target, 'target'] as const] : []),
        ...Object.keys(roles).map((c) => [c, 'role'] as const),
      ])
        if (!frame.has(column))
          throw new InputError(
            'unknown_column',
            `${data}: no column '${column}' for --${field} (columns: ${frame.names.join(', ')})`,
            { file: data, column, field },
          );
      const test = opts.test !== undefined ? await loadTest(fsPath(io, opts.test), frame) : undefined;
      const progress = progressReporter(io, { quiet: opts.quiet || opts.json });
      const profile = profileFrame(frame, {
        ...(opts.target !== undefined ? { target: opts.target } : {}),
        roles,
        ...(test ? { test } : {}),
        ...(level ? { level } : {}),
        ...(sampleRows !== undefined ? { sampleRows } : {}),
        ...(seed !== undefined ? { seed } : {}),
        onEvent: progress,
      });
      progress.stop();
      const name = basename(data, extname(data));
      let report: string | undefined;
      if (opts.report !== false) {
        const path =
          typeof opts.report === 'string'
            ? absolute(io, opts.report)
            : defaultProfileReportPath(io, name, now);
        const as = typeof opts.report === 'string' ? opts.report : shown(io, path);
        await writeProfileReport(path, profile, { name: basename(data), at: now }, as);
        report = as;
      }
      io.out(opts.json ? profileJSON(profile, report) : profileText(profile, data, report));
    });

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function parseRoles(specs: readonly string[]): Record<string, ColumnRole> {
  const roles: Record<string, ColumnRole> = {};
  for (const spec of specs) {
    const eq = spec.lastIndexOf('=');
    const column = spec.slice(0, eq);
    const role = spec.slice(eq + 1) as ColumnRole;
    if (eq <= 0 || !COLUMN_ROLES.includes(role))
      throw new InputError(
        'bad_flag',
        `--role must look like column=role with role one of ${COLUMN_ROLES.join(', ')}, got '${spec}'`,
        { field: 'role' },
      );
    roles[column] = role;
  }
  return roles;
}

/** The test file, read with the data's kinds for the columns both have (so rows compare alike). */
async function loadTest(path: string, frame: Frame): Promise<Frame> {
  const names = (await loadFrame(path, { limit: 0 })).names;
  const kinds: Record<string, ColumnKind> = {};
  for (const n of names) if (frame.has(n)) kinds[n] = frame.column(n).kind;
  return loadFrame(path, { kinds });
}

import { InputError } from '../../util/errors.js';
import type { Finding, FindingKind, ValidationReport } from './findings.js';

/** The error code a refused batch gets, from its first error. */
const CODES: Readonly<Record<FindingKind, string>> = {
  missing_column: 'missing_column',
  extra_column: 'extra_column',
  type_change: 'wrong_type',
  new_category: 'unknown_category',
  out_of_range: 'out_of_range',
  missing_share: 'unexpected_missing',
};

export interface RejectionOptions {
  /** The file, named first in the message and in details. */
  readonly source?: string;
  /** A sentence to end the message with (how to change the policy where the caller can), or its maker. */
  readonly hint?: string | ((report: ValidationReport) => string | undefined);
}

/**
 * The InputError for a batch the policy refuses: its first error (a missing column, else the
 * error with the earliest row) leads the message, the other errors are counted by column, and
 * `details` carries the column, the first offending row, the policy and every finding.
 */
export function rejection(report: ValidationReport, opts: RejectionOptions = {}): InputError {
  const errors = report.findings.filter((f) => f.severity === 'error');
  if (errors.length === 0) throw new Error('rejection() of a batch without errors');
  const first = errors.reduce((a, b) => (rowOf(b) < rowOf(a) ? b : a));
  const others = errors.filter((f) => f !== first);
  let message = `${opts.source ? `${opts.source}: ` : ''}${first.message}`;
  if (others.length > 0)
    message += `; and ${others.length} more ${others.length === 1 ? 'problem' : 'problems'} (${[
      ...new Set(others.map((f) => `'${f.column}'`)),
    ]
      .slice(0, 10)
      .join(', ')})`;
  const hint = typeof opts.hint === 'function' ? opts.hint(report) : opts.hint;
  if (hint) message += ` (${hint})`;
  return new InputError(CODES[first.kind], message, {
    ...(opts.source ? { file: opts.source } : {}),
    column: first.column,
    ...(first.row !== undefined ? { row: first.row } : {}),
    policy: report.policy,
    findings: report.findings,
  });
}

function rowOf(f: Finding): number {
  return f.kind === 'missing_column' ? -1 : (f.row ?? Number.MAX_SAFE_INTEGER);
}

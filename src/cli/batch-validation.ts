import type { ColumnKind, Frame } from '../data/frame.js';
import { loadFrame } from '../data/index.js';
import {
  BatchValidator,
  DEFAULT_POLICY,
  isValidationPolicy,
  VALIDATION_POLICIES,
  type ValidationPolicy,
  type ValidationReport,
} from '../data/validate/index.js';
import { strictCategoryColumns } from '../serve/strict-categories.js';
import type { TrainedModel } from '../train/trained-model.js';
import { InputError } from '../util/errors.js';
import type { CliIO } from './io.js';
import { table } from './table.js';

/** The --on-invalid flag's help, shared by predict, serve and validate. */
export const ON_INVALID_HELP = `what to do with data unlike the training data: ${VALIDATION_POLICIES.join(' | ')} (default: the model's validation.policy from its spec, else ${DEFAULT_POLICY})`;

/** `--on-invalid <policy>`, checked. */
export function parsePolicyFlag(flag: string | undefined): ValidationPolicy | undefined {
  if (flag === undefined || isValidationPolicy(flag)) return flag;
  throw new InputError(
    'bad_flag',
    `--on-invalid must be one of ${VALIDATION_POLICIES.join(', ')}, got '${flag}'`,
    { field: 'on-invalid' },
  );
}

/** The policy in force and where it came from: the flag wins over the model's, which wins over the default. */
export function validationPolicy(
  flag: string | undefined,
  model: TrainedModel,
): { policy: ValidationPolicy; from: 'flag' | 'model' | 'default' } {
  const given = parsePolicyFlag(flag);
  if (given) return { policy: given, from: 'flag' };
  const recorded = model.info.validation?.policy;
  return recorded ? { policy: recorded, from: 'model' } : { policy: DEFAULT_POLICY, from: 'default' };
}

/** A file about to be validated in chunks: the kinds to scan it with, and the validator. */
export interface BatchCheck {
  readonly validator: BatchValidator;
  /** Kinds for scanFrames: category and text features as the model has them; the rest as the file has them. */
  readonly kinds: Record<string, ColumnKind>;
  /** The file's header as an empty frame (for a file without rows, the report still names missing columns). */
  readonly header: Frame;
}

/**
 * Prepares the validation of a file against a model. Number, boolean and date-time features are
 * read as the file types them, not forced to the model's kind: a value that does not fit is then
 * found by the validator with its row, counted with the others and judged by the policy, instead
 * of stopping the scan at the first one. Category and text features are read as labels, which
 * every value is.
 */
export async function batchCheck(
  model: TrainedModel,
  path: string,
  policy: ValidationPolicy,
  withTarget = false,
): Promise<BatchCheck> {
  const header = (await loadFrame(path, { limit: 1 })).slice(0, 0);
  const kinds: Record<string, ColumnKind> = {};
  for (const f of model.info.features)
    if (header.has(f.name) && (f.kind === 'category' || f.kind === 'text')) kinds[f.name] = f.kind;
  if (withTarget && header.has(model.info.target)) kinds[model.info.target] = model.info.targetSchema.kind;
  const validator = new BatchValidator(model.info.features, model.profile, {
    policy,
    strictCategories: strictCategoryColumns(model),
    expected: [model.info.target],
  });
  return { validator, kinds, header };
}

/** How to let a refused batch through, for the end of the error message. */
export function rejectionHint(report: ValidationReport): string | undefined {
  const errors = report.findings.filter((f) => f.severity === 'error');
  if (errors.every((f) => f.kind === 'missing_column')) return undefined;
  if (report.policy === 'reject')
    return '--on-invalid warn scores values that convert and reports the rest; coerce also clips them and sets unknown ones to missing';
  if (report.policy === 'warn') return '--on-invalid coerce sets values that do not convert to missing';
  return undefined;
}

/** Findings as lines for stderr: one per finding, errors first. */
export function findingLines(report: ValidationReport, command: string): string {
  if (report.findings.length === 0) return '';
  const head = `cairn ${command}: ${counts(report)} (validation policy ${report.policy})\n`;
  return head + report.findings.map((f) => `  ${f.severity}: ${f.message}\n`).join('');
}

/** The report as a table: severity, column, kind, finding. */
export function findingsTable(report: ValidationReport): string {
  if (report.findings.length === 0) return '';
  return table(
    ['severity', 'column', 'finding', 'detail'],
    report.findings.map((f) => [f.severity, f.column, f.kind, f.message]),
  );
}

export function counts(report: ValidationReport): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(report.errors, 'error')}, ${plural(report.warnings, 'warning')}`;
}

/** Logs what the io prints: kept here so predict and validate print findings the same way. */
export function printFindings(io: CliIO, report: ValidationReport, command: string): void {
  const text = findingLines(report, command);
  if (text) io.err(text);
}

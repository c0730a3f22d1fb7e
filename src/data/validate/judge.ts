import { KIND_WORDS } from './cells.js';
import type {
  Finding,
  MissingShare,
  NewCategory,
  OutOfRange,
  Severity,
  ShownValue,
  TypeChange,
} from './findings.js';
import type { ValidationPolicy, ValidationThresholds } from './policy.js';
import type { ColumnTally } from './tally.js';

/** Names a cell in messages: `'x' at data row 5` for files, `rows[4].x` for requests. */
export type CellName = (row: number, column: string) => string;

export const fileCell: CellName = (row, column) => `'${column}' at data row ${row + 1}`;

export interface JudgeContext {
  readonly policy: ValidationPolicy;
  readonly thresholds: ValidationThresholds;
  readonly cell: CellName;
}

const MAX_LABELS = 20;

/**
 * The findings of one column's tally, each with the severity the policy gives it (see policy.ts
 * for the table): errors are what the policy refuses, warnings what it reports and scores.
 */
export function judgeColumn(t: ColumnTally, ctx: JudgeContext): Finding[] {
  const out: Finding[] = [];
  if (t.converted + t.failed > 0) out.push(typeChange(t, ctx));
  if (t.unknownCount > 0) out.push(newCategory(t, ctx));
  if (t.below + t.above > 0) out.push(outOfRange(t, ctx));
  const missing = missingShare(t, ctx);
  if (missing) out.push(missing);
  return out;
}

function typeChange(t: ColumnTally, ctx: JudgeContext): TypeChange {
  const { policy, cell } = ctx;
  const r = t.rule;
  const severity: Severity =
    t.failed > 0 ? (policy === 'coerce' ? 'warning' : 'error') : policy === 'reject' ? 'error' : 'warning';
  const failed = t.failedExamples[0];
  const converted = t.convertedExamples[0];
  // The value that leads the message: the first one the policy refuses (under reject, converting
  // values are refused too), else the first one converted.
  const lead =
    failed && !(policy === 'reject' && converted && converted.row < failed.row) ? failed : converted;
  const got = [...t.got].sort((a, b) => b[1] - a[1]).map(([k]) => k);
  let message: string;
  if (severity === 'error' || t.failed > 0) {
    const notes: string[] = [];
    if (t.failed > (lead === failed ? 1 : 0))
      notes.push(
        `${t.failed === 1 ? '1 value' : `${t.failed} values`} of '${r.name}' ${t.failed === 1 ? 'does' : 'do'} not convert`,
      );
    if (policy === 'reject' && t.converted > 0)
      notes.push(
        `${t.converted === 1 ? '1 value converts' : `${t.converted} values convert`} without loss under the policies 'warn' and 'coerce'`,
      );
    message = `${cell(lead.row, r.name)} must be ${KIND_WORDS[r.kind]}, got ${show(lead.value)}`;
    if (notes.length > 0) message += ` (${notes.join('; ')})`;
    if (policy === 'coerce') message += '; set to missing';
  } else {
    message = `${cell(lead.row, r.name)} is ${show(lead.value)} (${got[0]}) where the model expects ${KIND_WORDS[r.kind]}: converted`;
    if (t.converted > 1) message += ` (${t.converted} values of '${r.name}')`;
  }
  return {
    kind: 'type_change',
    column: r.name,
    severity,
    message,
    row: lead.row,
    expected: r.kind,
    got,
    converted: t.converted,
    unconvertible: t.failed,
    examples: (t.failed > 0 ? t.failedExamples : t.convertedExamples).slice(),
    ...(policy === 'coerce' && t.failed > 0 ? { setMissing: t.failed } : {}),
  };
}

function newCategory(t: ColumnTally, ctx: JudgeContext): NewCategory {
  const { policy, cell } = ctx;
  const r = t.rule;
  const severity: Severity = policy === 'reject' || (r.strict && policy !== 'coerce') ? 'error' : 'warning';
  const labels = [...t.unknown].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  let message = `${cell(t.firstUnknown, r.name)} is ${JSON.stringify(t.firstUnknownLabel)}, a category not seen in training`;
  if (t.unknownCount > 1)
    message += ` (${t.unknownCount} values of '${r.name}' in ${labels.length} new ${labels.length === 1 ? 'category' : 'categories'}: ${labels
      .slice(0, 5)
      .map(([l, n]) => `${JSON.stringify(l)} ×${n}`)
      .join(', ')}${labels.length > 5 ? ', ...' : ''})`;
  if (policy === 'coerce') message += '; set to missing';
  else if (r.strict) message += `; the model cannot take it (it knows ${shortList(r.categories)})`;
  else if (policy === 'warn') message += '; the model takes it as unknown';
  return {
    kind: 'new_category',
    column: r.name,
    severity,
    message,
    row: t.firstUnknown,
    count: t.unknownCount,
    categories: labels.slice(0, MAX_LABELS).map(([label, count]) => ({ label, count })),
    distinct: labels.length,
    refusedByModel: r.strict,
    ...(policy === 'coerce' ? { setMissing: t.unknownCount } : {}),
  };
}

function outOfRange(t: ColumnTally, ctx: JudgeContext): OutOfRange {
  const { policy, cell } = ctx;
  const r = t.rule;
  const count = t.below + t.above;
  const beyond = Math.max(t.below > 0 ? r.min - t.low : 0, t.above > 0 ? t.high - r.max : 0);
  const width = r.max - r.min;
  const beyondShare = width > 0 ? beyond / width : null;
  let message = `${cell(t.firstOut, r.name)} is ${num(t.firstOutValue)}, outside the training range ${num(r.min)} to ${num(r.max)}`;
  if (count > 1)
    message += ` (${count} values of '${r.name}': ${t.below} below, ${t.above} above; seen ${num(t.low)} to ${num(t.high)})`;
  if (policy === 'coerce') message += '; clipped to the range';
  return {
    kind: 'out_of_range',
    column: r.name,
    severity: policy === 'reject' ? 'error' : 'warning',
    message,
    row: t.firstOut,
    count,
    below: t.below,
    above: t.above,
    min: t.low,
    max: t.high,
    trainMin: r.min,
    trainMax: r.max,
    beyond,
    beyondShare,
    ...(policy === 'coerce' ? { clipped: count } : {}),
  };
}

function missingShare(t: ColumnTally, ctx: JudgeContext): MissingShare | undefined {
  if (t.missing === 0 || t.rows === 0) return undefined;
  const r = t.rule;
  const share = t.missing / t.rows;
  const trainShare = Number.isNaN(r.trainShare) ? (r.nullable ? Number.NaN : 0) : r.trainShare;
  const pct = (v: number) => `${num(Math.round(v * 1000) / 10)}%`;
  if (!r.nullable) {
    let message = `${ctx.cell(t.firstMissing, r.name)} is missing, and '${r.name}' never was in training`;
    if (t.missing > 1) message += ` (${t.missing} missing values, ${pct(share)} of rows)`;
    return {
      kind: 'missing_share',
      column: r.name,
      severity: ctx.policy === 'reject' ? 'error' : 'warning',
      message,
      row: t.firstMissing,
      count: t.missing,
      share,
      trainShare: 0,
    };
  }
  const { missingShareJump, minRowsForShare } = ctx.thresholds;
  if (Number.isNaN(trainShare) || t.rows < minRowsForShare || share - trainShare <= missingShareJump)
    return undefined;
  return {
    kind: 'missing_share',
    column: r.name,
    severity: 'warning',
    message: `'${r.name}' is missing in ${pct(share)} of rows, ${pct(trainShare)} in training (more than ${num(missingShareJump * 100)} points up)`,
    count: t.missing,
    share,
    trainShare,
    threshold: missingShareJump,
  };
}

/** A number for messages: integers as they are, others to 6 significant digits. */
export function num(v: number): string {
  return Number.isInteger(v) || !Number.isFinite(v) ? String(v) : String(Number(v.toPrecision(6)));
}

function show(v: ShownValue): string {
  if (typeof v !== 'string') return String(v);
  return JSON.stringify(v.length > 40 ? `${v.slice(0, 37)}...` : v);
}

function shortList(values: readonly string[]): string {
  const shown = values.slice(0, 20).map((v) => JSON.stringify(v));
  return values.length > 20 ? `${shown.join(', ')}, ...` : shown.join(', ');
}

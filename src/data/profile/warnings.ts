import type { Frame } from '../frame.js';
import { ID_NAME } from '../roles.js';
import type { ColumnRole } from '../schema.js';
import type { WarningThresholds } from './options.js';
import type {
  ColumnProfile,
  DuplicateRows,
  ProfileWarning,
  Severity,
  SharedRows,
  TargetAssociation,
  TargetProfile,
} from './types.js';

export interface WarningInputs {
  readonly frame: Frame;
  readonly roles: Readonly<Record<string, ColumnRole>>;
  readonly columns: readonly ColumnProfile[];
  readonly target: TargetProfile | null;
  readonly duplicateRows: DuplicateRows | null;
  readonly duplicateColumns: readonly (readonly string[])[] | null;
  readonly shared: SharedRows | null;
  readonly thresholds: WarningThresholds;
}

/** Every warning rule over a computed profile (the rules are in src/data/profile/README.md). */
export function profileWarnings(w: WarningInputs): ProfileWarning[] {
  const out: ProfileWarning[] = [];
  const t = w.thresholds;
  const rows = w.frame.nRows;
  const idLike = new Set<string>();
  for (const c of w.columns) {
    const role = w.roles[c.name];
    if (c.missingShare >= t.missingMedium && rows > 0)
      out.push({
        code: 'high_missing',
        severity: c.missingShare >= t.missingHigh ? 'high' : 'medium',
        columns: [c.name],
        message: `${pct(c.missingShare)} of '${c.name}' is missing`,
        value: c.missingShare,
        threshold: c.missingShare >= t.missingHigh ? t.missingHigh : t.missingMedium,
      });
    if (c.constant && rows > 0)
      out.push({
        code: 'constant',
        severity: 'medium',
        columns: [c.name],
        message:
          c.count === 0
            ? `'${c.name}' has no values at all`
            : `'${c.name}' holds one value only: it carries no information`,
      });
    if (role !== 'id' && role !== 'ignore' && role !== 'target' && looksLikeId(w.frame, c)) {
      idLike.add(c.name);
      out.push({
        code: 'id_like',
        severity: 'medium',
        columns: [c.name],
        message: `'${c.name}' looks like an identifier (every value distinct${ID_NAME.test(c.name) ? ', and so named' : ''}): give it the role 'id' rather than use it as a feature`,
      });
    }
    if ((c.kind === 'category' || c.kind === 'text') && !idLike.has(c.name) && role !== 'id') {
      const d = c.distinct ?? 0;
      if (d > t.cardinality)
        out.push({
          code: 'high_cardinality',
          severity: c.count > 0 && d / c.count >= 0.5 ? 'medium' : 'low',
          columns: [c.name],
          message: `'${c.name}' has ${d} distinct values${c.count > 0 ? ` (${pct(d / c.count)} of its values)` : ''}: one-hot encoding would make ${d} columns`,
          value: d,
          threshold: t.cardinality,
        });
    }
  }
  out.push(...targetWarnings(w, idLike));
  for (const group of w.duplicateColumns ?? [])
    out.push({
      code: 'duplicate_columns',
      severity: 'low',
      columns: group,
      message: `${group.map((g) => `'${g}'`).join(', ')} hold identical values`,
    });
  const dup = w.duplicateRows;
  if (dup && dup.count > 0)
    out.push({
      code: 'duplicate_rows',
      severity: dup.count / rows >= t.duplicateRowsMedium ? 'medium' : 'low',
      columns: [],
      message: `${dup.count} rows (${pct(dup.count / rows)}) repeat an earlier row`,
      value: dup.count / rows,
      threshold: t.duplicateRowsMedium,
    });
  const shared = w.shared;
  if (shared && shared.shared > 0)
    out.push({
      code: 'shared_rows',
      severity: 'high',
      columns: [],
      message: `${shared.shared} of the ${shared.rows} test rows (${pct(shared.shared / shared.rows)}) also appear in the data: scores on the test set will be optimistic`,
      value: shared.shared,
    });
  out.push(...futureTimestamps(w));
  return out.sort(
    (a, b) =>
      RANK[b.severity] - RANK[a.severity] ||
      (a.columns[0] ?? '').localeCompare(b.columns[0] ?? '') ||
      a.code.localeCompare(b.code),
  );
}

const RANK: Record<Severity, number> = { high: 3, medium: 2, low: 1 };

/**
 * An identifier: no value missing, every value distinct, at least 10 rows, and either a category or
 * text column, or a whole-number column that is named like an id or runs through consecutive values.
 */
function looksLikeId(frame: Frame, c: ColumnProfile): boolean {
  if (c.distinct === null || c.missing > 0 || c.count < 10 || c.distinct !== c.count) return false;
  if (c.kind === 'category' || c.kind === 'text') return true;
  if (c.kind !== 'number' || !c.numeric || c.numeric.min === null || c.numeric.max === null) return false;
  const values = frame.columnOf(c.name, 'number').values;
  for (let i = 0; i < values.length; i++) if (!Number.isInteger(values[i])) return false;
  return ID_NAME.test(c.name) || c.numeric.max - c.numeric.min === c.count - 1;
}

function targetWarnings(w: WarningInputs, idLike: Set<string>): ProfileWarning[] {
  const target = w.target;
  if (!target) return [];
  const t = w.thresholds;
  const out: ProfileWarning[] = [];
  const byName = new Map(w.columns.map((c) => [c.name, c]));
  for (const a of target.associations) {
    const c = byName.get(a.column)!;
    if (!leaks(a, t) || idLike.has(a.column)) continue;
    if ((c.kind === 'category' || c.kind === 'text') && c.distinct !== null && c.distinct > 0)
      if (c.count / c.distinct < t.minRowsPerLabel) continue;
    out.push({
      code: 'leakage',
      severity: 'high',
      columns: [a.column],
      message: `'${a.column}' alone nearly predicts '${target.name}' (${describeStrength(a)}): check it is known before the target is, or drop it`,
      value: a.strength ?? undefined,
    });
  }
  if (target.classes && target.classes.length >= 2) {
    const most = target.classes[0];
    const least = target.classes[target.classes.length - 1];
    const ratio = most.count / least.count;
    if (ratio >= t.imbalanceMedium)
      out.push({
        code: 'class_imbalance',
        severity: ratio >= t.imbalanceHigh ? 'high' : 'medium',
        columns: [target.name],
        message: `'${target.name}' is imbalanced: '${most.label}' has ${most.count} rows, '${least.label}' ${least.count} (${ratio.toFixed(1)}:1); prefer balanced metrics, stratified splits or class weights`,
        value: ratio,
        threshold: ratio >= t.imbalanceHigh ? t.imbalanceHigh : t.imbalanceMedium,
      });
  }
  return out;
}

/** Whether one measure of a feature's association with the target crosses its leakage threshold. */
function leaks(a: TargetAssociation, t: WarningThresholds): boolean {
  for (const v of [a.pearson, a.spearman, a.cramersV, a.correlationRatio])
    if (v != null && Math.abs(v) >= t.leakage) return true;
  return a.auc != null && (a.auc >= t.leakageAuc || a.auc <= 1 - t.leakageAuc);
}

function describeStrength(a: TargetAssociation): string {
  const parts: string[] = [];
  if (a.pearson != null) parts.push(`Pearson r ${a.pearson.toFixed(3)}`);
  if (a.spearman != null) parts.push(`Spearman ρ ${a.spearman.toFixed(3)}`);
  if (a.cramersV != null) parts.push(`Cramér's V ${a.cramersV.toFixed(3)}`);
  if (a.correlationRatio != null) parts.push(`correlation ratio η ${a.correlationRatio.toFixed(3)}`);
  if (a.auc != null) parts.push(`AUC ${a.auc.toFixed(3)}`);
  return parts.join(', ');
}

/** Datetime features later than the row's 'timestamp' column (when the label became known). */
function futureTimestamps(w: WarningInputs): ProfileWarning[] {
  const stamps = Object.keys(w.roles).filter((n) => w.roles[n] === 'timestamp');
  const out: ProfileWarning[] = [];
  for (const stamp of stamps) {
    const when = w.frame.column(stamp);
    if (when.kind !== 'datetime') continue;
    for (const [name, c] of w.frame.columns()) {
      if (c.kind !== 'datetime' || name === stamp || w.roles[name] !== 'feature') continue;
      let later = 0;
      let compared = 0;
      const a = c.values;
      const b = when.values;
      for (let i = 0; i < a.length; i++)
        if (!Number.isNaN(a[i]) && !Number.isNaN(b[i])) {
          compared++;
          if (a[i] > b[i]) later++;
        }
      if (later > 0)
        out.push({
          code: 'future_timestamp',
          severity: 'high',
          columns: [name, stamp],
          message: `'${name}' is later than the label's timestamp '${stamp}' in ${later} of ${compared} rows (${pct(later / compared)}): it holds information from after the label was known`,
          value: later / compared,
          threshold: 0,
        });
    }
  }
  return out;
}

function pct(v: number): string {
  const p = v * 100;
  return `${p >= 10 || p === 0 ? p.toFixed(0) : p >= 1 ? p.toFixed(1) : p.toPrecision(2)}%`;
}

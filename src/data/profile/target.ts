import type { Column, Frame } from '../frame.js';
import { type Codes, correlationRatio, cramersV } from './association.js';
import { pairCorrelation } from './correlation.js';
import { labelCounts } from './label-stats.js';
import { takeFloat64 } from './sample.js';
import type { TargetAssociation, TargetProfile } from './types.js';

/** What the associations read from the frame's other measures, so nothing is computed twice. */
export interface AssociationSources {
  /** Pearson r between two number columns (from the matrix), or undefined when not in it. */
  readonly pearson: (a: string, b: string) => number | null | undefined;
  /** Spearman ρ between two number columns (from the matrix, on the sample). */
  readonly spearman: (a: string, b: string) => number | null | undefined;
  /** Cramér's V between two categorical columns (from the matrix). */
  readonly cramersV: (a: string, b: string) => number | null | undefined;
  /** ROC AUC of a number column for a binary target's second class (on the sample). */
  readonly auc: (feature: string) => number | null;
  /** A column's mean (the shift for one-pass sums of squares). */
  readonly mean: (column: string) => number | undefined;
  /** The rows the rank-based measures use; null for all. */
  readonly sample: Int32Array | null;
}

/**
 * The target's task and classes, and for each feature the measures its kinds allow:
 * number ~ number: Pearson r and Spearman ρ; category ~ category: Cramér's V; number ~ category
 * (either way round): the correlation ratio η of the number on the categories, and for a binary
 * target the feature's ROC AUC too. Text features are not measured.
 */
export function targetProfile(
  frame: Frame,
  target: string,
  features: readonly string[],
  sources: AssociationSources | null,
): TargetProfile {
  const t = frame.column(target);
  const task =
    t.kind === 'category' || t.kind === 'boolean'
      ? 'classification'
      : t.kind === 'number' || t.kind === 'datetime'
        ? 'regression'
        : null;
  let classes: TargetProfile['classes'] = null;
  if (t.kind === 'category' || t.kind === 'boolean') {
    const lc = labelCounts(t);
    classes = lc.labels
      .map((label, i) => ({ label, count: lc.counts[i] }))
      .sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  }
  const associations: TargetAssociation[] = [];
  if (sources && task !== null)
    for (const name of features) {
      const a = associate(frame.column(name), name, t, target, sources, classes?.length === 2);
      if (a) associations.push(a);
    }
  associations.sort((a, b) => (b.strength ?? -1) - (a.strength ?? -1) || (a.column < b.column ? -1 : 1));
  return { name: target, kind: t.kind, task, classes, associations };
}

function associate(
  f: Column,
  name: string,
  t: Column,
  target: string,
  s: AssociationSources,
  binary: boolean,
): TargetAssociation | null {
  const numericT = t.kind === 'number' || t.kind === 'datetime';
  const numericF = f.kind === 'number' || f.kind === 'datetime';
  const categoricalF = f.kind === 'category' || f.kind === 'boolean';
  if (numericT && numericF) {
    // datetimes are not in the matrices: measured here, on epoch milliseconds
    const x = f.values;
    const y = t.values as Float64Array;
    const pearson = nullIfNaN(s.pearson(name, target) ?? pairCorrelation(x, y, 'pearson'));
    const spearman = nullIfNaN(
      s.spearman(name, target) ??
        pairCorrelation(takeFloat64(x, s.sample), takeFloat64(y, s.sample), 'spearman'),
    );
    return { column: name, pearson, spearman, strength: strongest([pearson, spearman]) };
  }
  if (numericT && categoricalF) {
    const eta = correlationRatio(t.values as Float64Array, codesOf(f), s.mean(target));
    return { column: name, correlationRatio: eta, strength: strongest([eta]) };
  }
  if (!numericT && categoricalF) {
    const v = s.cramersV(name, target) ?? cramersV(codesOf(f), codesOf(t));
    return { column: name, cramersV: v, strength: strongest([v]) };
  }
  if (!numericT && numericF) {
    const eta = correlationRatio(f.values, codesOf(t), s.mean(name));
    if (!binary) return { column: name, correlationRatio: eta, strength: strongest([eta]) };
    const auc = s.auc(name);
    return {
      column: name,
      correlationRatio: eta,
      auc,
      strength: strongest([eta, auc === null ? null : 2 * auc - 1]),
    };
  }
  return null;
}

function nullIfNaN(v: number | null): number | null {
  return v === null || Number.isNaN(v) ? null : v;
}

function strongest(values: readonly (number | null)[]): number | null {
  let best: number | null = null;
  for (const v of values) if (v !== null && Number.isFinite(v)) best = Math.max(best ?? 0, Math.abs(v));
  return best;
}

/** Codes of a category or boolean column. */
export function codesOf(c: Column): Codes {
  if (c.kind === 'category') return { codes: c.values, levels: c.categories.length };
  if (c.kind === 'boolean') return { codes: c.values, levels: 2 };
  throw new Error(`codesOf: ${c.kind} column`);
}

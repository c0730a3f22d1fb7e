import type { Frame } from '../frame.js';
import { type Codes, cramersV, rankAuc } from './association.js';
import { profileColumn } from './column-profile.js';
import { correlationMatrix } from './correlation.js';
import { duplicatesOf, sharedRows } from './duplicates.js';
import { type ProfileOptions, type ResolvedOptions, resolveOptions } from './options.js';
import { averageRanks } from './ranks.js';
import { sampleRowIndices, takeFloat64 } from './sample.js';
import { type AssociationSources, codesOf, targetProfile } from './target.js';
import type { CorrelationMatrix, Correlations, DataProfile, SampleInfo } from './types.js';
import { profileWarnings } from './warnings.js';

/**
 * The profile of a frame: per column its statistics, then (at level 'full', the default)
 * correlations, associations with the target, duplicate rows and columns, rows shared with a test
 * frame, and warnings. Plain JSON out; typed-array passes inside. Deterministic for a seed.
 *
 * @example
 *   const profile = profileFrame(await loadFrame('penguins.csv'), { target: 'species' });
 *   profile.warnings; // [{ code: 'leakage', severity: 'high', columns: [...], message: ... }]
 */
export function profileFrame(frame: Frame, options: ProfileOptions = {}): DataProfile {
  const o = resolveOptions(frame, options);
  const full = o.level === 'full';
  const total = frame.nCols + (full ? 2 : 0) + 1;
  let step = 0;
  const stepped = () => o.onEvent({ type: 'step', phase: 'profile', step: ++step, total });
  o.onEvent({ type: 'start', phase: 'profile', total });
  const columns = frame.names.map((n) => {
    const c = profileColumn(n, frame.column(n), o.roles[n], o);
    stepped();
    return c;
  });
  const measured = frame.names.filter((n) => o.roles[n] === 'feature' || o.roles[n] === 'target');
  const features = measured.filter((n) => o.roles[n] === 'feature');

  let correlations: Correlations | null = null;
  let sample: SampleInfo | null = null;
  let sources: AssociationSources | null = null;
  if (full) {
    const means = new Map(columns.map((c) => [c.name, c.numeric?.mean ?? undefined]));
    const m = measures(frame, measured, o, (c) => means.get(c));
    correlations = m.correlations;
    sources = m.sources;
    sample = m.sample;
    stepped();
  }
  const target = o.target !== null ? targetProfile(frame, o.target, features, sources) : null;
  if (sample && target?.associations.some((a) => a.auc != null))
    sample = { ...sample, usedFor: [...sample.usedFor, 'auc'] };
  if (sample?.usedFor.length === 0) sample = null;
  const dups = full ? duplicatesOf(frame, o.examples) : null;
  const shared = full && o.test ? sharedRows(frame, o.test, o.examples) : null;
  if (full) stepped();
  const warnings = profileWarnings({
    frame,
    roles: o.roles,
    columns,
    target,
    duplicateRows: dups?.rows ?? null,
    duplicateColumns: dups?.columns ?? null,
    shared,
    thresholds: o.thresholds,
  });
  stepped();
  o.onEvent({ type: 'end', phase: 'profile' });
  return {
    format: 'cairn.profile',
    version: 1,
    level: o.level,
    rows: frame.nRows,
    columns,
    target,
    sample,
    duplicateRows: dups?.rows ?? null,
    duplicateColumns: dups?.columns ?? null,
    constantColumns: columns.filter((c) => c.constant).map((c) => c.name),
    correlations,
    test: shared,
    warnings,
  };
}

/** Correlation matrices and what the target associations read from them. */
function measures(
  frame: Frame,
  measured: readonly string[],
  o: ResolvedOptions,
  mean: (column: string) => number | undefined,
): { correlations: Correlations; sources: AssociationSources; sample: SampleInfo | null } {
  const rows = frame.nRows > o.sampleRows ? sampleRowIndices(frame.nRows, o.sampleRows, o.seed) : null;
  const numbers = measured.filter((n) => frame.column(n).kind === 'number');
  const values = numbers.map((n) => frame.columnOf(n, 'number').values);
  const pearson = correlationMatrix(values, 'pearson');
  // ranks of each sampled column over its present rows, kept for the AUCs
  const ranks = new Map<number, Float64Array>();
  const sampled = values.map((v) => takeFloat64(v, rows));
  const spearman = correlationMatrix(sampled, 'spearman', (j, present) => {
    const r = ranks.get(j) ?? averageRanks(present);
    ranks.set(j, r);
    return r;
  });
  const categorical = measured.filter((n) => {
    const c = frame.column(n);
    return (c.kind === 'category' && c.categories.length <= o.maxLabels) || c.kind === 'boolean';
  });
  const codes = categorical.map((n) => codesOf(frame.column(n)));
  const v = new Float64Array(categorical.length ** 2).fill(Number.NaN);
  for (let a = 0; a < categorical.length; a++) {
    v[a * categorical.length + a] = hasTwoLevels(codes[a]) ? 1 : Number.NaN;
    for (let b = a + 1; b < categorical.length; b++) {
      const r = cramersV(codes[a], codes[b]) ?? Number.NaN;
      v[a * categorical.length + b] = r;
      v[b * categorical.length + a] = r;
    }
  }
  const lookup = (names: readonly string[], m: Float64Array) => (a: string, b: string) => {
    const i = names.indexOf(a);
    const j = names.indexOf(b);
    if (i < 0 || j < 0) return undefined;
    const r = m[i * names.length + j];
    return Number.isNaN(r) ? null : r;
  };
  return {
    correlations: {
      pearson: matrix(numbers, pearson),
      spearman: matrix(numbers, spearman),
      cramersV: matrix(categorical, v),
    },
    sources: {
      pearson: lookup(numbers, pearson),
      spearman: lookup(numbers, spearman),
      cramersV: lookup(categorical, v),
      auc: binaryAuc(frame, o, numbers, sampled, rows, ranks),
      sample: rows,
      mean,
    },
    // usedFor grows by 'auc' once the target associations have used the sample
    sample:
      rows !== null
        ? {
            rows: rows.length,
            of: frame.nRows,
            seed: o.seed,
            usedFor: numbers.length > 1 ? ['spearman'] : [],
          }
        : null,
  };
}

/**
 * For a binary target, each number feature's ROC AUC for the second class (in sorted label order)
 * on the sampled rows, reusing the ranks the Spearman matrix computed when the target has no
 * missing values there (the ranks over the feature's present rows are then exactly the ones needed).
 */
function binaryAuc(
  frame: Frame,
  o: ResolvedOptions,
  numbers: readonly string[],
  sampled: readonly Float64Array[],
  rows: Int32Array | null,
  ranks: ReadonlyMap<number, Float64Array>,
): (feature: string) => number | null {
  const none = () => null;
  if (o.target === null) return none;
  const t = frame.column(o.target);
  if (t.kind !== 'category' && t.kind !== 'boolean') return none;
  const all = codesOf(t);
  const codes: Codes = { codes: takeCodes(all.codes, rows), levels: all.levels };
  const labels = t.kind === 'category' ? t.categories : ['false', 'true'];
  const seen = new Uint8Array(all.levels);
  let missing = 0;
  for (let i = 0; i < codes.codes.length; i++) {
    const c = codes.codes[i];
    if (c < 0) missing++;
    else seen[c] = 1;
  }
  const present = [...seen.keys()]
    .filter((k) => seen[k] === 1)
    .sort((a, b) => (labels[a] < labels[b] ? -1 : 1));
  if (present.length !== 2) return none;
  const positive = present[1];
  return (feature: string) => {
    const j = numbers.indexOf(feature);
    if (j < 0) return null;
    const cached = ranks.get(j);
    if (cached && missing === 0) return aucFromRanks(sampled[j], cached, codes.codes, positive);
    return rankAuc(sampled[j], codes, positive);
  };
}

function aucFromRanks(
  values: Float64Array,
  ranks: Float64Array,
  classes: Int32Array | Int8Array,
  positive: number,
): number | null {
  let k = 0;
  let nPos = 0;
  let rankSum = 0;
  for (let i = 0; i < values.length; i++) {
    if (Number.isNaN(values[i])) continue;
    if (classes[i] === positive) {
      nPos++;
      rankSum += ranks[k];
    }
    k++;
  }
  const nNeg = k - nPos;
  if (nPos === 0 || nNeg === 0) return null;
  return (rankSum - (nPos * (nPos + 1)) / 2) / (nPos * nNeg);
}

function takeCodes(codes: Int32Array | Int8Array, rows: Int32Array | null): Int32Array | Int8Array {
  if (rows === null) return codes;
  const out = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = codes[rows[i]];
  return out;
}

function hasTwoLevels(c: Codes): boolean {
  let first = -1;
  for (let i = 0; i < c.codes.length; i++) {
    const v = c.codes[i];
    if (v < 0) continue;
    if (first < 0) first = v;
    else if (v !== first) return true;
  }
  return false;
}

function matrix(columns: readonly string[], m: Float64Array): CorrelationMatrix {
  const p = columns.length;
  const values: (number | null)[][] = [];
  for (let a = 0; a < p; a++) {
    const row: (number | null)[] = [];
    for (let b = 0; b < p; b++) {
      const r = m[a * p + b];
      row.push(Number.isNaN(r) ? null : r);
    }
    values.push(row);
  }
  return { columns, values };
}

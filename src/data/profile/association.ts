import { averageRanks } from './ranks.js';

/** A categorical column as codes 0..levels-1, −1 missing (categories as they are; booleans 0/1). */
export interface Codes {
  readonly codes: Int32Array | Int8Array;
  readonly levels: number;
}

/**
 * Cramér's V of two categorical columns over the rows where both are present, without continuity
 * correction (scipy.stats.contingency.association(method='cramer') of their crosstab): levels no
 * row uses are dropped; null when either side has fewer than two levels left, or the table would
 * exceed `maxCells`.
 */
export function cramersV(a: Codes, b: Codes, maxCells = 4_000_000): number | null {
  const ra = a.levels;
  const rb = b.levels;
  if (ra * rb > maxCells || ra < 2 || rb < 2) return null;
  const table = new Float64Array(ra * rb);
  const x = a.codes;
  const y = b.codes;
  for (let i = 0; i < x.length; i++) {
    const u = x[i];
    const v = y[i];
    if (u >= 0 && v >= 0) table[u * rb + v]++;
  }
  return cramersVOf(table, ra, rb);
}

/** Cramér's V of an ra × rb contingency table (row-major). */
export function cramersVOf(table: Float64Array, ra: number, rb: number): number | null {
  const rows = new Float64Array(ra);
  const cols = new Float64Array(rb);
  let n = 0;
  for (let u = 0; u < ra; u++)
    for (let v = 0; v < rb; v++) {
      const t = table[u * rb + v];
      rows[u] += t;
      cols[v] += t;
      n += t;
    }
  let usedRows = 0;
  let usedCols = 0;
  for (const r of rows) if (r > 0) usedRows++;
  for (const c of cols) if (c > 0) usedCols++;
  const k = Math.min(usedRows, usedCols) - 1;
  if (k < 1) return null;
  let chi2 = 0;
  for (let u = 0; u < ra; u++) {
    if (rows[u] === 0) continue;
    for (let v = 0; v < rb; v++) {
      if (cols[v] === 0) continue;
      const expected = (rows[u] * cols[v]) / n;
      const d = table[u * rb + v] - expected;
      chi2 += (d * d) / expected;
    }
  }
  return Math.sqrt(chi2 / n / k);
}

/**
 * The correlation ratio η of a number on a grouping (rows where both are present):
 * sqrt(Σ_g n_g (mean_g − mean)² / Σ (x − mean)²). One pass, on values shifted by `shift` (a value
 * near the mean, such as the column's mean) so that the sums of squares do not cancel. Null with
 * no variation or fewer than two rows.
 */
export function correlationRatio(
  values: Float64Array,
  groups: Codes,
  shift = firstPresent(values),
): number | null {
  const k = groups.levels;
  const sums = new Float64Array(k);
  const counts = new Float64Array(k);
  const g = groups.codes;
  let n = 0;
  let total = 0;
  let squares = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] - shift;
    const c = g[i];
    if (Number.isNaN(v) || c < 0) continue;
    sums[c] += v;
    counts[c]++;
    total += v;
    squares += v * v;
    n++;
  }
  if (n < 2) return null;
  const mean = total / n;
  const ssTotal = squares - n * mean * mean;
  let ssBetween = 0;
  for (let c = 0; c < k; c++)
    if (counts[c] > 0) {
      const d = sums[c] / counts[c] - mean;
      ssBetween += counts[c] * d * d;
    }
  if (!(ssTotal > 0)) return null;
  return Math.sqrt(Math.min(1, ssBetween / ssTotal));
}

function firstPresent(values: Float64Array): number {
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) return values[i];
  return 0;
}

/**
 * ROC AUC of a number as a score for the class coded `positive` of a binary grouping (rows where
 * both are present), from average ranks (Mann–Whitney U). Null unless both classes occur.
 */
export function rankAuc(values: Float64Array, classes: Codes, positive: number): number | null {
  const g = classes.codes;
  let n = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i]) && g[i] >= 0) n++;
  const xs = new Float64Array(n);
  const pos = new Uint8Array(n);
  let k = 0;
  for (let i = 0; i < values.length; i++)
    if (!Number.isNaN(values[i]) && g[i] >= 0) {
      xs[k] = values[i];
      pos[k++] = g[i] === positive ? 1 : 0;
    }
  const ranks = averageRanks(xs);
  let nPos = 0;
  let rankSum = 0;
  for (let i = 0; i < n; i++)
    if (pos[i] === 1) {
      nPos++;
      rankSum += ranks[i];
    }
  const nNeg = n - nPos;
  if (nPos === 0 || nNeg === 0) return null;
  return (rankSum - (nPos * (nPos + 1)) / 2) / (nPos * nNeg);
}

import { averageRanks } from './ranks.js';

/**
 * Pearson and Spearman correlation matrices over pairwise complete rows, as pandas' corr() gives
 * them. Columns that are missing in exactly the same rows (all columns without missing values are
 * one such group) share their complete rows, so each group is packed once and its pairs come from
 * one cache-blocked Gram matrix of centered values. Pairs across groups are computed one by one
 * on the rows both have (and, for Spearman, re-ranked on those rows, as pandas does).
 */
export function correlationMatrix(
  columns: readonly Float64Array[],
  method: 'pearson' | 'spearman',
  rank: Ranker = (_, present) => averageRanks(present),
): Float64Array {
  const p = columns.length;
  const out = new Float64Array(p * p).fill(Number.NaN);
  const groups = groupByMissing(columns);
  for (const g of groups) {
    let packed = g.members.map((j) => pack(columns[j], g.rows));
    if (method === 'spearman') packed = packed.map((values, k) => rank(g.members[k], values));
    gramCorrelation(packed, g.members, out, p);
  }
  for (let gi = 0; gi < groups.length; gi++)
    for (let gj = gi + 1; gj < groups.length; gj++)
      for (const a of groups[gi].members)
        for (const b of groups[gj].members) {
          const r = pairCorrelation(columns[a], columns[b], method);
          out[a * p + b] = r;
          out[b * p + a] = r;
        }
  return out;
}

/**
 * Average ranks of column j's values over the rows where it is present (`present`, packed): a
 * hook so that callers can cache them for other rank-based measures.
 */
export type Ranker = (j: number, present: Float64Array) => Float64Array;

interface MissingGroup {
  readonly members: number[];
  /** The rows where the group's columns are present; null when that is every row. */
  readonly rows: Int32Array | null;
}

function groupByMissing(columns: readonly Float64Array[]): MissingGroup[] {
  const groups: { members: number[]; rows: Int32Array | null; key: string }[] = [];
  columns.forEach((c, j) => {
    let missing = 0;
    let h = 0;
    for (let i = 0; i < c.length; i++)
      if (Number.isNaN(c[i])) {
        missing++;
        h = (Math.imul(h, 31) + i) | 0;
      }
    const key = `${missing}:${h}`;
    const rows = missing === 0 ? null : presentRows(c, c.length - missing);
    const same = groups.find((g) => g.key === key && sameRows(g.rows, rows));
    if (same) same.members.push(j);
    else groups.push({ members: [j], rows, key });
  });
  return groups;
}

function presentRows(c: Float64Array, count: number): Int32Array {
  const rows = new Int32Array(count);
  let k = 0;
  for (let i = 0; i < c.length; i++) if (!Number.isNaN(c[i])) rows[k++] = i;
  return rows;
}

function sameRows(a: Int32Array | null, b: Int32Array | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function pack(c: Float64Array, rows: Int32Array | null): Float64Array {
  if (rows === null) return c;
  const out = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = c[rows[i]];
  return out;
}

const BLOCK = 2048;

/** Correlations among equally long complete columns, written into `out` at the members' positions. */
function gramCorrelation(cols: Float64Array[], members: number[], out: Float64Array, p: number): void {
  const q = cols.length;
  const n = q > 0 ? cols[0].length : 0;
  const means = cols.map((c) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += c[i];
    return s / n;
  });
  const gram = new Float64Array(q * q);
  const buf = new Float64Array(q * BLOCK);
  for (let start = 0; start < n; start += BLOCK) {
    const len = Math.min(BLOCK, n - start);
    for (let j = 0; j < q; j++) {
      const c = cols[j];
      const m = means[j];
      const o = j * BLOCK;
      for (let i = 0; i < len; i++) buf[o + i] = c[start + i] - m;
    }
    accumulateGram(buf, q, len, gram);
  }
  for (let a = 0; a < q; a++)
    for (let b = a; b < q; b++) {
      const denom = Math.sqrt(gram[a * q + a] * gram[b * q + b]);
      const r = n < 2 || !(denom > 0) ? Number.NaN : a === b ? 1 : clamp(gram[a * q + b] / denom);
      out[members[a] * p + members[b]] = r;
      out[members[b] * p + members[a]] = r;
    }
}

/**
 * gram[a][b] += Σ_i buf[a][i]·buf[b][i] for a ≤ b: two columns a by four columns b at a time, so
 * that six loads feed eight multiply-adds. Entries below the diagonal may be written; they are
 * never read.
 */
function accumulateGram(buf: Float64Array, q: number, len: number, gram: Float64Array): void {
  let a = 0;
  for (; a + 1 < q; a += 2) {
    const oa = a * BLOCK;
    const ob = oa + BLOCK;
    let b = a;
    for (; b + 3 < q; b += 4) {
      const o0 = b * BLOCK;
      const o1 = o0 + BLOCK;
      const o2 = o1 + BLOCK;
      const o3 = o2 + BLOCK;
      let s00 = 0;
      let s01 = 0;
      let s02 = 0;
      let s03 = 0;
      let s10 = 0;
      let s11 = 0;
      let s12 = 0;
      let s13 = 0;
      for (let i = 0; i < len; i++) {
        const x = buf[oa + i];
        const z = buf[ob + i];
        const y0 = buf[o0 + i];
        const y1 = buf[o1 + i];
        const y2 = buf[o2 + i];
        const y3 = buf[o3 + i];
        s00 += x * y0;
        s01 += x * y1;
        s02 += x * y2;
        s03 += x * y3;
        s10 += z * y0;
        s11 += z * y1;
        s12 += z * y2;
        s13 += z * y3;
      }
      const ra = a * q + b;
      const rb = ra + q;
      gram[ra] += s00;
      gram[ra + 1] += s01;
      gram[ra + 2] += s02;
      gram[ra + 3] += s03;
      gram[rb] += s10;
      gram[rb + 1] += s11;
      gram[rb + 2] += s12;
      gram[rb + 3] += s13;
    }
    for (; b < q; b++) {
      const o = b * BLOCK;
      let s0 = 0;
      let s1 = 0;
      for (let i = 0; i < len; i++) {
        const y = buf[o + i];
        s0 += buf[oa + i] * y;
        s1 += buf[ob + i] * y;
      }
      gram[a * q + b] += s0;
      gram[(a + 1) * q + b] += s1;
    }
  }
  if (a < q) {
    const oa = a * BLOCK;
    let s = 0;
    for (let i = 0; i < len; i++) s += buf[oa + i] * buf[oa + i];
    gram[a * q + a] += s;
  }
}

/** One pair over the rows where both are present (two-pass: means, then co-moments). */
export function pairCorrelation(x: Float64Array, y: Float64Array, method: 'pearson' | 'spearman'): number {
  const n = x.length;
  let count = 0;
  for (let i = 0; i < n; i++) if (!Number.isNaN(x[i]) && !Number.isNaN(y[i])) count++;
  let xs: Float64Array = new Float64Array(count);
  let ys: Float64Array = new Float64Array(count);
  let k = 0;
  for (let i = 0; i < n; i++)
    if (!Number.isNaN(x[i]) && !Number.isNaN(y[i])) {
      xs[k] = x[i];
      ys[k++] = y[i];
    }
  if (method === 'spearman') {
    xs = averageRanks(xs);
    ys = averageRanks(ys);
  }
  return pearsonOf(xs, ys);
}

/** Pearson's r of two complete, equally long arrays; NaN when undefined. */
export function pearsonOf(x: Float64Array, y: Float64Array): number {
  const n = x.length;
  if (n < 2) return Number.NaN;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    sx += x[i];
    sy += y[i];
  }
  const mx = sx / n;
  const my = sy / n;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  const denom = Math.sqrt(sxx * syy);
  return denom > 0 ? clamp(sxy / denom) : Number.NaN;
}

function clamp(r: number): number {
  return r > 1 ? 1 : Math.max(r, -1);
}

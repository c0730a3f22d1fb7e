/**
 * The three mutual-information estimators behind `mutualInformation`, on values already scaled and
 * jittered (scikit-learn's `_compute_mi_cc`, `_compute_mi_cd` and `mutual_info_score`): given the
 * same values they give scikit-learn's estimates. Browser-safe.
 */
import {
  countWithin,
  kthNeighborDistance2d,
  kthNeighborDistanceSorted,
  nextBelow,
} from './nearest-neighbors.js';
import { digamma } from './special-functions.js';

/** Kraskov, Stögbauer and Grassberger's estimator (their first), max-norm in the joint space. */
export function continuousMI(x: Float64Array, y: Float64Array, k: number): number {
  const n = x.length;
  if (n <= k) return 0;
  const radius = kthNeighborDistance2d(x, y, k);
  const xs = Float64Array.from(x).sort();
  const ys = Float64Array.from(y).sort();
  let sumX = 0;
  let sumY = 0;
  for (let i = 0; i < n; i++) {
    const r = nextBelow(radius[i]);
    // counts include the point itself, so nx + 1 = count
    sumX += digamma(countWithin(xs, x[i], r));
    sumY += digamma(countWithin(ys, y[i], r));
  }
  return Math.max(0, digamma(n) + digamma(k) - sumX / n - sumY / n);
}

/** Ross's estimator for a continuous `c` and discrete labels `d`; labels seen once are left out. */
export function continuousDiscreteMI(c: Float64Array, d: Float64Array, k: number): number {
  const groups = new Map<number, number[]>();
  for (let i = 0; i < d.length; i++) {
    const g = groups.get(d[i]);
    if (g) g.push(i);
    else groups.set(d[i], [i]);
  }
  const used: number[] = [];
  const radius: number[] = [];
  let sumK = 0;
  let sumLabel = 0;
  for (const rows of groups.values()) {
    if (rows.length < 2) continue;
    const kk = Math.min(k, rows.length - 1);
    const sorted = Float64Array.from(rows, (i) => c[i]).sort();
    const dist = kthNeighborDistanceSorted(sorted, kk);
    // kthNeighborDistanceSorted answers in sorted order: map each row to its sorted position
    const byValue = rows.map((i) => i).sort((a, b) => c[a] - c[b]);
    byValue.forEach((i, p) => {
      used.push(i);
      radius.push(nextBelow(dist[p]));
    });
    sumK += digamma(kk) * rows.length;
    sumLabel += digamma(rows.length) * rows.length;
  }
  const m = used.length;
  if (m === 0) return 0;
  const all = Float64Array.from(used, (i) => c[i]).sort();
  let sumM = 0;
  used.forEach((i, p) => {
    sumM += digamma(countWithin(all, c[i], radius[p]));
  });
  return Math.max(0, digamma(m) + sumK / m - sumLabel / m - sumM / m);
}

/** The plug-in mutual information of two discrete variables (scikit-learn's `mutual_info_score`). */
export function discreteMI(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  const ia = codes(a);
  const ib = codes(b);
  if (ia.count === 1 || ib.count === 1) return 0;
  const joint = new Map<number, number>();
  const ca = new Float64Array(ia.count);
  const cb = new Float64Array(ib.count);
  for (let i = 0; i < n; i++) {
    ca[ia.codes[i]]++;
    cb[ib.codes[i]]++;
    const key = ia.codes[i] * ib.count + ib.codes[i];
    joint.set(key, (joint.get(key) ?? 0) + 1);
  }
  let mi = 0;
  for (const [key, nij] of joint) {
    const i = Math.floor(key / ib.count);
    const j = key % ib.count;
    const term =
      (nij / n) * (Math.log(nij) - Math.log(n)) +
      (nij / n) * (Math.log(n) + Math.log(n) - Math.log(ca[i] * cb[j]));
    if (Math.abs(term) >= Number.EPSILON) mi += term;
  }
  return Math.max(0, mi);
}

function codes(v: Float64Array): { codes: Int32Array; count: number } {
  const index = new Map<number, number>();
  const out = new Int32Array(v.length);
  for (let i = 0; i < v.length; i++) {
    let c = index.get(v[i]);
    if (c === undefined) {
      c = index.size;
      index.set(v[i], c);
    }
    out[i] = c;
  }
  return { codes: out, count: index.size };
}

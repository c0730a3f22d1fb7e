import { InputError } from '../../util/errors.js';

/**
 * The Jensen-Shannon distance between two distributions over the same bins (counts or shares; each
 * is normalized to sum to 1): the square root of the mean Kullback-Leibler divergence of each from
 * their average, natural log, so it lies in [0, sqrt(ln 2)] ≈ [0, 0.833]. Equal to SciPy 1.10's
 * `spatial.distance.jensenshannon(p, q)`. Empty bins need no smoothing: the divergence stays finite.
 */
export function jensenShannonDistance(p: ArrayLike<number>, q: ArrayLike<number>, base?: number): number {
  const k = p.length;
  if (q.length !== k)
    throw new InputError('bin_mismatch', `jensenShannonDistance: ${k} bins against ${q.length}`, {
      field: 'q',
    });
  const ps = sum(p, 'p');
  const qs = sum(q, 'q');
  let left = 0;
  let right = 0;
  for (let i = 0; i < k; i++) {
    const a = p[i] / ps;
    const b = q[i] / qs;
    const m = (a + b) / 2;
    left += relEntr(a, m);
    right += relEntr(b, m);
  }
  let js = left + right;
  if (base !== undefined) js /= Math.log(base);
  return Math.sqrt(js / 2);
}

/** x ln(x / y), with 0 ln 0 = 0 (SciPy's rel_entr). */
function relEntr(x: number, y: number): number {
  if (x > 0 && y > 0) return x * Math.log(x / y);
  if (x === 0 && y >= 0) return 0;
  return Number.POSITIVE_INFINITY;
}

function sum(v: ArrayLike<number>, field: string): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) {
    if (!(v[i] >= 0 && Number.isFinite(v[i])))
      throw new InputError(
        'bad_count',
        `jensenShannonDistance: ${field}[${i}] must be finite and >= 0, got ${v[i]}`,
        {
          field,
        },
      );
    s += v[i];
  }
  if (s === 0) throw new InputError('empty_sample', `jensenShannonDistance: ${field} sums to 0`, { field });
  return s;
}

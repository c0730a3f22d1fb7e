/**
 * Order statistics without sorting: a bucket select. The values are counted into equal-width
 * buckets over [min, max] (a monotone map, so buckets keep the order), only the buckets that hold
 * a wanted rank are gathered, and each is selected from again over its own range until it is
 * small enough to sort. On a million values this is three passes where a sort is twenty-odd.
 */

const BUCKETS = 4096;
/** Below this many candidates, a native sort of a copy is faster than another bucket pass. */
const SMALL = 2048;

/**
 * The values at 0-based ranks (each in [0, n)) of `values[0..n)`, which must hold no NaN, given
 * their min and max. Returns one value per rank, in the order asked.
 */
export function selectRanks(
  values: Float64Array,
  n: number,
  min: number,
  max: number,
  ranks: readonly number[],
): Float64Array {
  const out = new Float64Array(ranks.length);
  if (ranks.length === 0 || n === 0) return out;
  const order = ranks.map((_, i) => i).sort((a, b) => ranks[a] - ranks[b]);
  const sortedRanks = order.map((i) => ranks[i]);
  const found = select(values, n, min, max, sortedRanks);
  order.forEach((at, k) => {
    out[at] = found[k];
  });
  return out;
}

/** `ranks` ascending. */
function select(values: Float64Array, n: number, min: number, max: number, ranks: number[]): number[] {
  if (min === max) return ranks.map(() => min);
  if (n <= SMALL) {
    const sorted = values.slice(0, n).sort();
    return ranks.map((r) => sorted[r]);
  }
  const buckets = Math.min(BUCKETS, n >> 2);
  const scale = buckets / (max - min);
  const last = buckets - 1;
  const counts = new Int32Array(buckets);
  for (let i = 0; i < n; i++) {
    let b = ((values[i] - min) * scale) | 0;
    if (b > last) b = last;
    counts[b]++;
  }
  // the bucket of each rank, and where that bucket starts in sorted order
  const starts = new Int32Array(buckets + 1);
  for (let b = 0; b < buckets; b++) starts[b + 1] = starts[b] + counts[b];
  const rankBucket = ranks.map((r) => {
    let lo = 0;
    let hi = buckets; // starts[lo] <= r < starts[hi]
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] <= r) lo = mid;
      else hi = mid;
    }
    return lo;
  });
  const wanted = [...new Set(rankBucket)];
  // gather every wanted bucket in one pass, each with its own min and max
  const slot = new Int32Array(buckets).fill(-1);
  wanted.forEach((b, k) => {
    slot[b] = k;
  });
  const gathered = wanted.map((b) => new Float64Array(counts[b]));
  const fill = new Int32Array(wanted.length);
  const lows = wanted.map(() => Number.POSITIVE_INFINITY);
  const highs = wanted.map(() => Number.NEGATIVE_INFINITY);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    let b = ((v - min) * scale) | 0;
    if (b > last) b = last;
    const k = slot[b];
    if (k < 0) continue;
    gathered[k][fill[k]++] = v;
    if (v < lows[k]) lows[k] = v;
    if (v > highs[k]) highs[k] = v;
  }
  const answers = new Map<number, number[]>();
  wanted.forEach((b, k) => {
    const inner = ranks.filter((_, j) => rankBucket[j] === b).map((r) => r - starts[b]);
    answers.set(b, select(gathered[k], counts[b], lows[k], highs[k], inner));
  });
  const taken = new Map<number, number>();
  return ranks.map((_, j) => {
    const b = rankBucket[j];
    const k = taken.get(b) ?? 0;
    taken.set(b, k + 1);
    return answers.get(b)![k];
  });
}

/**
 * Quantiles by linear interpolation between the order statistics around q·(n − 1), numpy's
 * default method ('linear'), which pandas' describe() and quantile() use too.
 */
export function quantilesOf(
  values: Float64Array,
  n: number,
  min: number,
  max: number,
  levels: readonly number[],
): (number | null)[] {
  if (n === 0) return levels.map(() => null);
  const ranks: number[] = [];
  for (const q of levels) {
    const pos = q * (n - 1);
    const lo = Math.floor(pos);
    ranks.push(lo, Math.min(n - 1, lo + 1));
  }
  const at = selectRanks(values, n, min, max, ranks);
  return levels.map((q, i) => {
    const pos = q * (n - 1);
    const lo = at[2 * i];
    const hi = at[2 * i + 1];
    return lerp(lo, hi, pos - Math.floor(pos));
  });
}

/** numpy's _lerp: a + (b − a)·t, computed from the nearer end so that t = 1 gives b exactly. */
export function lerp(a: number, b: number, t: number): number {
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

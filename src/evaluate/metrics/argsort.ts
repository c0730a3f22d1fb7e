/**
 * Order of scores from highest to lowest, the one sort behind every ROC curve.
 *
 * Ties come out in decreasing index order. That is what scikit-learn gets from
 * `np.argsort(scores, kind='mergesort')[::-1]`, and keeping it makes weighted cumulative sums add
 * in the same order, so curves agree with scikit-learn to the last bit.
 *
 * Large inputs use a stable LSD radix sort on the IEEE-754 bits (8 passes of 8 bits at most, a
 * pass skipped when every key shares its byte): O(n), no comparator calls. Small inputs use the
 * built-in sort, where the radix passes' fixed cost would dominate.
 */

const RADIX_MIN = 1024;
const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/** Indices of `scores` by decreasing value; ties by decreasing index. Scores must not be NaN. */
export function argsortDescending(scores: Float64Array): Int32Array {
  const n = scores.length;
  const ascending = n < RADIX_MIN ? comparatorSort(scores) : radixSort(scores);
  return ascending.reverse();
}

/** Stable ascending order by value (-0 and +0 tie). */
function comparatorSort(scores: Float64Array): Int32Array {
  const idx = new Int32Array(scores.length);
  for (let i = 0; i < idx.length; i++) idx[i] = i;
  return idx.sort((a, b) => {
    const va = scores[a];
    const vb = scores[b];
    return va < vb ? -1 : va > vb ? 1 : a - b;
  });
}

/** Stable ascending order by value (-0 and +0 tie) through byte-wise radix passes. */
function radixSort(scores: Float64Array): Int32Array {
  const n = scores.length;
  // Map each double to an unsigned 64-bit key (hi, lo) whose integer order is the numeric order:
  // flip every bit of negatives, only the sign bit of positives. -0 is folded into +0 first.
  const copy = new Float64Array(n);
  for (let i = 0; i < n; i++) copy[i] = scores[i] === 0 ? 0 : scores[i];
  const words = new Uint32Array(copy.buffer);
  let hi = new Uint32Array(n);
  let lo = new Uint32Array(n);
  const hiAt = LITTLE_ENDIAN ? 1 : 0;
  for (let i = 0; i < n; i++) {
    const h = words[2 * i + hiAt];
    const l = words[2 * i + 1 - hiAt];
    const negative = h >>> 31 === 1;
    hi[i] = negative ? ~h >>> 0 : (h | 0x80000000) >>> 0;
    lo[i] = negative ? ~l >>> 0 : l;
  }
  // One histogram per byte, filled in a single pass.
  const counts = new Uint32Array(8 * 256);
  for (let i = 0; i < n; i++) {
    const l = lo[i];
    const h = hi[i];
    counts[l & 255]++;
    counts[256 + ((l >>> 8) & 255)]++;
    counts[512 + ((l >>> 16) & 255)]++;
    counts[768 + (l >>> 24)]++;
    counts[1024 + (h & 255)]++;
    counts[1280 + ((h >>> 8) & 255)]++;
    counts[1536 + ((h >>> 16) & 255)]++;
    counts[1792 + (h >>> 24)]++;
  }
  let idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  let hi2 = new Uint32Array(n);
  let lo2 = new Uint32Array(n);
  let idx2 = new Int32Array(n);
  const offsets = new Uint32Array(256);
  for (let pass = 0; pass < 8; pass++) {
    const base = pass * 256;
    if (isSingleBucket(counts, base, n)) continue;
    let run = 0;
    for (let b = 0; b < 256; b++) {
      offsets[b] = run;
      run += counts[base + b];
    }
    const fromHi = pass >= 4;
    const shift = (pass & 3) * 8;
    for (let i = 0; i < n; i++) {
      const byte = ((fromHi ? hi[i] : lo[i]) >>> shift) & 255;
      const to = offsets[byte]++;
      hi2[to] = hi[i];
      lo2[to] = lo[i];
      idx2[to] = idx[i];
    }
    [hi, hi2] = [hi2, hi];
    [lo, lo2] = [lo2, lo];
    [idx, idx2] = [idx2, idx];
  }
  return idx;
}

function isSingleBucket(counts: Uint32Array, base: number, n: number): boolean {
  for (let b = 0; b < 256; b++) {
    const c = counts[base + b];
    if (c !== 0) return c === n;
  }
  return true;
}

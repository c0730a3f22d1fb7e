/**
 * Average ranks (1-based, ties sharing the mean of their positions, as scipy.stats.rankdata and
 * pandas rank() give them) through a least-significant-digit radix argsort on the doubles' bits:
 * six 11-bit passes at most, passes where every key shares the digit skipped.
 */

/** Indices of `values` (no NaN) in ascending order; equal values keep their order. */
export function argsort(values: Float64Array): Int32Array {
  const n = values.length;
  if (n < 256) {
    const idx = Array.from({ length: n }, (_, i) => i);
    idx.sort((a, b) => values[a] - values[b] || a - b);
    return Int32Array.from(idx);
  }
  const words = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
  let lo = new Uint32Array(n);
  let hi = new Uint32Array(n);
  let idx = new Int32Array(n);
  let lo2 = new Uint32Array(n);
  let hi2 = new Uint32Array(n);
  let idx2 = new Int32Array(n);
  const hist = new Uint32Array(6 * 2048);
  for (let i = 0; i < n; i++) {
    let h = words[2 * i + 1];
    let l = words[2 * i];
    if (values[i] === 0) h = l = 0; // -0 sorts with 0
    // flip so that unsigned order is numeric order: negatives all bits, positives the sign bit
    if (h & 0x80000000) {
      h = ~h >>> 0;
      l = ~l >>> 0;
    } else h = (h | 0x80000000) >>> 0;
    lo[i] = l;
    hi[i] = h;
    idx[i] = i;
    hist[l & 2047]++;
    hist[2048 + ((l >>> 11) & 2047)]++;
    hist[4096 + (l >>> 22)]++;
    hist[6144 + (h & 2047)]++;
    hist[8192 + ((h >>> 11) & 2047)]++;
    hist[10240 + (h >>> 22)]++;
  }
  for (let pass = 0; pass < 6; pass++) {
    const base = pass * 2048;
    let sum = 0;
    let trivial = false;
    for (let b = 0; b < 2048; b++) {
      const c = hist[base + b];
      if (c === n) trivial = true;
      hist[base + b] = sum;
      sum += c;
    }
    if (trivial) continue;
    const shift = (pass % 3) * 11;
    const key = pass < 3 ? lo : hi;
    for (let i = 0; i < n; i++) {
      const d = hist[base + ((key[i] >>> shift) & 2047)]++;
      lo2[d] = lo[i];
      hi2[d] = hi[i];
      idx2[d] = idx[i];
    }
    [lo, lo2] = [lo2, lo];
    [hi, hi2] = [hi2, hi];
    [idx, idx2] = [idx2, idx];
  }
  return idx;
}

/** Average ranks of `values` (no NaN). */
export function averageRanks(values: Float64Array): Float64Array {
  const n = values.length;
  const order = argsort(values);
  const ranks = new Float64Array(n);
  let i = 0;
  while (i < n) {
    const v = values[order[i]];
    let j = i + 1;
    while (j < n && values[order[j]] === v) j++;
    // positions i..j-1 (0-based) share the rank ((i + 1) + j) / 2
    const r = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) ranks[order[k]] = r;
    i = j;
  }
  return ranks;
}

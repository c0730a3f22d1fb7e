/**
 * numpy's pairwise summation (`pairwise_sum_DOUBLE`, numpy 1.24), which `np.sum`, `np.mean` and
 * `np.var` use along a contiguous axis: blocks of up to 128 values summed in eight interleaved
 * accumulators, larger runs split in two (at a multiple of eight). Summing in the same order gives
 * numpy's result to the bit, which keeps iterative fits (the Yeo-Johnson lambda) on numpy's path.
 * Browser-safe.
 */
export function pairwiseSum(a: Float64Array, start = 0, n = a.length - start): number {
  if (n < 8) {
    let res = 0;
    for (let i = 0; i < n; i++) res += a[start + i];
    return res;
  }
  if (n <= 128) {
    let r0 = a[start];
    let r1 = a[start + 1];
    let r2 = a[start + 2];
    let r3 = a[start + 3];
    let r4 = a[start + 4];
    let r5 = a[start + 5];
    let r6 = a[start + 6];
    let r7 = a[start + 7];
    let i = 8;
    for (; i < n - (n % 8); i += 8) {
      const p = start + i;
      r0 += a[p];
      r1 += a[p + 1];
      r2 += a[p + 2];
      r3 += a[p + 3];
      r4 += a[p + 4];
      r5 += a[p + 5];
      r6 += a[p + 6];
      r7 += a[p + 7];
    }
    let res = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < n; i++) res += a[start + i];
    return res;
  }
  let half = Math.floor(n / 2);
  half -= half % 8;
  return pairwiseSum(a, start, half) + pairwiseSum(a, start + half, n - half);
}

/** `np.var(a)` of a contiguous array: the mean and the squared deviations both summed pairwise. */
export function numpyVariance(a: Float64Array, scratch = new Float64Array(a.length)): number {
  const n = a.length;
  const mean = pairwiseSum(a) / n;
  for (let i = 0; i < n; i++) {
    const d = a[i] - mean;
    scratch[i] = d * d;
  }
  return pairwiseSum(scratch, 0, n) / n;
}

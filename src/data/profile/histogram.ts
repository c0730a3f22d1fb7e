import type { Histogram } from './types.js';

/**
 * Equal-width bins over [min, max], computed as numpy.histogram(values, bins) does: edges from
 * numpy.linspace (i · step + min, the last edge exactly max), a value's bin from (v − min) · norm,
 * then moved by one where rounding put it across an edge; the last bin includes max. A constant
 * column gets the range [v − 0.5, v + 0.5]. `values[0..n)` hold no NaN.
 */
export function histogramOf(
  values: Float64Array,
  n: number,
  min: number,
  max: number,
  bins: number,
): Histogram | null {
  if (n === 0) return null;
  let first = min;
  let last = max;
  if (first === last) {
    first -= 0.5;
    last += 0.5;
  }
  const edges = new Float64Array(bins + 1);
  const step = (last - first) / bins;
  for (let i = 0; i <= bins; i++) edges[i] = i * step + first;
  edges[bins] = last;
  const norm = bins / (last - first);
  const counts = new Float64Array(bins);
  const top = bins - 1;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    let b = Math.trunc((v - first) * norm);
    if (b >= bins) b = top;
    if (v < edges[b]) b--;
    else if (b !== top && v >= edges[b + 1]) b++;
    counts[b]++;
  }
  return { edges: Array.from(edges), counts: Array.from(counts) };
}

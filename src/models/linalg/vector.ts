/** Small vector kernels on Float64Array. Browser-safe. */

export function dot(a: Float64Array, b: Float64Array, n = a.length): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += a[i] * b[i];
  return s;
}

/** y += alpha * x */
export function axpy(alpha: number, x: Float64Array, y: Float64Array, n = x.length): void {
  for (let i = 0; i < n; i++) y[i] += alpha * x[i];
}

/** max_i |a_i| (NaN if any entry is NaN). */
export function maxAbs(a: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    const v = Math.abs(a[i]);
    if (v > m || Number.isNaN(v)) m = v;
  }
  return m;
}

/** Euclidean norm, scaled so it neither overflows nor underflows. */
export function norm2(a: Float64Array, offset = 0, n = a.length - offset): number {
  let scale = 0;
  for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(a[offset + i]));
  if (scale === 0 || !Number.isFinite(scale)) return scale;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const v = a[offset + i] / scale;
    s += v * v;
  }
  return scale * Math.sqrt(s);
}

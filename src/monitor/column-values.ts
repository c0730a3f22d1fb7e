import type { Column } from '../data/frame.js';

/** A current column's non-missing numbers and how many were missing. */
export function presentNumbers(c: Column): { values: Float64Array; missing: number } {
  if (c.kind === 'number' || c.kind === 'datetime') {
    const values = c.values.filter((v) => !Number.isNaN(v));
    return { values, missing: c.values.length - values.length };
  }
  if (c.kind === 'boolean') {
    const values = Float64Array.from(
      Array.from(c.values).filter((v) => v >= 0),
      (v) => v,
    );
    return { values, missing: c.values.length - values.length };
  }
  return { values: new Float64Array(0), missing: c.values.length };
}

/** A current column as labels (null for missing), the way reference profiles count them. */
export function labelsOf(c: Column): (string | null)[] {
  switch (c.kind) {
    case 'category':
      return Array.from(c.values, (code) => (code < 0 ? null : (c.categories[code] ?? null)));
    case 'boolean':
      return Array.from(c.values, (v) => (v < 0 ? null : v === 1 ? 'true' : 'false'));
    case 'text':
      return [...c.values];
    default:
      return Array.from(c.values, (v) => (Number.isNaN(v) ? null : String(v)));
  }
}

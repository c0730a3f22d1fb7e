import type { Column } from '../frame.js';
import type { ColumnRule } from './rules.js';

/**
 * A column made to look like training, for the 'coerce' policy: numbers clipped to the training
 * range, labels not seen in training set to missing. Copies only when something changes.
 */
export function coerceColumn(c: Column, r: ColumnRule): Column {
  if (c.kind === 'number' && r.hasRange) {
    const v = c.values;
    let out: Float64Array | null = null;
    for (let i = 0; i < v.length; i++) {
      const x = v[i];
      if (x < r.min || x > r.max) {
        out ??= v.slice();
        out[i] = x < r.min ? r.min : r.max;
      }
    }
    return out ? { kind: 'number', values: out } : c;
  }
  if (c.kind === 'category' && r.labels) {
    const known = r.labels;
    const unknown = c.categories.map((l) => !known.has(l));
    if (!unknown.includes(true)) return c;
    const codes = c.values.map((code) => (code >= 0 && unknown[code] ? -1 : code));
    return { kind: 'category', values: codes, categories: c.categories };
  }
  return c;
}

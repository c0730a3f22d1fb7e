import type { BooleanColumn, CategoryColumn, TextColumn } from '../frame.js';
import type { TopValues } from './types.js';

export interface LabelCounts {
  /** One label per distinct non-missing value, with its count (labels with no rows left out). */
  readonly labels: readonly string[];
  readonly counts: Float64Array;
  readonly missing: number;
}

export const BOOLEAN_LABELS = ['false', 'true'] as const;

/** Counts per label: by code for categories and booleans (one pass over the typed array), by string for text. */
export function labelCounts(c: CategoryColumn | BooleanColumn | TextColumn): LabelCounts {
  if (c.kind === 'text') {
    const counts = new Map<string, number>();
    let missing = 0;
    for (const v of c.values) {
      if (v === null) missing++;
      else counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    return { labels: [...counts.keys()], counts: Float64Array.from(counts.values()), missing };
  }
  const dictionary = c.kind === 'category' ? c.categories : BOOLEAN_LABELS;
  const byCode = new Float64Array(dictionary.length);
  let missing = 0;
  const codes = c.values;
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i];
    if (code < 0) missing++;
    else byCode[code]++;
  }
  const labels: string[] = [];
  const counts: number[] = [];
  for (let k = 0; k < dictionary.length; k++)
    if (byCode[k] > 0) {
      labels.push(dictionary[k]);
      counts.push(byCode[k]);
    }
  return { labels, counts: Float64Array.from(counts), missing };
}

/** The `k` most frequent labels, by count (descending) then label; the rest summed. */
export function topValues(lc: LabelCounts, k: number): TopValues {
  const order = lc.labels.map((_, i) => i);
  order.sort((a, b) => lc.counts[b] - lc.counts[a] || compare(lc.labels[a], lc.labels[b]));
  const kept = order.slice(0, k);
  let other = 0;
  for (const i of order.slice(k)) other += lc.counts[i];
  return { values: kept.map((i) => ({ label: lc.labels[i], count: lc.counts[i] })), other };
}

/** Lengths of text values (UTF-16 code units). */
export function textLengths(c: TextColumn): { min: number; mean: number; max: number } | null {
  let n = 0;
  let sum = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = 0;
  for (const v of c.values) {
    if (v === null) continue;
    n++;
    sum += v.length;
    if (v.length < min) min = v.length;
    if (v.length > max) max = v.length;
  }
  return n === 0 ? null : { min, mean: sum / n, max };
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

import type { BooleanColumn, CategoryColumn } from '../data/frame.js';

/**
 * Category and boolean columns both hold small integer codes (-1 missing) into a dictionary of
 * labels. Transformers learn labels, never codes, because the next frame (a chunk, a request) may
 * carry another dictionary; each call maps codes to learned positions through one lookup table.
 */
export type CodedColumn = CategoryColumn | BooleanColumn;

/** Labels of boolean codes 0 and 1; also their sorted order, as scikit-learn sorts False < True. */
export const BOOLEAN_LABELS: readonly string[] = ['false', 'true'];

export function dictionaryOf(c: CodedColumn): readonly string[] {
  return c.kind === 'category' ? c.categories : BOOLEAN_LABELS;
}

/** How many rows hold each code of the column's dictionary; missing rows are not counted. */
export function codeCounts(c: CodedColumn): Int32Array {
  const counts = new Int32Array(dictionaryOf(c).length);
  const v = c.values;
  for (let i = 0; i < v.length; i++) if (v[i] >= 0) counts[v[i]]++;
  return counts;
}

/** Labels that occur in the column, sorted by UTF-16 code units (numpy's order for these labels). */
export function presentLabels(c: CodedColumn): string[] {
  const dict = dictionaryOf(c);
  const counts = codeCounts(c);
  const out: string[] = [];
  for (let k = 0; k < dict.length; k++) if (counts[k] > 0) out.push(dict[k]);
  return out.sort(compareLabels);
}

export function compareLabels(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Position of every learned label, built once per fitted transformer. */
export function labelIndex(labels: readonly string[]): Map<string, number> {
  return new Map(labels.map((l, i) => [l, i]));
}

/** Incoming code → learned position, or -1 where the incoming label was not learned. */
export function codeLookup(dictionary: readonly string[], learned: ReadonlyMap<string, number>): Int32Array {
  const lut = new Int32Array(dictionary.length);
  for (let k = 0; k < dictionary.length; k++) lut[k] = learned.get(dictionary[k]) ?? -1;
  return lut;
}

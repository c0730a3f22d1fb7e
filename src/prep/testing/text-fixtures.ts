/** Reads src/prep/fixtures/text.json, written by make_fixtures_text.py. */
import { readFileSync } from 'node:fs';
import { col, Frame } from '../../data/frame.js';

export interface SparseRows {
  indptr: number[];
  indices: number[];
  values: number[];
}

export interface TextFixture {
  sklearn: string;
  docs: { all: (string | null)[]; small: (string | null)[] };
  TextVectorizer: {
    kind: 'count' | 'tfidf';
    params: Record<string, unknown>;
    docs: 'all' | 'small';
    vocabulary: string[];
    idf: number[] | null;
    out: SparseRows;
  }[];
  HashingVectorizer: { params: Record<string, unknown>; docs: 'all' | 'small'; out: SparseRows }[];
  murmurhash3: Record<string, number>;
}

export function textFixture(): TextFixture {
  return JSON.parse(readFileSync(new URL('../fixtures/text.json', import.meta.url), 'utf8')) as TextFixture;
}

/** scikit-learn's parameter names as Cairn's (snake_case to camelCase). */
export function cairnParams(params: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params))
    out[k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())] = v;
  return out;
}

/** One text column `doc`. */
export function docsFrame(docs: readonly (string | null)[]): Frame {
  return new Frame({ doc: col.text(docs) });
}

/** The reference rows as a dense row-major array. */
export function dense(rows: SparseRows, nCols: number): Float64Array {
  const nRows = rows.indptr.length - 1;
  const out = new Float64Array(nRows * nCols);
  for (let r = 0; r < nRows; r++)
    for (let p = rows.indptr[r]; p < rows.indptr[r + 1]; p++)
      out[r * nCols + rows.indices[p]] = rows.values[p];
  return out;
}

/** The frame's number columns (in order) as a dense row-major array. */
export function denseFrame(frame: Frame): Float64Array {
  const cols = frame.names.map((n) => frame.columnOf(n, 'number').values);
  const out = new Float64Array(frame.nRows * cols.length);
  cols.forEach((c, j) => {
    for (let r = 0; r < frame.nRows; r++) out[r * cols.length + j] = c[r];
  });
  return out;
}

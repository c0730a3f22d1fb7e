/**
 * Test support for the reference tests: turns the shipped CSV datasets into the matrices the
 * fixture script built (same columns, same dropped rows, same standardization). Pure (text in, no
 * file access) so this folder stays browser-safe; the tests read the files.
 */
import { type Matrix, matrix } from '../../data/matrix.js';

/** Simple CSV: no quoted fields (true of the datasets used here). */
export function parseSimpleCSV(text: string): { header: string[]; rows: string[][] } {
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
  return { header: lines[0].split(','), rows: lines.slice(1).map((l) => l.split(',')) };
}

export interface DatasetSpec {
  readonly features: readonly string[];
  readonly target: string;
  /** Target labels in code order (for a text target); absent for a numeric target. */
  readonly labels?: readonly string[] | null;
  /** Standardize with these, (x - mean) / scale, when given. */
  readonly mean?: readonly number[];
  readonly scale?: readonly number[];
}

/** X and y from CSV text; rows with an empty feature are dropped, as pandas dropna did. */
export function datasetFromCSV(text: string, spec: DatasetSpec): { X: Matrix; y: Float64Array } {
  const { header, rows } = parseSimpleCSV(text);
  const idx = spec.features.map((f) => {
    const i = header.indexOf(f);
    if (i < 0) throw new Error(`no column ${f}`);
    return i;
  });
  const t = header.indexOf(spec.target);
  const kept = rows.filter((r) => idx.every((i) => r[i] !== '' && r[i] !== undefined));
  const p = idx.length;
  const data = new Float64Array(kept.length * p);
  const y = new Float64Array(kept.length);
  kept.forEach((r, i) => {
    for (let j = 0; j < p; j++) {
      const v = Number(r[idx[j]]);
      data[i * p + j] = spec.mean && spec.scale ? (v - spec.mean[j]) / spec.scale[j] : v;
    }
    y[i] = spec.labels ? spec.labels.indexOf(r[t]) : Number(r[t]);
  });
  return { X: matrix(kept.length, p, data), y };
}

/** The fixture script's sample weights: w_i = 0.5 + ((7 i) mod 11) / 10. */
export function fixtureWeights(n: number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => 0.5 + ((7 * i) % 11) / 10);
}

/** X with its first column repeated at the end (the rank-deficient cases). */
export function withFirstColumnRepeated(X: Matrix): Matrix {
  const p = X.cols + 1;
  const data = new Float64Array(X.rows * p);
  for (let i = 0; i < X.rows; i++) {
    data.set(X.data.subarray(i * X.cols, (i + 1) * X.cols), i * p);
    data[i * p + X.cols] = X.data[i * X.cols];
  }
  return matrix(X.rows, p, data);
}

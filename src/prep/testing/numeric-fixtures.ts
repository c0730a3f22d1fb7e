/** Reads the references written by src/prep/fixtures/make_fixtures_numeric.py (scikit-learn 1.2.1). */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { col, Frame } from '../../data/frame.js';

type Num = number | null;
type Columns = Num[][];

export interface NumericFixture {
  source: string;
  versions: { sklearn: string; numpy: string; scipy: string };
  input: Record<string, Num[]>;
  /** Rows whose transformed values are kept in `out` (null: every row). */
  rows: number[] | null;
  /** Cells blanked before KNNImputer ([row, column number]), for datasets without missing values. */
  blanked?: [number, number][];
  KNNImputer: {
    params: { nNeighbors: number; weights: 'uniform' | 'distance'; addIndicator: boolean };
    names: string[];
    filled: [number, number, number][];
  }[];
  MinMaxScaler: {
    params: { featureRange: [number, number]; clip: boolean };
    fitRows: number | null;
    dataMin: Num[];
    dataMax: Num[];
    scale: Num[];
    min: Num[];
    out: Columns | null;
  }[];
  RobustScaler: {
    params: { withCentering: boolean; withScaling: boolean; quantileRange: [number, number] };
    center: Num[] | null;
    scale: Num[] | null;
    out: Columns | null;
  }[];
  PowerTransformer: { params: { standardize: boolean }; lambdas: number[]; out: Columns }[];
  PolynomialFeatures: {
    columns: string[];
    rows: number[];
    cases: {
      params: { degree: number; interactionOnly: boolean; includeBias: boolean };
      names: string[];
      out: Columns;
    }[];
  };
  VarianceThreshold: { params: { threshold: number }; variances: Num[]; support: boolean[] }[];
  OutlierClipper: {
    params: { method: 'iqr' | 'quantile'; factor?: number; quantiles?: [number, number] };
    lower: Num[];
    upper: Num[];
  }[];
  OutlierRemover: {
    params: { method: 'iqr' | 'zscore'; factor?: number; threshold?: number };
    kept: number[];
  }[];
  scores: {
    features: string[];
    rows: number[];
    y: number[];
    score: 'f_classif' | 'f_regression';
    scores: Num[];
    pValues: Num[];
    select: { k: number; support: boolean[] }[];
    /** scikit-learn's estimators on fixed noisy values (first two features, random_state 0). */
    exactMutualInfo: { x: number[][]; y: number[]; discreteTarget: boolean; mi: number[] };
    mutualInfo: {
      score: 'mutual_info_classif' | 'mutual_info_regression';
      seeds: number[];
      mean: number[];
      min: number[];
      max: number[];
    };
  };
}

export const NUMERIC_DATASETS = ['penguins', 'cars', 'diabetes', 'breast_cancer'] as const;
export type NumericDataset = (typeof NUMERIC_DATASETS)[number];

const cache = new Map<NumericDataset, NumericFixture>();

export function loadNumericFixture(name: NumericDataset): NumericFixture {
  let fx = cache.get(name);
  if (!fx) {
    fx = JSON.parse(
      readFileSync(new URL(`../fixtures/numeric-${name}.json`, import.meta.url), 'utf8'),
    ) as NumericFixture;
    cache.set(name, fx);
  }
  return fx;
}

/** The fixture's number columns as a Frame, optionally only some rows. */
export function numberFrame(
  fx: NumericFixture,
  columns = Object.keys(fx.input),
  rows?: readonly number[],
): Frame {
  return new Frame(
    columns.map((name) => {
      const all = fx.input[name];
      return [name, col.number(rows ? rows.map((r) => all[r]) : all)] as const;
    }),
  );
}

/** The values of `column` at `rows` (every row when null). */
export function atRows(values: Float64Array, rows: readonly number[] | null): Float64Array {
  return rows ? Float64Array.from(rows, (r) => values[r]) : values;
}

/**
 * Numbers equal to the reference within `tol`, relative to the reference's magnitude when it
 * exceeds 1 (|got - want| <= tol max(1, |want|)), missing where the reference is null. Returns the
 * worst relative-or-absolute difference seen, for tests that report the tolerance reached.
 */
export function expectNear(got: ArrayLike<number>, want: readonly Num[], tol = 1e-9, what = 'value'): number {
  expect(got.length, `${what}: length`).toBe(want.length);
  let worst = 0;
  for (let i = 0; i < want.length; i++) {
    const w = want[i];
    if (w === null) {
      expect(got[i], `${what} ${i}`).toBeNaN();
      continue;
    }
    const diff = Math.abs(got[i] - w) / Math.max(1, Math.abs(w));
    if (!(diff <= tol)) expect(got[i], `${what} ${i} (tolerance ${tol})`).toBe(w);
    worst = Math.max(worst, diff);
  }
  return worst;
}

/** Reads the scikit-learn reference fixtures written by src/prep/fixtures/make_fixtures.py. */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { col, Frame } from '../../data/frame.js';

type Cells = (number | string | null)[];

export interface PrepFixture {
  source: string;
  sklearn: string;
  input: { numbers: Record<string, (number | null)[]>; categories: Record<string, (string | null)[]> };
  SimpleImputer: {
    params: Record<string, unknown>;
    columns: string[];
    statistics?: (number | string | null)[];
    names?: string[];
    out: Cells[];
  }[];
  StandardScaler: {
    params: { withMean: boolean; withStd: boolean };
    columns: string[];
    mean: number[];
    scale: number[] | null;
    out: (number | null)[][];
  }[];
  OneHotEncoder: {
    params: { handleUnknown: 'ignore'; drop: 'first' | 'if_binary' | null };
    columns: string[];
    fitRows: 'all' | 'holdout';
    fitRowIndex: number[] | null;
    categories: (string | null)[][];
    /** One '0'/'1' string per output column. */
    out: string[];
  }[];
  /** scikit-learn ColumnTransformer(impute+scale, impute+one-hot) + Ridge on penguins body mass. */
  RidgePipeline?: { target: string; rows: number[]; testEvery: number; alpha: number; predictions: number[] };
}

export const DATASETS = ['penguins', 'cars'] as const;

export function loadFixture(name: (typeof DATASETS)[number]): PrepFixture {
  return JSON.parse(
    readFileSync(new URL(`../fixtures/${name}.json`, import.meta.url), 'utf8'),
  ) as PrepFixture;
}

/**
 * The fixture's input columns as a Frame. Category dictionaries are given in reverse-sorted order
 * on purpose: transformers must work by label, so the result may not depend on the dictionary.
 */
export function inputFrame(fx: PrepFixture, columns: readonly string[]): Frame {
  return new Frame(
    columns.map((name) => {
      const nums = fx.input.numbers[name];
      if (nums) return [name, col.number(nums)] as const;
      const labels = fx.input.categories[name];
      const dict = [...new Set(labels.filter((l): l is string => l !== null))].sort().reverse();
      return [name, col.category(labels, dict)] as const;
    }),
  );
}

/** Numbers equal within `tol` (absolute), missing where the reference is null. */
export function expectClose(got: ArrayLike<number>, want: readonly (number | null)[], tol = 1e-9): void {
  expect(got.length).toBe(want.length);
  let worst = 0;
  for (let i = 0; i < want.length; i++) {
    const w = want[i];
    if (w === null) {
      expect(got[i], `value ${i}`).toBeNaN();
      continue;
    }
    worst = Math.max(worst, Math.abs(got[i] - w));
    if (!(Math.abs(got[i] - w) <= tol)) expect(got[i], `value ${i}`).toBe(w);
  }
  expect(worst).toBeLessThanOrEqual(tol);
}

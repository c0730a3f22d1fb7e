/**
 * Reads the scikit-learn reference fixtures written by ../fixtures/make_fixtures.py, and the
 * helpers the reference tests share. Test-only (uses node:fs); excluded from the build.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { fromRows, type Matrix } from '../../../data/matrix.js';
import { InputError } from '../../../util/errors.js';
import type { Labels } from '../validate.js';

export interface Dataset {
  y_true: number[];
  y_pred?: number[];
  score?: number[];
  /** Rows of class probabilities, or a vector of P(positive). */
  proba?: number[][] | number[];
  w: number[];
}

export interface Call {
  fn: string;
  data: string;
  kw: Record<string, unknown> & { weighted?: boolean };
  expect?: unknown;
  /** scikit-learn raised (ValueError: ...): Cairn must throw an InputError. */
  error?: string;
  /** scikit-learn returns a value (and warns) where Cairn deliberately throws an InputError. */
  cairnRaises?: string;
}

export interface Fixture {
  sklearn: string;
  numpy: string;
  datasets: Record<string, Dataset>;
  calls: Call[];
}

export type FixtureName = 'classification' | 'ranking' | 'log_loss' | 'regression';

/** Non-finite numbers are stored as strings; everything else is plain JSON. */
const NON_FINITE: Record<string, number> = {
  NaN: Number.NaN,
  Infinity: Number.POSITIVE_INFINITY,
  '-Infinity': Number.NEGATIVE_INFINITY,
};

export function loadFixture(name: FixtureName): Fixture {
  const text = readFileSync(new URL(`../fixtures/${name}.json`, import.meta.url), 'utf8');
  return JSON.parse(text, (_k, v) =>
    typeof v === 'string' && v in NON_FINITE ? NON_FINITE[v] : v,
  ) as Fixture;
}

/** The same labels in each of the accepted array types, so every type is exercised. */
export function asLabels(values: number[], variant: number): Labels {
  switch (variant % 3) {
    case 0:
      return Int32Array.from(values);
    case 1:
      return Float64Array.from(values);
    default:
      return values;
  }
}

export function probaOf(d: Dataset): Matrix | Float64Array {
  const p = d.proba!;
  return Array.isArray(p[0]) ? fromRows(p as number[][]) : Float64Array.from(p as number[]);
}

/** A readable test title for a call. */
export function title(c: Call, i: number): string {
  return `${i} ${c.fn} ${c.data} ${JSON.stringify(c.kw)}`;
}

/** |actual - expected| <= tol · max(1, |expected|), NaN matching NaN; arrays element-wise. */
export function expectClose(actual: unknown, expected: unknown, tol = 1e-9): void {
  if (typeof expected === 'number') {
    expect(typeof actual).toBe('number');
    const a = actual as number;
    if (Number.isNaN(expected)) expect(a).toBeNaN();
    else if (!Number.isFinite(expected)) expect(a).toBe(expected);
    else if (!(Math.abs(a - expected) <= tol * Math.max(1, Math.abs(expected))))
      expect.fail(`expected ${a} to be within ${tol} of ${expected}`);
    return;
  }
  if (Array.isArray(expected)) {
    const a = Array.from(actual as ArrayLike<unknown>);
    expect(a.length).toBe(expected.length);
    for (let i = 0; i < expected.length; i++) expectClose(a[i], expected[i], tol);
    return;
  }
  throw new Error(`unsupported expected value ${JSON.stringify(expected)}`);
}

/** Runs one fixture call through `run` and checks value, or the InputError where sklearn raised. */
export function checkCall(c: Call, run: () => unknown, compare: (got: unknown, want: unknown) => void): void {
  if (c.error !== undefined || c.cairnRaises !== undefined) {
    expect(run).toThrow(InputError);
    return;
  }
  compare(run(), c.expect);
}

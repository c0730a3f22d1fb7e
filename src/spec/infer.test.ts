import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { col } from '../data/frame.js';
import { InputError } from '../util/errors.js';
import { defaultMetric, guessTask, inferTask } from './infer.js';

/** One numeric column of a shipped dataset (plain CSV without quoted fields); empty cells are missing. */
function datasetColumn(file: string, name: string) {
  const lines = readFileSync(new URL(`../../datasets/${file}`, import.meta.url), 'utf8')
    .trim()
    .split('\n');
  const at = lines[0].split(',').indexOf(name);
  expect(at).toBeGreaterThanOrEqual(0);
  return col.number(lines.slice(1).map((l) => (l.split(',')[at] === '' ? null : Number(l.split(',')[at]))));
}

describe('inferTask on the shipped datasets', () => {
  it.each([
    ['iris.csv', 'target', 'classification', 3],
    ['breast_cancer.csv', 'target', 'classification', 2],
    ['diabetes.csv', 'target', 'regression', undefined],
    ['cars.csv', 'mpg', 'regression', undefined],
    ['cars.csv', 'cylinders', 'classification', 5],
    ['flights-2001.csv', 'delay_minutes', 'regression', undefined],
  ])('%s %s is %s', (file, name, task, nClasses) => {
    const column = datasetColumn(file, name);
    expect(inferTask(column)).toBe(task);
    expect(guessTask(column).nClasses).toBe(nClasses);
  });
});

describe('inferTask rules', () => {
  it('treats category, boolean and text targets as classes, counting those present', () => {
    expect(guessTask(col.category(['a', 'b', null, 'a'], ['a', 'b', 'c']))).toEqual({
      task: 'classification',
      nClasses: 2,
      reason: 'target is a category column',
    });
    expect(guessTask(col.boolean([true, false, null]), 'churned')).toEqual({
      task: 'classification',
      nClasses: 2,
      reason: 'churned is a boolean column',
    });
    expect(guessTask(col.text(['x', 'y', 'z', null])).nClasses).toBe(3);
  });

  it('treats two whole-number values as binary at any size, even with missing values', () => {
    expect(inferTask(col.number([0, 1, 1, null]))).toBe('classification');
    expect(inferTask(col.number([-1, 1]))).toBe('classification');
    expect(inferTask(col.number([5, 5, 5]))).toBe('classification');
  });

  it('needs at most 20 distinct whole numbers and at most 5% of rows for more classes', () => {
    const cycle = (k: number, n: number) => col.number(Array.from({ length: n }, (_, i) => i % k));
    expect(inferTask(cycle(3, 60))).toBe('classification'); // 3 <= 5% of 60
    expect(inferTask(cycle(4, 60))).toBe('regression'); // 4 > 3
    expect(inferTask(cycle(20, 400))).toBe('classification');
    expect(inferTask(cycle(21, 10_000))).toBe('regression');
    expect(guessTask(cycle(21, 10_000)).reason).toBe(
      'target has more than 20 distinct whole numbers in 10000 rows (classes need <= 20 and <= 5% of rows)',
    );
  });

  it('treats any fractional value as regression', () => {
    expect(guessTask(col.number([0, 1, 0.5, 1, 0]))).toEqual({
      task: 'regression',
      reason: 'target has fractional values',
    });
  });

  it('refuses a datetime target and an all-missing target', () => {
    expect(() => inferTask(col.datetime(['2024-01-01']))).toThrow(InputError);
    expect(() => guessTask(col.datetime(['2024-01-01']), 'when')).toThrow(/when is a datetime column/);
    expect(() => guessTask(col.number([null, null]), 'y')).toThrow('y has no values: every row is missing');
  });
});

describe('defaultMetric', () => {
  it('picks roc_auc for two classes, f1_macro for more, rmse for regression', () => {
    expect(defaultMetric('classification', 2)).toBe('roc_auc');
    expect(defaultMetric('classification')).toBe('roc_auc');
    expect(defaultMetric('classification', 3)).toBe('f1_macro');
    expect(defaultMetric('regression')).toBe('rmse');
  });
});

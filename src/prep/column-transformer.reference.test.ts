import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Column, col, Frame } from '../data/frame.js';
import { parseTyped, stringifyTyped } from '../util/typed-json.js';
import type { ColumnSelector } from './column-selector.js';
import { ColumnTransformer } from './column-transformer.js';
import { OneHotEncoder } from './one-hot-encoder.js';
import { SimpleImputer } from './simple-imputer.js';
import { StandardScaler } from './standard-scaler.js';
import { expectClose } from './testing/fixtures.js';

/** Written by fixtures/make_pipeline_fixtures.py (scikit-learn 1.2.1). */
interface CTFixture {
  testEvery: number;
  penguins: Dataset;
  cars: Dataset;
}
interface Dataset {
  input: { numbers: Record<string, (number | null)[]>; categories: Record<string, (string | null)[]> };
  cases: { name: string; names: string[]; out: (number | null)[][] }[];
}

const fx = JSON.parse(
  readFileSync(new URL('./fixtures/column-transformer.json', import.meta.url), 'utf8'),
) as CTFixture;

/** The columns in scikit-learn's order; `text` columns become text (a kind no part takes). */
function frameOf(d: Dataset, names: string[], text: string[] = []): Frame {
  return new Frame(
    names.map((n): [string, Column] => {
      const nums = d.input.numbers[n];
      if (nums) return [n, col.number(nums)];
      const labels = d.input.categories[n];
      // a reverse-sorted dictionary: parts must work by label, never by code
      const dict = [...new Set(labels.filter((l): l is string => l !== null))].sort().reverse();
      return [n, text.includes(n) ? col.text(labels) : col.category(labels, dict)];
    }),
  );
}

const numberSteps = (strategy: 'median' | 'mean') => [new SimpleImputer({ strategy }), new StandardScaler()];
const categorySteps = () => [
  new SimpleImputer({ strategy: 'most_frequent' }),
  new OneHotEncoder({ handleUnknown: 'ignore' }),
];

/** scikit-learn names one-hot outputs `<col>_<label>`; Cairn `<col>=<label>`. */
const sklearnName = (name: string) => name.replace('=', '_');

function check(ct: ColumnTransformer, frame: Frame, want: Dataset['cases'][number]): void {
  const train = Int32Array.from({ length: frame.nRows }, (_, i) => i).filter((i) => i % fx.testEvery !== 0);
  ct.fit(frame.take(train));
  const out = ct.transform(frame);
  expect(out.names.map(sklearnName)).toEqual(want.names);
  expect(ct.featureNamesOut(frame.names).map(sklearnName)).toEqual(want.names);
  out.names.forEach((name, j) => {
    expectClose(out.columnOf(name, 'number').values, want.out[j], 1e-9);
  });
  const back = ColumnTransformer.fromJSON(
    parseTyped(stringifyTyped(ct.toJSON())) as ReturnType<ColumnTransformer['toJSON']>,
  );
  expect(back.transform(frame)).toEqual(out);
}

describe('ColumnTransformer matches scikit-learn 1.2 ColumnTransformer within 1e-9', () => {
  const penguinNumbers = ['beak_length_mm', 'beak_depth_mm', 'flipper_length_mm', 'body_mass_g'];
  const penguinCategories = ['species', 'island', 'sex'];

  it('penguins: impute + scale on numbers, impute + one-hot on categories, chosen by name', () => {
    const frame = frameOf(fx.penguins, [...penguinCategories, ...penguinNumbers]);
    const ct = new ColumnTransformer({
      transformers: [
        { name: 'num', steps: numberSteps('median'), columns: penguinNumbers },
        { name: 'cat', steps: categorySteps(), columns: penguinCategories },
      ],
      prefixNames: true,
    });
    check(ct, frame, fx.penguins.cases.find((c) => c.name === 'by-name')!);
  });

  it('penguins: columns chosen by pattern and by kind, the remainder passed through', () => {
    const frame = frameOf(fx.penguins, ['species', 'island', ...penguinNumbers]);
    const ct = new ColumnTransformer({
      transformers: [
        { name: 'beak', steps: numberSteps('mean'), columns: { pattern: '^beak' } },
        { name: 'cat', steps: categorySteps(), columns: { kind: 'category' } satisfies ColumnSelector },
      ],
      remainder: 'passthrough',
      prefixNames: true,
    });
    check(ct, frame, fx.penguins.cases.find((c) => c.name === 'by-kind-and-pattern')!);
  });

  it('cars: a text column no part takes is dropped', () => {
    const numbers = ['mpg', 'cylinders', 'displacement', 'horsepower', 'weight_lbs', 'acceleration'];
    const frame = frameOf(fx.cars, ['name', ...numbers, 'origin'], ['name']);
    const ct = new ColumnTransformer({
      transformers: [
        { name: 'num', steps: numberSteps('median'), columns: numbers },
        { name: 'cat', steps: categorySteps(), columns: ['origin'] },
      ],
      prefixNames: true,
    });
    check(ct, frame, fx.cars.cases[0]);
  });
});

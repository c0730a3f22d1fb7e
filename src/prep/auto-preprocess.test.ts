import { describe, expect, it } from 'vitest';
import { col, Frame } from '../data/frame.js';
import { schemaOf } from '../data/schema.js';
import { autoPreprocess } from './auto-preprocess.js';
import { OneHotEncoder } from './one-hot-encoder.js';
import { OrdinalEncoder } from './ordinal-encoder.js';
import { Pipeline } from './pipeline.js';
import { SelectColumns } from './select-columns.js';
import { SimpleImputer } from './simple-imputer.js';
import { StandardScaler } from './standard-scaler.js';
import { MeanRegressor } from './testing/estimators.js';

function frame(): Frame {
  return new Frame({
    id: col.number([1, 2, 3, 4]),
    mass: col.number([3.5, null, 4.1, 5]),
    island: col.category(['Biscoe', 'Dream', null, 'Biscoe']),
    male: col.boolean([true, null, false, true]),
    seen: col.datetime(['2020-01-01', '2020-01-02', null, '2020-01-04']),
    comment: col.text(['a', 'b', 'c', null]),
    price: col.number([1, 2, 3, 4]),
  });
}
const schema = () => schemaOf(frame(), { id: 'id', price: 'target' });

describe('autoPreprocess', () => {
  it('linear: median impute and standardize numbers; most-frequent impute and one-hot the rest', () => {
    const { steps, columns, notes } = autoPreprocess(schema(), 'linear');
    expect(columns).toEqual(['mass', 'island', 'male']);
    expect(steps.map((s) => s.constructor)).toEqual([
      SelectColumns,
      SimpleImputer,
      SimpleImputer,
      StandardScaler,
      OneHotEncoder,
    ]);
    expect(steps.map((s) => s.params)).toEqual([
      { columns: ['mass', 'island', 'male'] },
      { columns: ['mass'], strategy: 'median', fillValue: null, addIndicator: false },
      { columns: ['island', 'male'], strategy: 'most_frequent', fillValue: null, addIndicator: false },
      { columns: ['mass'], withMean: true, withStd: true },
      {
        columns: ['island', 'male'],
        handleUnknown: 'ignore',
        drop: null,
        minFrequency: null,
        maxCategories: null,
      },
    ]);
    expect(notes).toHaveLength(2);
    expect(notes[0]).toMatch(/dropped datetime column 'seen'/);
    expect(notes[1]).toMatch(/dropped text column 'comment'/);
  });

  it('tree: impute only, categories as ordinal codes', () => {
    const { steps } = autoPreprocess(schema(), 'tree');
    expect(steps.map((s) => s.constructor)).toEqual([
      SelectColumns,
      SimpleImputer,
      SimpleImputer,
      OrdinalEncoder,
    ]);
    expect(steps[3].params).toMatchObject({ columns: ['island'] });
  });

  it('leaves out steps for kinds the schema lacks', () => {
    const only = schemaOf(new Frame({ a: col.number([1, 2]) }));
    expect(autoPreprocess(only, 'linear').steps.map((s) => s.constructor)).toEqual([
      SelectColumns,
      SimpleImputer,
      StandardScaler,
    ]);
  });

  it.each(['linear', 'tree'] as const)(
    '%s steps make a pipeline that fits and predicts the whole frame',
    (family) => {
      const f = frame();
      const y = f.columnOf('price', 'number').values;
      const p = new Pipeline({ steps: [...autoPreprocess(schema(), family).steps, new MeanRegressor()] }).fit(
        f,
        y,
      );
      const expected =
        family === 'linear'
          ? ['mass', 'island=Biscoe', 'island=Dream', 'male=false', 'male=true']
          : ['mass', 'island', 'male'];
      expect(p.featureNamesOut()).toEqual(expected);
      const pred = p.predict(f.select(['mass', 'island', 'male']));
      expect(pred.every(Number.isFinite)).toBe(true);
    },
  );
});

import { describe, expect, it } from 'vitest';
import { col, Frame } from '../data/frame.js';
import { runEstimatorContract } from '../testing/estimator-contract.js';
import { InputError, ParamError } from '../util/errors.js';
import { ColumnTransformer } from './column-transformer.js';
import { OneHotEncoder } from './one-hot-encoder.js';
import { OrdinalEncoder } from './ordinal-encoder.js';
import { Pipeline } from './pipeline.js';
import { SimpleImputer } from './simple-imputer.js';
import { StandardScaler } from './standard-scaler.js';
import { fitLog, MeanRegressor, RecordingTransformer } from './testing/estimators.js';
import { flattenFrame, mixedFrame, withMissing, withoutColumn } from './testing/frames.js';

const parts = () => [
  {
    name: 'num',
    steps: [new SimpleImputer({ strategy: 'median' }), new StandardScaler()],
    columns: ['x', 'z'],
  },
  {
    name: 'cat',
    steps: [new SimpleImputer({ strategy: 'most_frequent' }), new OneHotEncoder()],
    columns: { kind: ['category', 'boolean'] } as const,
  },
];

runEstimatorContract<ColumnTransformer, Frame>({
  name: 'ColumnTransformer',
  make: (p) => new ColumnTransformer({ transformers: parts(), ...(p ?? {}) }),
  restore: (json) => ColumnTransformer.fromJSON(json),
  data: () => ({ X: mixedFrame() }),
  output: (est, X) => flattenFrame(est.transform(X)),
  wrongWidth: (X) => withoutColumn(X, 'z'),
  withNaN: (X) => withMissing(X, 'x', 0),
  nan: 'accept',
  badParams: [
    { transformers: [{ name: 'a', steps: new StandardScaler(), columns: 'x' }] },
    { transformers: [{ name: 'a', steps: new MeanRegressor(), columns: ['x'] }] },
    {
      transformers: [
        { name: 'a', steps: 'passthrough', columns: ['x'] },
        { name: 'a', steps: 'drop', columns: ['z'] },
      ],
    },
    { transformers: [{ name: 'a__b', steps: 'passthrough', columns: ['x'] }] },
    { transformers: [{ name: 'a', steps: 'passthrough', columns: { kind: 'numbers' } }] },
    { transformers: [{ name: 'a', steps: 'passthrough', columns: { pattern: '(' } }] },
    { remainder: 'keep' },
    { prefixNames: 1 },
  ],
});

describe('ColumnTransformer', () => {
  it('puts the parts side by side in order, Cairn names by default, the text column dropped', () => {
    const ct = new ColumnTransformer({ transformers: parts() }).fit(mixedFrame());
    const out = ct.transform(mixedFrame());
    expect(out.names).toEqual([
      'x',
      'z',
      'color=blue',
      'color=green',
      'color=red',
      'flag=false',
      'flag=true',
    ]);
    expect(ct.featureNamesOut(mixedFrame().names)).toEqual(out.names);
    expect(ct.describeParts()).toEqual([
      'num: SimpleImputer → StandardScaler on x, z',
      'cat: SimpleImputer → OneHotEncoder on color, flag',
    ]);
  });

  it('passes the remainder through, last and in input order, and can prefix every name', () => {
    const ct = new ColumnTransformer({
      transformers: [{ name: 'cat', steps: new OrdinalEncoder(), columns: ['color'] }],
      remainder: 'passthrough',
      prefixNames: true,
    }).fit(mixedFrame());
    const out = ct.transform(mixedFrame());
    expect(out.names).toEqual([
      'cat__color',
      'remainder__x',
      'remainder__z',
      'remainder__flag',
      'remainder__note',
    ]);
    expect(out.column('remainder__note')).toEqual(mixedFrame().column('note'));
    expect(Array.from(out.columnOf('cat__color', 'number').values)).toEqual([2, Number.NaN, 0, 2, 1, 0]);
  });

  it('"passthrough" and "drop" parts, and a column feeding two parts', () => {
    const ct = new ColumnTransformer({
      transformers: [
        { name: 'raw', steps: 'passthrough', columns: ['x'] },
        { name: 'scaled', steps: [new SimpleImputer(), new StandardScaler()], columns: ['x'] },
        { name: 'gone', steps: 'drop', columns: ['z'] },
      ],
      remainder: 'passthrough',
      prefixNames: true,
    }).fit(mixedFrame());
    expect(ct.transform(mixedFrame()).names).toEqual([
      'raw__x',
      'scaled__x',
      'remainder__color',
      'remainder__flag',
      'remainder__note',
    ]);
  });

  it('refuses two parts giving one name unless names are prefixed', () => {
    const twice = (prefixNames: boolean) =>
      new ColumnTransformer({
        transformers: [
          { name: 'raw', steps: 'passthrough', columns: ['x'] },
          { name: 'scaled', steps: new StandardScaler(), columns: ['x'] },
        ],
        prefixNames,
      });
    expect(() => twice(false).fit(mixedFrame())).toThrow(
      /parts 'raw' and 'scaled' both output a column 'x'; rename one, or set prefixNames: true/,
    );
    expect(twice(true).fit(mixedFrame()).transform(mixedFrame()).names).toEqual(['raw__x', 'scaled__x']);
  });

  it('names a missing column at fit and at transform', () => {
    const ct = new ColumnTransformer({
      transformers: [{ name: 'n', steps: new StandardScaler(), columns: ['x', 'w'] }],
    });
    expect(() => ct.fit(mixedFrame())).toThrow(/part 'n': no column 'w'/);
    const fitted = new ColumnTransformer({ transformers: parts() }).fit(mixedFrame());
    let err: unknown;
    try {
      fitted.transform(mixedFrame().drop(['color']));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).details.column).toBe('color');
  });

  it('resolves kinds and patterns once, at fit', () => {
    const ct = new ColumnTransformer({
      transformers: [{ name: 'n', steps: new StandardScaler(), columns: { kind: 'number' } }],
    }).fit(mixedFrame());
    // a new number column in later rows is not taken: the fitted columns are
    const later = mixedFrame().with('extra', col.number([1, 2, 3, 4, 5, 6]));
    expect(ct.transform(later).names).toEqual(['x', 'z']);
  });

  it('an empty selection gives no columns rather than an error', () => {
    const ct = new ColumnTransformer({
      transformers: [{ name: 'd', steps: new StandardScaler(), columns: { kind: 'datetime' } }],
      remainder: 'passthrough',
    }).fit(mixedFrame());
    expect(ct.transform(mixedFrame()).names).toEqual(mixedFrame().names);
  });

  it('never fits the templates it was given; clone copies them', () => {
    const scaler = new StandardScaler();
    const ct = new ColumnTransformer({ transformers: [{ name: 's', steps: scaler, columns: ['x'] }] });
    ct.fit(mixedFrame());
    expect(scaler.isFitted).toBe(false);
    const copy = ct.clone();
    expect(copy.params.transformers[0].steps).not.toBe(scaler);
    expect((copy.params.transformers[0].steps as StandardScaler).params).toEqual(scaler.params);
  });

  it('gives a ParamError naming the part that is wrong', () => {
    const ct = new ColumnTransformer({
      transformers: [{ name: 'n', steps: 'passthrough', columns: { kind: 'numbers' as never } }],
    });
    expect(() => ct.fit(mixedFrame())).toThrow(ParamError);
    expect(() => ct.fit(mixedFrame())).toThrow(/part 'n': columns: kind must be one of number, category/);
  });

  it('inside a Pipeline: fitted on the training rows only, names flow to the model', () => {
    const frame = new Frame({
      id: col.number([0, 1, 2, 3, 4, 5]),
      x: col.number([1, 2, null, 4, 10, 6]),
      color: col.category(['red', null, 'blue', 'red', 'green', 'blue']),
    });
    const p = new Pipeline({
      steps: [
        new ColumnTransformer({
          transformers: [
            {
              name: 'num',
              steps: [new RecordingTransformer(), new SimpleImputer(), new StandardScaler()],
              columns: ['id', 'x'],
            },
            {
              name: 'cat',
              steps: [new SimpleImputer({ strategy: 'most_frequent' }), new OneHotEncoder()],
              columns: ['color'],
            },
          ],
        }),
        new MeanRegressor(),
      ],
    });
    fitLog.length = 0;
    p.fit(frame.take([0, 2, 4]), Float64Array.from([1, 2, 3]));
    p.predict(frame);
    expect(fitLog).toEqual([[0, 2, 4]]);
    expect(p.featureNamesOut()).toEqual(['id', 'x', 'color=blue', 'color=green', 'color=red']);
  });
});

import { describe, expect, it } from 'vitest';
import { type Column, col, Frame } from '../data/frame.js';
import { Estimator } from '../models/estimator.js';
import type { ParamSpecs } from '../models/params.js';
import { ColumnTransformer } from './column-transformer.js';
import { OneHotEncoder } from './one-hot-encoder.js';
import { Pipeline } from './pipeline.js';
import { SelectColumns } from './select-columns.js';
import { SimpleImputer } from './simple-imputer.js';
import { StandardScaler } from './standard-scaler.js';
import { MeanRegressor } from './testing/estimators.js';
import { mixedFrame } from './testing/frames.js';
import type { Transformer } from './transformer.js';

const NO_SPECS: ParamSpecs<Record<string, never>> = {};

/**
 * Adds a column `enc`: 1 at transform, but at fit the training rows get their own y (what a
 * cross-fitted encoder's fitTransformTrain gives instead of transform's values).
 */
class TrainOnlyEncoder extends Estimator<Record<string, never>, { fitted: true }> implements Transformer {
  readonly kind = 'test.TrainOnlyEncoder';
  protected readonly specs = NO_SPECS;
  constructor(p: Partial<Record<string, never>> = {}) {
    super({}, p);
  }
  fit(): this {
    this.fitted = { fitted: true };
    return this;
  }
  fitTransformTrain(frame: Frame, y?: Float64Array): Frame {
    this.fit();
    return frame.with('enc', { kind: 'number', values: Float64Array.from(y!) } as Column);
  }
  transform(frame: Frame): Frame {
    this.state;
    return frame.with('enc', { kind: 'number', values: new Float64Array(frame.nRows).fill(1) });
  }
  featureNamesOut(names: readonly string[]): string[] {
    return [...names, 'enc'];
  }
}

describe('Pipeline steps', () => {
  it('a step with fitTransformTrain gives the next step its training-row values', () => {
    const frame = new Frame({ x: col.number([1, 2, 3, 4]) });
    const y = Float64Array.from([10, 20, 30, 40]);
    const p = new Pipeline({
      steps: [new TrainOnlyEncoder(), new StandardScaler({ columns: ['enc'] }), new MeanRegressor()],
    });
    p.fit(frame, y);
    const scaler = p.state.transformers[1] as StandardScaler;
    // the scaler saw y (mean 25), not transform's constant 1
    expect(scaler.state.center[0]).toBe(25);
    expect(Array.from(p.transform(frame).columnOf('enc', 'number').values)).toEqual(
      Array.from({ length: 4 }, () => (1 - 25) / scaler.state.scale[0]),
    );
  });

  it('gives the column names after every step; the last are the model inputs', () => {
    const p = new Pipeline({
      steps: [
        new SelectColumns({ columns: ['x', 'color', 'flag'] }),
        new ColumnTransformer({
          transformers: [
            { name: 'num', steps: [new SimpleImputer(), new StandardScaler()], columns: ['x'] },
            {
              name: 'cat',
              steps: [new SimpleImputer({ strategy: 'most_frequent' }), new OneHotEncoder()],
              columns: ['color'],
            },
          ],
          remainder: 'passthrough',
        }),
        new SimpleImputer({ strategy: 'most_frequent', columns: ['flag'] }),
        new MeanRegressor(),
      ],
    }).fit(mixedFrame(), Float64Array.from([1, 2, 3, 4, 5, 6]));
    const byStep = p.featureNamesByStep();
    expect(byStep.map((s) => s.step)).toEqual(['SelectColumns', 'ColumnTransformer', 'SimpleImputer']);
    expect(byStep[0].names).toEqual(['x', 'color', 'flag']);
    expect(byStep[1].names).toEqual(['x', 'color=blue', 'color=green', 'color=red', 'flag']);
    expect(byStep[2].names).toEqual(p.featureNamesOut());
    expect(p.transform(mixedFrame()).names).toEqual(p.featureNamesOut());
  });
});

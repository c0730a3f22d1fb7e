/**
 * Parity with scikit-learn 1.2.1's LinearRegression and Ridge on diabetes.csv; fixtures from
 * fixtures/make_fixtures.py. Coefficients, intercepts and predictions agree within 1e-6 (absolute,
 * or relative to the value where it exceeds 1).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fixture from './fixtures/regression.json' with { type: 'json' };
import { LinearRegression } from './linear-regression.js';
import { datasetFromCSV, fixtureWeights, withFirstColumnRepeated } from './reference-data.js';
import { Ridge } from './ridge.js';

const text = readFileSync(new URL('../../../datasets/diabetes.csv', import.meta.url), 'utf8');
const data = datasetFromCSV(text, { features: fixture.features, target: fixture.target });

function expectNear(ours: ArrayLike<number>, theirs: ArrayLike<number>, tol: number): void {
  expect(ours.length).toBe(theirs.length);
  let worst = 0;
  for (let i = 0; i < ours.length; i++)
    worst = Math.max(worst, Math.abs(ours[i] - theirs[i]) / Math.max(1, Math.abs(theirs[i])));
  expect(worst).toBeLessThan(tol);
}

describe('LinearRegression and Ridge match scikit-learn on diabetes', () => {
  for (const c of fixture.cases) {
    it(`${c.model} ${c.name}`, () => {
      const X = c.duplicateFirstColumn ? withFirstColumnRepeated(data.X) : data.X;
      const model =
        c.model === 'Ridge' ? new Ridge(c.params as { alpha: number }) : new LinearRegression(c.params);
      model.fit(X, data.y, c.sampleWeight ? { sampleWeight: fixtureWeights(X.rows) } : {});
      expectNear(model.state.coef, c.coef, 1e-6);
      expectNear([model.state.intercept], [c.intercept], 1e-6);
      expectNear(model.predict(X), c.predictions, 1e-6);
    });
  }

  it('reports the rank of a rank-deficient design', () => {
    const model = new LinearRegression().fit(withFirstColumnRepeated(data.X), data.y);
    expect(model.state.rank).toBe(data.X.cols);
    expect(new LinearRegression().fit(data.X, data.y).state.rank).toBe(data.X.cols);
  });
});

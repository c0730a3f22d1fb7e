import { afterAll, describe, expect, it } from 'vitest';
import { PowerTransformer } from './power-transformer.js';
import {
  atRows,
  expectNear,
  loadNumericFixture,
  NUMERIC_DATASETS,
  numberFrame,
} from './testing/numeric-fixtures.js';

/**
 * Lambdas come out of an iterative search (Brent, relative tolerance 1.48e-8) on a log-likelihood
 * that is flat at its maximum. The objective here sums as numpy does (pairwise), but glibc's and
 * V8's pow round differently in the last bit now and then, and on a flat maximum that moves where
 * Brent stops. Reached on the four datasets (relative above 1, absolute below): lambdas median
 * 1e-9 to 4e-8, worst 3.6e-6 (penguins flipper_length_mm, lambda -2.08, where the likelihood is
 * flattest); transformed values worst 1.7e-6. Stated tolerances: 1e-5 for both. The worst
 * differences reached are printed.
 */
const LAMBDA_TOL = 1e-5;
const OUT_TOL = 1e-5;
const reached = { lambda: 0, out: 0 };

afterAll(() => {
  console.log(
    `PowerTransformer vs scikit-learn: worst lambda ${reached.lambda.toExponential(2)}, worst value ${reached.out.toExponential(2)}`,
  );
});

describe.each(NUMERIC_DATASETS)('PowerTransformer (Yeo-Johnson) matches scikit-learn on %s', (dataset) => {
  const fx = loadNumericFixture(dataset);
  const frame = numberFrame(fx);
  it.each(fx.PowerTransformer.map((c) => [JSON.stringify(c.params), c] as const))('%s', (_, c) => {
    const pt = new PowerTransformer(c.params).fit(frame);
    reached.lambda = Math.max(reached.lambda, expectNear(pt.state.lambdas, c.lambdas, LAMBDA_TOL, 'lambda'));
    const out = pt.transform(frame);
    expect(out.names).toEqual(frame.names);
    frame.names.forEach((name, j) => {
      const worst = expectNear(atRows(out.columnOf(name, 'number').values, fx.rows), c.out[j], OUT_TOL, name);
      reached.out = Math.max(reached.out, worst);
    });
  });
});

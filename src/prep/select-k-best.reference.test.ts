import { afterAll, describe, expect, it } from 'vitest';
import { fClassif, fRegression } from './f-tests.js';
import { mutualInformation } from './mutual-information.js';
import { continuousDiscreteMI, continuousMI } from './mutual-information-estimators.js';
import { SelectKBest } from './select-k-best.js';
import { expectNear, loadNumericFixture, NUMERIC_DATASETS, numberFrame } from './testing/numeric-fixtures.js';

/**
 * F-tests are deterministic: scores and p-values within 1e-9 (relative above 1).
 *
 * Mutual information is estimated after adding noise of 1e-10 to break ties, which no two
 * languages can draw alike, and on data with many ties (integer lengths, 0/1 columns) the estimate
 * moves with the noise: scikit-learn's own estimates spread by up to 0.0125 nats (one standard
 * deviation over seeds, penguins flipper_length_mm). Fed the same noisy values, Cairn's estimator
 * gives scikit-learn's numbers within 1e-9 (the exact test below). So the next test compares
 * averages over ten seeds on each side: Cairn's mean must lie within 0.02 nats of scikit-learn's
 * (about 3.5 standard errors of the difference), a single seed's estimate within 0.05, and a
 * feature that ranks clearly above another in scikit-learn ranks above it here. The worst
 * distances reached are printed.
 */
const MI_TOL_MEAN = 0.02;
const MI_TOL_SINGLE = 0.05;
const reached = { mean: 0, single: 0 };

afterAll(() => {
  console.log(
    `mutual information vs scikit-learn: worst distance between 10-seed means ${reached.mean.toFixed(4)}, of one seed to their mean ${reached.single.toFixed(4)}`,
  );
});

describe.each(NUMERIC_DATASETS)('feature scores match scikit-learn on %s', (dataset) => {
  const fx = loadNumericFixture(dataset);
  const sc = fx.scores;
  const frame = numberFrame(fx, sc.features, sc.rows);
  const y = Float64Array.from(sc.y);
  const features = sc.features.map((n) => frame.columnOf(n, 'number').values);

  it(`${sc.score} scores and p-values`, () => {
    const { scores, pValues } = (sc.score === 'f_classif' ? fClassif : fRegression)(features, y);
    expectNear(scores, sc.scores, 1e-9, 'score');
    expectNear(pValues ?? [], sc.pValues, 1e-9, 'p-value');
  });

  it.each(sc.select.map((c) => [c.k, c] as const))(
    `SelectKBest(k=%i, ${sc.score}) keeps the same columns`,
    (_, c) => {
      const sel = new SelectKBest({ k: c.k, score: sc.score }).fit(frame, y);
      const kept = sc.features.filter((_, j) => c.support[j]);
      expect(sel.state.kept).toEqual(kept);
      expect(sel.transform(frame).names).toEqual(kept);
    },
  );

  it('mutual information estimators give scikit-learn the same estimates on the same noisy values', () => {
    const { x, y: target, discreteTarget, mi } = sc.exactMutualInfo;
    const t = Float64Array.from(target);
    const got = x.map((v) =>
      discreteTarget
        ? continuousDiscreteMI(Float64Array.from(v), t, 3)
        : continuousMI(Float64Array.from(v), t, 3),
    );
    expectNear(got, mi, 1e-9, 'mutual information');
  });

  it(`${sc.mutualInfo.score} agrees with scikit-learn's over ten seeds`, () => {
    const discreteTarget = sc.mutualInfo.score === 'mutual_info_classif';
    const runs = sc.mutualInfo.seeds.map((seed) => mutualInformation(features, y, { discreteTarget, seed }));
    const mean = features.map((_, j) => runs.reduce((a, r) => a + r[j], 0) / runs.length);
    mean.forEach((m, j) => {
      const want = sc.mutualInfo.mean[j];
      reached.mean = Math.max(reached.mean, Math.abs(m - want));
      reached.single = Math.max(reached.single, Math.abs(runs[0][j] - want));
      expect(Math.abs(m - want), `${sc.features[j]}: ${m} vs ${want}`).toBeLessThanOrEqual(MI_TOL_MEAN);
      expect(Math.abs(runs[0][j] - want), `${sc.features[j]} seed 0`).toBeLessThanOrEqual(MI_TOL_SINGLE);
    });
    for (let a = 0; a < mean.length; a++)
      for (let b = 0; b < mean.length; b++)
        if (sc.mutualInfo.mean[a] > sc.mutualInfo.mean[b] + 2 * MI_TOL_MEAN)
          expect(mean[a]).toBeGreaterThan(mean[b]);
  });
});

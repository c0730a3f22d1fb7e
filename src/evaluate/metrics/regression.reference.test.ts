import { describe, expect, it } from 'vitest';
import { mae, mse, r2, rmse } from './regression.js';
import { checkCall, expectClose, loadFixture, title } from './testing/fixtures.js';

const fx = loadFixture('regression');
const FNS = { mse, rmse, mae, r2 };

describe(`regression metrics match scikit-learn ${fx.sklearn}`, () => {
  it('covers the r2 edge cases', () => {
    const r2Of = (data: string) =>
      fx.calls.find((c) => c.fn === 'r2' && c.data === data && !c.kw.weighted)?.expect;
    expect(r2Of('const_perfect')).toBe(1);
    expect(r2Of('const_imperfect')).toBe(0);
    expect(r2Of('one_sample')).toBeNaN();
  });

  it.each(fx.calls.map((c, i) => [title(c, i), c, i] as const))('%s', (_, c, i) => {
    const d = fx.datasets[c.data];
    const fn = FNS[c.fn as keyof typeof FNS];
    const yPred = i % 2 ? Float64Array.from(d.y_pred!) : d.y_pred!;
    checkCall(c, () => fn(d.y_true, yPred, { sampleWeight: c.kw.weighted ? d.w : undefined }), expectClose);
  });
});

import { describe, expect, it } from 'vitest';
import { rocAuc } from './roc-auc.js';
import { rocCurve } from './roc-curve.js';
import {
  asLabels,
  type Call,
  checkCall,
  expectClose,
  loadFixture,
  probaOf,
  title,
} from './testing/fixtures.js';

const fx = loadFixture('ranking');

describe(`ROC curve and ROC AUC match scikit-learn ${fx.sklearn}`, () => {
  it('covers ties, constant scores, weights, multiclass and the undefined cases', () => {
    const keys = new Set(fx.calls.map((c) => c.data));
    for (const k of ['ties', 'all_equal', 'decision', 'single_class', 'mc4_absent_true', 'mc3_not_proba'])
      expect(keys).toContain(k);
    expect(fx.calls.filter((c) => c.error || c.cairnRaises).length).toBeGreaterThan(5);
  });

  it.each(fx.calls.map((c, i) => [title(c, i), c, i] as const))('%s', (_, c, i) => {
    checkCall(c, () => run(c, i), compare(c));
  });
});

function run(c: Call, i: number): unknown {
  const d = fx.datasets[c.data];
  const yTrue = asLabels(d.y_true, i);
  const sampleWeight = c.kw.weighted ? d.w : undefined;
  if (c.fn === 'roc_curve') {
    const curve = rocCurve(yTrue, Float64Array.from(d.score!), {
      posLabel: c.kw.posLabel as number | undefined,
      dropIntermediate: c.kw.dropIntermediate as boolean | undefined,
      sampleWeight,
    });
    return curve;
  }
  const scores = d.proba ? probaOf(d) : i % 2 ? Float64Array.from(d.score!) : d.score!;
  return rocAuc(yTrue, scores, {
    average: c.kw.average as 'macro' | 'weighted' | 'micro' | undefined,
    classes: c.kw.classes as number[] | undefined,
    sampleWeight,
  });
}

function compare(c: Call) {
  return (got: unknown, want: unknown) => {
    if (c.fn !== 'roc_curve') return expectClose(got, want);
    const g = got as Record<string, Float64Array>;
    const w = want as Record<string, number[]>;
    for (const key of ['fpr', 'tpr', 'thresholds']) expectClose(g[key], w[key]);
  };
}

import { describe, expect, it } from 'vitest';
import { toNested } from '../../data/matrix.js';
import { accuracy, balancedAccuracy } from './accuracy.js';
import { confusionMatrix } from './confusion-matrix.js';
import { type Average, f1, fbeta, perClassScores, precision, recall } from './precision-recall.js';
import { asLabels, type Call, checkCall, expectClose, loadFixture, title } from './testing/fixtures.js';

const fx = loadFixture('classification');

describe(`label metrics match scikit-learn ${fx.sklearn}`, () => {
  it('covers every function and the error cases', () => {
    const fns = new Set(fx.calls.map((c) => c.fn));
    expect([...fns].sort()).toEqual(
      [
        'accuracy',
        'balanced_accuracy',
        'confusion_matrix',
        'f1',
        'fbeta',
        'per_class',
        'precision',
        'recall',
      ].sort(),
    );
    expect(fx.calls.filter((c) => c.error).length).toBeGreaterThan(10);
  });

  it.each(fx.calls.map((c, i) => [title(c, i), c, i] as const))('%s', (_, c, i) => {
    const d = fx.datasets[c.data];
    const yTrue = asLabels(d.y_true, i);
    const yPred = asLabels(d.y_pred!, i + 1);
    const sampleWeight = c.kw.weighted ? d.w : undefined;
    checkCall(c, () => run(c, yTrue, yPred, sampleWeight), compare(c));
  });
});

function run(c: Call, yTrue: ArrayLike<number>, yPred: ArrayLike<number>, sampleWeight?: number[]): unknown {
  const kw = c.kw;
  const t = yTrue as Int32Array;
  const p = yPred as Int32Array;
  const prf = {
    average: kw.average as Average | undefined,
    posLabel: kw.posLabel as number | undefined,
    labels: kw.labels as number[] | undefined,
    zeroDivision: kw.zeroDivision as 0 | 1 | undefined,
    sampleWeight,
  };
  switch (c.fn) {
    case 'accuracy':
      return accuracy(t, p, { normalize: kw.normalize as boolean, sampleWeight });
    case 'balanced_accuracy':
      return balancedAccuracy(t, p, { adjusted: kw.adjusted as boolean, sampleWeight });
    case 'confusion_matrix': {
      const cm = confusionMatrix(t, p, {
        labels: kw.labels as number[] | undefined,
        normalize: kw.normalize as 'true' | 'pred' | 'all' | undefined,
        sampleWeight,
      });
      return toNested(cm.matrix).flat();
    }
    case 'precision':
      return precision(t, p, prf);
    case 'recall':
      return recall(t, p, prf);
    case 'f1':
      return f1(t, p, prf);
    case 'fbeta':
      return fbeta(t, p, kw.beta as number, prf);
    case 'per_class': {
      const s = perClassScores(t, p, { zeroDivision: prf.zeroDivision, sampleWeight });
      return { ...s };
    }
    default:
      throw new Error(`no runner for ${c.fn}`);
  }
}

function compare(c: Call) {
  return (got: unknown, want: unknown) => {
    if (c.fn === 'confusion_matrix') return expectClose(got, (want as number[][]).flat());
    if (c.fn === 'per_class') {
      const w = want as Record<string, number[]>;
      const g = got as Record<string, Float64Array>;
      for (const key of ['labels', 'precision', 'recall', 'fscore', 'support']) expectClose(g[key], w[key]);
      return;
    }
    expectClose(got, want);
  };
}

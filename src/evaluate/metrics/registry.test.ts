import { describe, expect, it } from 'vitest';
import { fromRows, type Matrix } from '../../data/matrix.js';
import { InputError } from '../../util/errors.js';
import { Rng } from '../../util/random.js';
import { METRIC_NAMES, METRICS, type MetricName } from '../metric-names.js';
import { accuracy, balancedAccuracy } from './accuracy.js';
import { logLoss } from './log-loss.js';
import { f1, precision, recall } from './precision-recall.js';
import { computeMetric, defaultMetrics, scoreAll } from './registry.js';
import { mae, mse, r2, rmse } from './regression.js';
import { rocAuc } from './roc-auc.js';

/** Labels 0..k-1 with class probabilities whose argmax is the prediction. */
function classified(n: number, k: number, seed: number) {
  const rng = new Rng(seed);
  const yTrue = new Float64Array(n);
  const yPred = new Float64Array(n);
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) {
    yTrue[i] = rng.int(k);
    const e = Array.from({ length: k }, (_, j) => Math.exp(rng.normal() + (j === yTrue[i] ? 1.2 : 0)));
    const z = e.reduce((a, b) => a + b, 0);
    const row = e.map((v) => v / z);
    rows.push(row);
    yPred[i] = row.indexOf(Math.max(...row));
  }
  return { yTrue, yPred, scores: fromRows(rows), rows };
}

describe('defaultMetrics', () => {
  it('gives the standard set per task, all known names', () => {
    expect(defaultMetrics('classification', 2)).toEqual([
      'accuracy',
      'balanced_accuracy',
      'precision',
      'recall',
      'f1',
      'roc_auc',
      'log_loss',
    ]);
    expect(defaultMetrics('binary')).toEqual(defaultMetrics('classification'));
    expect(defaultMetrics('classification', 3)).toEqual(defaultMetrics('multiclass'));
    expect(defaultMetrics('multiclass')).toEqual([
      'accuracy',
      'balanced_accuracy',
      'f1_macro',
      'f1_weighted',
      'precision_macro',
      'recall_macro',
      'roc_auc',
      'log_loss',
    ]);
    expect(defaultMetrics('regression')).toEqual(['rmse', 'mae', 'r2', 'mse']);
    for (const task of ['binary', 'multiclass', 'regression'] as const)
      for (const name of defaultMetrics(task))
        expect(METRICS[name].task).toBe(task === 'regression' ? 'regression' : 'classification');
  });
});

describe('computeMetric', () => {
  const bin = classified(400, 2, 1);
  const p1 = Float64Array.from(bin.rows, (r) => r[1]);
  const multi = classified(500, 4, 2);

  it('computes every classification name on binary input as the metric functions do', () => {
    const input = { yTrue: bin.yTrue, yPred: bin.yPred, scores: bin.scores, classes: [0, 1] };
    const { yTrue, yPred } = bin;
    const want: Partial<Record<MetricName, number>> = {
      accuracy: accuracy(yTrue, yPred),
      balanced_accuracy: balancedAccuracy(yTrue, yPred),
      precision: precision(yTrue, yPred),
      recall: recall(yTrue, yPred),
      f1: f1(yTrue, yPred),
      precision_macro: precision(yTrue, yPred, { average: 'macro' }),
      recall_macro: recall(yTrue, yPred, { average: 'macro' }),
      f1_macro: f1(yTrue, yPred, { average: 'macro' }),
      precision_weighted: precision(yTrue, yPred, { average: 'weighted' }),
      recall_weighted: recall(yTrue, yPred, { average: 'weighted' }),
      f1_weighted: f1(yTrue, yPred, { average: 'weighted' }),
      roc_auc: rocAuc(yTrue, p1),
      roc_auc_ovr_weighted: rocAuc(yTrue, p1),
      log_loss: logLoss(yTrue, p1),
    };
    const classification = METRIC_NAMES.filter((m) => METRICS[m].task === 'classification');
    expect(Object.keys(want).sort()).toEqual([...classification].sort());
    for (const name of classification) expect(computeMetric(name, input), name).toBeCloseTo(want[name]!, 14);
  });

  it('computes every regression name', () => {
    const yTrue = [1, 2, 3, 4.5];
    const yPred = [1.5, 2, 2, 5];
    const want = {
      rmse: rmse(yTrue, yPred),
      mse: mse(yTrue, yPred),
      mae: mae(yTrue, yPred),
      r2: r2(yTrue, yPred),
    };
    for (const [name, v] of Object.entries(want))
      expect(computeMetric(name as MetricName, { yTrue, yPred })).toBe(v);
  });

  it('scores the positive class for two classes and macro-averages bare names for more', () => {
    const input = { yTrue: multi.yTrue, yPred: multi.yPred, scores: multi.scores };
    expect(computeMetric('f1', input)).toBe(computeMetric('f1_macro', input));
    expect(computeMetric('precision', input)).toBe(computeMetric('precision_macro', input));
    expect(computeMetric('roc_auc', input)).toBe(rocAuc(multi.yTrue, multi.scores, { average: 'macro' }));
    expect(computeMetric('roc_auc_ovr_weighted', input)).toBe(
      rocAuc(multi.yTrue, multi.scores, { average: 'weighted' }),
    );
    // labels 4 and 9: the second class of `classes` is positive
    const relabel = (a: Float64Array) => a.map((v) => (v ? 9 : 4));
    const named = { yTrue: relabel(bin.yTrue), yPred: relabel(bin.yPred), classes: [4, 9] };
    expect(computeMetric('recall', named)).toBe(recall(bin.yTrue, bin.yPred));
  });

  it('takes the most probable class as the prediction when yPred is left out', () => {
    for (const d of [bin, multi]) {
      const withPred = computeMetric('f1_weighted', { yTrue: d.yTrue, yPred: d.yPred, scores: d.scores });
      expect(computeMetric('f1_weighted', { yTrue: d.yTrue, scores: d.scores })).toBe(withPred);
    }
    expect(computeMetric('accuracy', { yTrue: bin.yTrue, scores: p1 })).toBe(accuracy(bin.yTrue, bin.yPred));
  });

  it('counts unknown true classes as misses in label metrics and leaves them out of score metrics', () => {
    // evaluate-model encodes a class never seen in training as -1
    const yTrue = Float64Array.from(bin.yTrue);
    yTrue[0] = -1;
    yTrue[1] = -1;
    const input = { yTrue, yPred: bin.yPred, scores: bin.scores, classes: [0, 1] };
    expect(computeMetric('accuracy', input)).toBe(accuracy(yTrue, bin.yPred));
    expect(computeMetric('precision', input)).toBe(
      precision(yTrue, bin.yPred, { average: 'macro', labels: [1] }),
    );
    const known = (a: ArrayLike<number>) => Array.from(a).slice(2);
    expect(computeMetric('log_loss', input)).toBe(logLoss(known(yTrue), known(p1)));
    expect(computeMetric('roc_auc', input)).toBe(rocAuc(known(yTrue), known(p1)));
  });

  it('says what is missing or unknown', () => {
    expect(() => computeMetric('roc_auc', { yTrue: [0, 1], yPred: [0, 1] })).toThrow(/needs scores/);
    expect(() => computeMetric('rmse', { yTrue: [0, 1] })).toThrow(/need yPred/);
    expect(() => computeMetric('f1', { yTrue: [0, 1] })).toThrow(/yPred or scores/);
    expect(() => computeMetric('auc' as MetricName, { yTrue: [0, 1] })).toThrow(InputError);
  });
});

describe('scoreAll', () => {
  it('returns the standard set for the task', () => {
    const m = classified(300, 3, 3);
    const out = scoreAll('classification', { yTrue: m.yTrue, yPred: m.yPred, scores: m.scores });
    expect(Object.keys(out)).toEqual(defaultMetrics('multiclass'));
    expect(out.f1_macro).toBe(f1(m.yTrue, m.yPred, { average: 'macro' }));
    const b = classified(300, 2, 4);
    expect(Object.keys(scoreAll('classification', { yTrue: b.yTrue, scores: b.scores }))).toEqual(
      defaultMetrics('binary'),
    );
    const reg = scoreAll('regression', { yTrue: [1, 2, 3], yPred: [1, 2, 4] });
    expect(reg).toEqual({ rmse: rmse([1, 2, 3], [1, 2, 4]), mae: 1 / 3, r2: 0.5, mse: 1 / 3 });
  });

  it('leaves score metrics out without scores', () => {
    const out = scoreAll('classification', { yTrue: [0, 1, 1, 0], yPred: [0, 1, 0, 0] });
    expect(Object.keys(out)).toEqual(['accuracy', 'balanced_accuracy', 'precision', 'recall', 'f1']);
  });

  it('records NaN for a metric undefined on this data, or throws on request', () => {
    const input = {
      yTrue: [1, 1, 1],
      yPred: [1, 0, 1],
      scores: fromRows([
        [0.2, 0.8],
        [0.6, 0.4],
        [0.1, 0.9],
      ]) as Matrix,
    };
    const out = scoreAll('binary', { ...input, classes: [0, 1] });
    expect(out.roc_auc).toBeNaN();
    expect(out.log_loss).toBeCloseTo(-(Math.log(0.8) + Math.log(0.4) + Math.log(0.9)) / 3, 14);
    expect(out.accuracy).toBeCloseTo(2 / 3, 15);
    expect(() => scoreAll('binary', { ...input, classes: [0, 1] }, { onUndefined: 'throw' })).toThrow(
      /only class 1/,
    );
    // other input errors are never swallowed
    expect(() => scoreAll('binary', { ...input, yPred: [1, 0] })).toThrow(/yPred has 2 values/);
    expect(() =>
      scoreAll('classification', { yTrue: [0, 1, 2], scores: Float64Array.of(0.1, 0.5, 0.9) }),
    ).toThrow(/vector describes two classes, but there are 3/);
  });

  it('scores a multiclass test set that lacks a class the model knows', () => {
    const m = classified(200, 3, 5);
    const yTrue = m.yTrue.map((v) => (v === 2 ? 0 : v));
    const out = scoreAll('classification', { yTrue, yPred: m.yPred, scores: m.scores, classes: [0, 1, 2] });
    expect(out.roc_auc).toBeNaN();
    expect(out.log_loss).toBe(logLoss(yTrue, m.scores, { labels: [0, 1, 2] }));
    expect(out.accuracy).toBe(accuracy(yTrue, m.yPred));
  });

  it('needs predictions', () => {
    expect(() => scoreAll('classification', { yTrue: [0, 1] })).toThrow(/give yPred, scores, or both/);
    expect(() => scoreAll('regression', { yTrue: [0, 1] })).toThrow(/need yPred/);
  });
});

/** Log loss (cross-entropy), as scikit-learn 1.2.1's `log_loss`. */
import type { Matrix } from '../../data/matrix.js';
import { InputError } from '../../util/errors.js';
import { isMatrix, scoreColumns } from './scores.js';
import {
  checkLabels,
  checkNotEmpty,
  checkWeights,
  type Labels,
  type Values,
  type Weights,
  weightTotal,
} from './validate.js';

export interface LogLossOptions {
  /**
   * The class of each probability column, in column order (for a vector: [negative, positive]).
   * Default: yTrue's labels, sorted. Give it when the test set lacks a class the model knows.
   */
  labels?: Labels;
  sampleWeight?: Weights;
  /** true: mean loss per sample; false: the (weighted) sum. */
  normalize?: boolean;
  /**
   * Probabilities are clipped to [eps, 1 - eps] so that a confident mistake costs a finite loss.
   * scikit-learn 1.2.1 uses the float64 machine epsilon (2.22e-16); before 1.2 it was 1e-15.
   */
  eps?: number;
}

export const LOG_LOSS_DEFAULTS = { normalize: true, eps: Number.EPSILON } as const satisfies LogLossOptions;

/**
 * `proba` is a vector of P(positive class) for binary problems, or a matrix with one column per
 * class (a 1-column matrix counts as a vector). Values must lie in [0, 1]; after clipping, each
 * row is divided by its sum, as scikit-learn 1.2 does.
 */
export function logLoss(yTrue: Labels, proba: Values | Matrix, options: LogLossOptions = {}): number {
  const normalize = options.normalize ?? LOG_LOSS_DEFAULTS.normalize;
  const eps = options.eps ?? LOG_LOSS_DEFAULTS.eps;
  if (!(eps >= 0 && eps < 0.5))
    throw new InputError('invalid_option', `logLoss: eps must be in [0, 0.5), got ${eps}`, { field: 'eps' });
  const n = yTrue.length;
  checkNotEmpty(n, 'yTrue');
  checkLabels(yTrue, 'yTrue');
  const weight = checkWeights(options.sampleWeight, n);
  const { cols, index } = scoreColumns(yTrue, proba, options.labels, 'logLoss', 'labels');
  const data = isMatrix(proba) ? proba.data : proba;
  for (let i = 0; i < data.length; i++)
    if (!(data[i] >= 0 && data[i] <= 1))
      throw new InputError(
        'invalid_scores',
        `logLoss: probability ${data[i]} at position ${i} of proba is outside [0, 1]`,
        { field: 'proba' },
      );
  const clip = (v: number) => Math.min(Math.max(v, eps), 1 - eps);
  let total = 0;
  for (let i = 0; i < n; i++) {
    let pTrue: number;
    if (cols === 1) {
      const p = clip(data[i]);
      const q = 1 - p;
      pTrue = (index[i] === 1 ? p : q) / (q + p);
    } else {
      const m = proba as Matrix;
      const at = (j: number) => (m.layout === 'row' ? m.data[i * cols + j] : m.data[j * n + i]);
      let rowSum = 0;
      for (let j = 0; j < cols; j++) rowSum += clip(at(j));
      pTrue = clip(at(index[i])) / rowSum;
    }
    const loss = -Math.log(pTrue);
    total += weight ? loss * weight[i] : loss;
  }
  if (!normalize) return total;
  return total / (weight ? weightTotal(weight) : n);
}

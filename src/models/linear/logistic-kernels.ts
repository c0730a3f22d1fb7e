/**
 * The logistic objectives as RowKernels (see ../row-parallel.ts), so that a RowParallel can
 * evaluate them on row blocks, on this thread or on others. Only the unpenalized sums over rows
 * live here; LogisticRegression adds the penalty once to the reduced sum.
 */
import type { RowKernel } from '../row-parallel.js';
import { binaryLogisticRows, multinomialLogisticRows } from './logistic-loss.js';

/** Data of the binary objective: X (n × p, row-major), y in {0, 1}, optional row weights. */
export type BinaryLogisticData = {
  readonly x: Float64Array;
  readonly p: number;
  readonly y: Float64Array;
  readonly w: Float64Array | null;
  readonly fitIntercept: boolean;
};

/** Data of the multinomial objective over k classes: y holds class indices 0..k-1. */
export type MultinomialLogisticData = {
  readonly x: Float64Array;
  readonly p: number;
  readonly k: number;
  readonly y: Int32Array;
  readonly w: Float64Array | null;
  readonly fitIntercept: boolean;
};

export const binaryLogisticKernel: RowKernel<BinaryLogisticData> = {
  name: 'binaryLogisticKernel',
  moduleUrl: import.meta.url,
  bind({ x, p, y, w, fitIntercept }) {
    const scratch = new Float64Array(8);
    return (coef, start, end, grad) =>
      binaryLogisticRows(x, p, y, w, coef, fitIntercept, start, end, grad, scratch);
  },
};

export const multinomialLogisticKernel: RowKernel<MultinomialLogisticData> = {
  name: 'multinomialLogisticKernel',
  moduleUrl: import.meta.url,
  bind({ x, p, k, y, w, fitIntercept }) {
    const scratch = new Float64Array(8 * k);
    return (coef, start, end, grad) =>
      multinomialLogisticRows(x, p, k, y, w, coef, fitIntercept, start, end, grad, scratch);
  },
};

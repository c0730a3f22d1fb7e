import { describe, expect, it } from 'vitest';
import { binaryLogisticKernel, multinomialLogisticKernel } from './linear/logistic-kernels.js';
import { binaryLogisticLoss, multinomialLogisticLoss } from './linear/logistic-loss.js';
import { LogisticRegression } from './linear/logistic-regression.js';
import { classificationData } from './linear/test-data.js';
import { bindSerial, ROW_BLOCK, type RowParallel, rowBlockCount, serialRowParallel } from './row-parallel.js';

const coefOf = (dim: number) => Float64Array.from({ length: dim }, (_, i) => 0.3 * Math.sin(i + 1));

describe('serialRowParallel', () => {
  it('counts blocks of ROW_BLOCK rows, the last one partial', () => {
    expect(ROW_BLOCK % 4).toBe(0);
    expect(rowBlockCount(1)).toBe(1);
    expect(rowBlockCount(ROW_BLOCK)).toBe(1);
    expect(rowBlockCount(ROW_BLOCK + 1)).toBe(2);
  });

  it('gives the one-pass binary objective: bit for bit within one block, to rounding over many', () => {
    for (const n of [ROW_BLOCK - 3, 3 * ROW_BLOCK + 5]) {
      const { X, y } = classificationData(n, 4, 2);
      const w = Float64Array.from({ length: n }, (_, i) => 0.5 + (i % 3));
      const coef = coefOf(5);
      const onePass = new Float64Array(5);
      const f1 = binaryLogisticLoss(X.data, n, 4, y, w, coef, true, 0, onePass);
      const blocked = new Float64Array(5);
      const bound = bindSerial(binaryLogisticKernel, { x: X.data, p: 4, y, w, fitIntercept: true }, n, 5);
      const f2 = bound.evaluate(coef, blocked);
      if (n <= ROW_BLOCK) {
        expect(f2).toBe(f1);
        expect(blocked).toEqual(onePass);
      } else {
        // other summation order: equal to within rounding, not bit for bit
        expect(Math.abs(f2 - f1)).toBeLessThan(1e-12 * Math.abs(f1));
        for (let j = 0; j < 5; j++) expect(Math.abs(blocked[j] - onePass[j])).toBeLessThan(1e-9);
      }
    }
  });

  it('gives the one-pass multinomial objective over several blocks, without intercept too', () => {
    const n = 2 * ROW_BLOCK + 7;
    const { X, y } = classificationData(n, 3, 4, 2);
    const yIndex = Int32Array.from(y);
    for (const fitIntercept of [true, false]) {
      const dim = 12 + (fitIntercept ? 4 : 0);
      const coef = coefOf(dim);
      const onePass = new Float64Array(dim);
      const f1 = multinomialLogisticLoss(X.data, n, 3, 4, yIndex, null, coef, fitIntercept, 0, onePass);
      const data = { x: X.data, p: 3, k: 4, y: yIndex, w: null, fitIntercept };
      const blocked = new Float64Array(dim);
      const f2 = bindSerial(multinomialLogisticKernel, data, n, dim).evaluate(coef, blocked);
      expect(Math.abs(f2 - f1)).toBeLessThan(1e-12 * Math.abs(f1));
      for (let j = 0; j < dim; j++) expect(Math.abs(blocked[j] - onePass[j])).toBeLessThan(1e-9);
    }
  });
});

describe('LogisticRegression with FitOptions.parallel', () => {
  it('binds one objective per fit (per class for ovr) and releases each', () => {
    const { X, y } = classificationData(ROW_BLOCK + 100, 3, 3);
    const log: string[] = [];
    const counting: RowParallel = {
      open: () => {
        log.push('open');
        return {
          share: (a) => a,
          bind(kernel, data, rows, dim) {
            log.push(`bind ${kernel.name} ${rows} ${dim}`);
            const inner = bindSerial(kernel, data, rows, dim);
            return { evaluate: inner.evaluate, release: () => log.push('release') };
          },
          close: () => log.push('close'),
        };
      },
    };
    const a = new LogisticRegression({ multiClass: 'ovr' }).fit(X, y, { parallel: counting });
    expect(log).toEqual([
      'open',
      `bind binaryLogisticKernel ${X.rows} 4`,
      'release',
      `bind binaryLogisticKernel ${X.rows} 4`,
      'release',
      `bind binaryLogisticKernel ${X.rows} 4`,
      'release',
      'close',
    ]);
    // the default is the same blocked evaluation on this thread
    const b = new LogisticRegression({ multiClass: 'ovr' }).fit(X, y);
    expect(a.state.coef).toEqual(b.state.coef);
    expect(a.state.intercept).toEqual(b.state.intercept);
  });

  it('releases the binding and closes the session when the fit throws', () => {
    const { X, y } = classificationData(50, 2, 3);
    let open = 0;
    const failing: RowParallel = {
      open: () => {
        open++;
        return {
          share: (a) => a,
          bind() {
            open++;
            return {
              evaluate: () => {
                throw new Error('boom');
              },
              release: () => {
                open--;
              },
            };
          },
          close: () => {
            open--;
          },
        };
      },
    };
    expect(() => new LogisticRegression().fit(X, y, { parallel: failing })).toThrow('boom');
    expect(open).toBe(0);
  });

  it('never saves it', () => {
    const { X, y } = classificationData(60, 2, 2);
    const json = JSON.stringify(new LogisticRegression().fit(X, y, { parallel: serialRowParallel }).toJSON());
    expect(json).not.toMatch(/parallel/i);
  });
});

import { describe, expect, it } from 'vitest';
import { TargetEncoder, type TargetEncoderParams } from './target-encoder.js';
import {
  categoryFrame,
  ENCODER_DATASETS,
  encoderFixture,
  type TargetCase,
} from './testing/encoder-fixtures.js';
import { expectClose } from './testing/fixtures.js';

/** The encoder with the reference's folds instead of its own seeded ones. */
class FixtureFolds extends TargetEncoder {
  folds: Int32Array = new Int32Array(0);
  protected override assignFolds(n: number): Int32Array {
    expect(n).toBe(this.folds.length);
    return this.folds;
  }
}

function setup(name: (typeof ENCODER_DATASETS)[number], c: TargetCase) {
  const ds = encoderFixture(name);
  const all = categoryFrame(ds, c.columns).take(c.rows);
  const y = Float64Array.from(c.y);
  const fitRows = c.fitRowIndex ?? c.rows.map((_, i) => i);
  const params: Partial<TargetEncoderParams> = { smooth: c.smooth, targetType: c.targetType };
  return { all, y, fit: all.take(fitRows), yFit: y.filter((_, i) => fitRows.includes(i)), fitRows, params };
}

describe.each(ENCODER_DATASETS)(
  'TargetEncoder matches the numpy reference of scikit-learn 1.3 on %s',
  (name) => {
    const cases = encoderFixture(name).TargetEncoder.map(
      (c) => [`${c.target} (${c.targetType}), smooth ${c.smooth}`, c] as const,
    );

    it.each(cases)('%s: statistics of all fit rows, used by transform', (_, c) => {
      const { all, fit, yFit, params } = setup(name, c);
      const enc = new TargetEncoder(params).fit(fit, yFit);
      const s = enc.state;
      expect(s.targetType).toBe(c.targetType);
      expect(s.classes).toEqual(c.classes);
      expect(s.categories).toEqual(c.categories.map((x) => x.labels));
      expect(s.withMissing).toEqual(c.categories.map((x) => x.withMissing));
      expectClose(s.targetMean, c.targetMean);
      const outputs = c.targetMean.length;
      c.columns.forEach((_, f) => {
        for (let k = 0; k < outputs; k++)
          expectClose(
            s.encodings[f].filter((_, j) => j % outputs === k),
            c.encodings[f][k],
          );
      });
      // every row, including labels never seen at fit (the overall mean)
      const out = enc.transform(all);
      const names = enc.featureNamesOut(c.columns);
      expect(out.names).toEqual(names);
      c.columns.forEach((column, f) => {
        const labels = c.categories[f].labels;
        const codes = all.columnOf(column, 'category');
        for (let k = 0; k < outputs; k++) {
          const want = Array.from(codes.values, (code) => {
            if (code < 0)
              return c.categories[f].withMissing ? c.encodings[f][k][labels.length] : c.targetMean[k];
            const p = labels.indexOf(codes.categories[code]);
            return p < 0 ? c.targetMean[k] : c.encodings[f][k][p];
          });
          expectClose(out.columnOf(names[f * outputs + k], 'number').values, want);
        }
      });
    });

    it.each(cases)('%s: cross-fitted training output, each row from the other folds', (_, c) => {
      const { fit, yFit, params } = setup(name, c);
      const enc = new FixtureFolds({ ...params, cv: 5 });
      enc.folds = Int32Array.from(c.folds);
      const out = enc.fitTransformTrain(fit, yFit);
      const names = enc.featureNamesOut(c.columns);
      expect(out.names).toEqual(names);
      const outputs = c.targetMean.length;
      c.columns.forEach((column, f) => {
        const labels = c.categories[f].labels;
        const codes = fit.columnOf(column, 'category');
        for (let k = 0; k < outputs; k++) {
          const want = Array.from(codes.values, (code, r) => {
            const p = code < 0 ? labels.length : labels.indexOf(codes.categories[code]);
            return c.foldEncodings[c.folds[r]][f][k][p];
          });
          expectClose(out.columnOf(names[f * outputs + k], 'number').values, want);
        }
      });
    });
  },
);

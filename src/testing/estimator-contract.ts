/**
 * The contract every estimator and transformer keeps, as one suite each implementation calls:
 *
 *   runEstimatorContract({ name: 'Ridge', make: (p) => new Ridge(p), data: () => ({ X, y }),
 *     output: (m, X) => m.predict(X) });
 *
 * It checks: fit returns this; use before fit throws NotFittedError; refit is idempotent; params are
 * untouched by fit; the same seed gives the same output; a toJSON/fromJSON round trip through text
 * gives identical output; clone() is unfitted with equal params; wrong input width fails clearly;
 * NaN handling is as declared; invalid params are refused at fit naming the field.
 */
import { describe, expect, it } from 'vitest';
import type { Estimator, EstimatorJSON } from '../models/estimator.js';
import { InputError, NotFittedError, ParamError } from '../util/errors.js';
import { parseTyped, stringifyTyped } from '../util/typed-json.js';

type AnyEstimator = Estimator<object, unknown>;

export interface ContractCase<E extends AnyEstimator, X> {
  name: string;
  /** A new estimator with these params over its defaults. */
  make: (params?: Record<string, unknown>) => E;
  /** Rebuild from toJSON output (usually `Class.fromJSON`). */
  restore: (json: EstimatorJSON<unknown, unknown>) => E;
  /** Training data; `y` is passed to fit when given. */
  data: () => { X: X; y?: Float64Array };
  /** Fit (default: `est.fit(X, y)`). */
  fit?: (est: E, X: X, y: Float64Array | undefined) => E;
  /** What is compared between fits: predictions or transformed values, flattened. */
  output: (est: E, X: X) => ArrayLike<number>;
  /** Input of the wrong width (a column fewer); must fail with an InputError after fit. */
  wrongWidth?: (X: X) => X;
  /** Input with a missing value; `nan` says whether fit must reject it or accept it. */
  withNaN?: (X: X) => X;
  nan?: 'reject' | 'accept';
  /** Set for estimators with a `seed` param: a different seed may give a different model. */
  seeded?: boolean;
  /** Param patches that fit must refuse, each naming this field. */
  badParams?: Record<string, unknown>[];
}

function sameNumbers(a: ArrayLike<number>, b: ArrayLike<number>): void {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) {
    if (Number.isNaN(a[i])) expect(b[i]).toBeNaN();
    else expect(b[i]).toBe(a[i]);
  }
}

export function runEstimatorContract<E extends AnyEstimator, X>(c: ContractCase<E, X>): void {
  const fit =
    c.fit ??
    ((est: E, X: X, y: Float64Array | undefined) =>
      (est as unknown as { fit(X: X, y?: Float64Array): E }).fit(X, y));

  describe(`${c.name} keeps the estimator contract`, () => {
    it('fit returns this', () => {
      const { X, y } = c.data();
      const est = c.make();
      expect(fit(est, X, y)).toBe(est);
      expect(est.isFitted).toBe(true);
    });

    it('throws NotFittedError before fit', () => {
      const { X } = c.data();
      const est = c.make();
      expect(est.isFitted).toBe(false);
      expect(() => c.output(est, X)).toThrow(NotFittedError);
      expect(() => est.state).toThrow(NotFittedError);
    });

    it('refit on the same data is idempotent', () => {
      const { X, y } = c.data();
      const est = c.make();
      const first = Array.from(c.output(fit(est, X, y), X));
      sameNumbers(first, c.output(fit(est, X, y), X));
    });

    it('leaves params untouched', () => {
      const { X, y } = c.data();
      const est = c.make();
      const before = JSON.stringify(est.params);
      fit(est, X, y);
      expect(JSON.stringify(est.params)).toBe(before);
      expect(Object.isFrozen(est.params)).toBe(true);
    });

    it('gives the same output for the same seed', () => {
      const { X, y } = c.data();
      const a = c.output(fit(c.make(c.seeded ? { seed: 7 } : {}), X, y), X);
      const b = c.output(fit(c.make(c.seeded ? { seed: 7 } : {}), X, y), X);
      sameNumbers(a, b);
    });

    it('round-trips through toJSON, text and fromJSON with identical output', () => {
      const { X, y } = c.data();
      const est = fit(c.make(), X, y);
      const text = stringifyTyped(est.toJSON());
      const back = c.restore(parseTyped(text) as EstimatorJSON<unknown, unknown>);
      expect(back.kind).toBe(est.kind);
      expect(back.params).toEqual(est.params);
      sameNumbers(c.output(est, X), c.output(back, X));
    });

    it('refuses a saved state of a newer format', () => {
      const { X, y } = c.data();
      const json = fit(c.make(), X, y).toJSON();
      expect(() => c.restore({ ...json, formatVersion: json.formatVersion + 1 })).toThrow(/format version/);
    });

    it('clone is unfitted with equal params', () => {
      const { X, y } = c.data();
      const est = fit(c.make(), X, y);
      const copy = est.clone();
      expect(copy).not.toBe(est);
      expect(copy.isFitted).toBe(false);
      expect(copy.params).toEqual(est.params);
    });

    if (c.wrongWidth) {
      const wrong = c.wrongWidth;
      it('fails clearly on input of the wrong width', () => {
        const { X, y } = c.data();
        const est = fit(c.make(), X, y);
        expect(() => c.output(est, wrong(X))).toThrow(InputError);
      });
    }

    if (c.withNaN && c.nan) {
      const withNaN = c.withNaN;
      it(c.nan === 'reject' ? 'rejects missing values with an InputError' : 'accepts missing values', () => {
        const { X, y } = c.data();
        const bad = withNaN(X);
        if (c.nan === 'reject') expect(() => fit(c.make(), bad, y)).toThrow(InputError);
        else expect(() => fit(c.make(), bad, y)).not.toThrow();
      });
    }

    for (const patch of c.badParams ?? []) {
      const field = Object.keys(patch)[0];
      it(`refuses bad param ${JSON.stringify(patch)} at fit`, () => {
        const { X, y } = c.data();
        const est = c.make(patch);
        let err: unknown;
        try {
          fit(est, X, y);
        } catch (e) {
          err = e;
        }
        expect(err).toBeInstanceOf(ParamError);
        expect((err as ParamError).details.field).toBe(field);
        expect((err as Error).message).toContain(field);
      });
    }
  });
}

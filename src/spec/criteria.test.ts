import { describe, expect, it } from 'vitest';
import { InputError } from '../util/errors.js';
import { checkCriteria, compare, formatCriterion, parseCriterion } from './criteria.js';

describe('parseCriterion', () => {
  it('reads the text form with every operator, spaces optional', () => {
    expect(parseCriterion('roc_auc >= 0.85')).toEqual({ metric: 'roc_auc', op: '>=', value: 0.85 });
    expect(parseCriterion('rmse<3.5')).toEqual({ metric: 'rmse', op: '<', value: 3.5 });
    expect(parseCriterion('  r2 > -0.1 ')).toEqual({ metric: 'r2', op: '>', value: -0.1 });
    expect(parseCriterion('mae <= 1e3')).toEqual({ metric: 'mae', op: '<=', value: 1000 });
    expect(parseCriterion('accuracy == 1')).toEqual({ metric: 'accuracy', op: '==', value: 1 });
  });

  it('reads the object form', () => {
    expect(parseCriterion({ metric: 'f1_macro', op: '>=', value: 0.7 })).toEqual({
      metric: 'f1_macro',
      op: '>=',
      value: 0.7,
    });
  });

  it('rejects bad text with what was expected', () => {
    expect(() => parseCriterion('roc_auc = 0.8')).toThrow(/"metric op value".*got "roc_auc = 0.8"/);
    expect(() => parseCriterion('roc_auc >= high')).toThrow(/needs a number after >=, got "high"/);
    expect(() => parseCriterion('roc_auc >= 0x10')).toThrow(/needs a number/);
    expect(() => parseCriterion('roc >= 0.8')).toThrow(
      /metric must be a metric name, got "roc" \(did you mean roc_auc\?\); known metrics: accuracy, /,
    );
    expect(() => parseCriterion('rocauc >= 0.8')).toThrow(/did you mean roc_auc\?/);
  });

  it('rejects bad object fields, naming the field', () => {
    const bad = (v: object) => {
      try {
        parseCriterion(v as never);
      } catch (e) {
        expect(e).toBeInstanceOf(InputError);
        return (e as InputError).message;
      }
      throw new Error('expected an error');
    };
    expect(bad({ metric: 'roc_auc', op: '=>', value: 0.8 })).toMatch(
      /^criterion op must be one of >= <= == > <, got "=>"/,
    );
    expect(bad({ metric: 'roc_auc', op: '>=', value: '0.8' })).toMatch(
      /^criterion value must be a finite number, got "0.8"/,
    );
    expect(bad({ metric: 'nope', op: '>=', value: 0.8 })).toMatch(
      /^criterion metric must be a metric name, got "nope"; known/,
    );
  });

  it('formats back to the text form', () => {
    for (const s of ['roc_auc >= 0.85', 'rmse < 3.5', 'accuracy == 1'])
      expect(formatCriterion(parseCriterion(s))).toBe(s);
  });
});

describe('compare', () => {
  it('applies each operator, with == tolerant of rounding and NaN never passing', () => {
    expect(compare(0.85, '>=', 0.85)).toBe(true);
    expect(compare(0.85, '>', 0.85)).toBe(false);
    expect(compare(3, '<=', 3)).toBe(true);
    expect(compare(3, '<', 3)).toBe(false);
    expect(compare(0.1 + 0.2, '==', 0.3)).toBe(true);
    expect(compare(0.31, '==', 0.3)).toBe(false);
    for (const op of ['>=', '>', '<=', '<', '=='] as const) expect(compare(Number.NaN, op, 0)).toBe(false);
  });
});

describe('checkCriteria', () => {
  it('reports actual values and pass/fail per criterion', () => {
    const criteria = [parseCriterion('roc_auc >= 0.85'), parseCriterion('log_loss < 0.4')];
    expect(checkCriteria(criteria, { roc_auc: 0.9, log_loss: 0.5 })).toEqual([
      { criterion: criteria[0], actual: 0.9, passed: true },
      { criterion: criteria[1], actual: 0.5, passed: false },
    ]);
  });

  it('fails a metric that was not measured, or is NaN, with a reason', () => {
    const [r1, r2] = checkCriteria([parseCriterion('r2 >= 0.5'), parseCriterion('rmse <= 3')], {
      rmse: Number.NaN,
      mae: 1,
    });
    expect(r1).toMatchObject({ actual: null, passed: false });
    expect(r1.reason).toBe('r2 was not measured (measured: rmse, mae)');
    expect(r2).toMatchObject({ passed: false, reason: 'rmse is NaN' });
    // An inherited property is not a measured metric.
    expect(checkCriteria([parseCriterion('r2 >= 0')], Object.create({ r2: 1 }))[0].passed).toBe(false);
  });
});

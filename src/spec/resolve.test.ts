import { describe, expect, it } from 'vitest';
import { col } from '../data/frame.js';
import { InputError } from '../util/errors.js';
import { parseSpec } from './parse.js';
import { resolveProblem } from './resolve.js';

const spec = (extra = '') => parseSpec(`data: { train: a.csv }\ntarget: y\n${extra}`, 'cairn.yaml');
const binary = col.number([0, 1, 0, 1]);
const three = col.category(['a', 'b', 'c', 'a']);
const amounts = col.number([1.5, 2.25, 3, 10]);

function errorOf(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('expected an error');
}

describe('resolveProblem', () => {
  it('infers the task, picks the default metric and stratifies classification', () => {
    expect(resolveProblem(spec(), binary)).toEqual({
      task: 'classification',
      metric: 'roc_auc',
      stratify: true,
      nClasses: 2,
      reason: 'y has 2 distinct whole numbers',
    });
    expect(resolveProblem(spec(), three)).toMatchObject({
      task: 'classification',
      metric: 'f1_macro',
      nClasses: 3,
    });
    expect(resolveProblem(spec(), amounts)).toEqual({
      task: 'regression',
      metric: 'rmse',
      stratify: false,
      reason: 'y has fractional values',
    });
  });

  it('keeps what the spec states', () => {
    expect(resolveProblem(spec('task: regression\nmetric: mae\n'), binary)).toEqual({
      task: 'regression',
      metric: 'mae',
      stratify: false,
      reason: 'task set in cairn.yaml',
    });
    expect(resolveProblem(spec('split: { stratify: false }\n'), three).stratify).toBe(false);
  });

  it('refuses what the target contradicts, at the line that asked for it', () => {
    expect(errorOf(() => resolveProblem(spec('metric: rmse\n'), three)).message).toBe(
      'cairn.yaml:3:9: metric rmse is a regression metric, but y looks like classification (y is a category column); use one of accuracy, balanced_accuracy, precision, recall, f1, precision_macro, recall_macro, f1_macro, precision_weighted, recall_weighted, f1_weighted, roc_auc, roc_auc_ovr_weighted, log_loss, or set task:',
    );
    expect(errorOf(() => resolveProblem(spec('success: [roc_auc > 0.8]\n'), amounts)).message).toMatch(
      /^cairn.yaml:3:11: success.0 roc_auc is a classification metric, but y looks like regression \(y has fractional values\)/,
    );
    expect(errorOf(() => resolveProblem(spec('metric: f1\n'), three)).message).toBe(
      'cairn.yaml:3:9: metric f1 needs two classes, but y has 3; use f1_macro or f1_weighted',
    );
    expect(errorOf(() => resolveProblem(spec('model: logistic\n'), amounts)).message).toMatch(
      /^cairn.yaml:3:8: model.name logistic is a classification model, but y looks like regression/,
    );
    expect(errorOf(() => resolveProblem(spec('split: { stratify: true }\n'), amounts)).details).toMatchObject(
      {
        line: 3,
        col: 20,
        field: 'split.stratify',
      },
    );
    expect(
      errorOf(() => resolveProblem(spec('costs: { false_positive: 1, false_negative: 2 }\n'), three)).message,
    ).toBe('cairn.yaml:3:1: costs apply to two-class problems, but y has 3 classes');
  });

  it('refuses a task the target cannot have', () => {
    expect(errorOf(() => resolveProblem(spec('task: classification\n'), amounts)).message).toBe(
      'cairn.yaml:3:7: task is classification, but y has fractional values; use task: regression',
    );
    expect(errorOf(() => resolveProblem(spec('task: regression\n'), three)).message).toBe(
      'cairn.yaml:3:7: task is regression, but y is a category column; regression needs a number target',
    );
    expect(() => resolveProblem(spec(), col.datetime(['2024-01-01']))).toThrow(/y is a datetime column/);
  });
});

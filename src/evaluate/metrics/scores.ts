/**
 * Scores handed to score-based metrics: a vector (the positive class's score) or a matrix with one
 * column per class. This file matches the columns to classes and checks shapes, in one place for
 * ROC AUC and log loss.
 */
import type { Matrix } from '../../data/matrix.js';
import { InputError } from '../../util/errors.js';
import { checkLabelList, encodeLabels, uniqueLabels } from './labels.js';
import { checkFinite, checkSameLength, type Labels, type Values } from './validate.js';

export function isMatrix(s: Values | Matrix): s is Matrix {
  return !Array.isArray(s) && !ArrayBuffer.isView(s) && typeof (s as Matrix).rows === 'number';
}

export function toFloat64(v: Values): Float64Array {
  return v instanceof Float64Array ? v : Float64Array.from(v);
}

/** Column j of a matrix of either layout, as a fresh or shared Float64Array. */
export function columnOf(m: Matrix, j: number): Float64Array {
  if (m.layout === 'col') return m.data.subarray(j * m.rows, (j + 1) * m.rows);
  const out = new Float64Array(m.rows);
  for (let i = 0; i < m.rows; i++) out[i] = m.data[i * m.cols + j];
  return out;
}

export interface ScoreColumns {
  /** The class of each column; for a vector, [negative, positive]. */
  readonly classes: Float64Array;
  /** 1 for a vector, else the matrix's column count. */
  readonly cols: number;
  /** yTrue encoded as column indices of `classes`. */
  readonly index: Int32Array;
}

/**
 * Matches score columns to classes: `given` (in column order) or yTrue's sorted labels. Checks
 * lengths, finiteness, the class count against the column count, and that every yTrue label is a
 * class. `metric` names the caller in messages.
 */
export function scoreColumns(
  yTrue: Labels,
  scores: Values | Matrix,
  given: Labels | undefined,
  metric: string,
  givenField = 'classes',
): ScoreColumns {
  const n = yTrue.length;
  const matrixInput = isMatrix(scores);
  if (matrixInput) {
    if (scores.rows !== n)
      throw new InputError(
        'length_mismatch',
        `${metric}: scores has ${scores.rows} rows but yTrue has ${n} values: they must match sample for sample`,
        { field: 'scores', expected: n, got: scores.rows },
      );
    if (scores.data.length !== scores.rows * scores.cols || scores.cols === 0)
      throw new InputError(
        'invalid_scores',
        `${metric}: scores matrix is ${scores.rows}×${scores.cols} but malformed`,
        {
          field: 'scores',
        },
      );
    checkFinite(scores.data, 'scores');
  } else {
    checkSameLength(n, scores, 'scores');
    checkFinite(scores, 'scores');
  }
  const cols = matrixInput ? scores.cols : 1;
  const field = given ? givenField : 'yTrue';
  const classes = given ? checkLabelList(given, givenField) : uniqueLabels(yTrue);
  const wanted = Math.max(cols, 2);
  if (classes.length !== wanted) {
    const found = `${field} ${given ? 'lists' : 'holds'} ${classes.length} class${classes.length === 1 ? '' : 'es'} (${[...classes].join(', ')})`;
    const shape = cols === 1 ? 'a vector (two classes)' : `${cols} columns (one per class)`;
    const hint =
      classes.length > wanted
        ? ': give a matrix with one column per class'
        : given
          ? ''
          : `: give '${givenField}' to name all ${wanted} classes when yTrue lacks some`;
    const why = `${found} but scores is ${shape}${hint}`;
    // too few classes in yTrue is a property of the data (a test set without some class); any other
    // mismatch is a mistake in the call
    const code = given ? 'invalid_option' : classes.length < wanted ? 'undefined_metric' : 'invalid_scores';
    throw new InputError(code, `${metric}: ${why}`, { field });
  }
  const index = encodeLabels(yTrue, classes);
  const missing = index.indexOf(-1);
  if (missing >= 0)
    throw new InputError(
      'invalid_labels',
      `${metric}: yTrue[${missing}] is ${yTrue[missing]}, which is not one of the classes (${[...classes].join(', ')})`,
      { field: 'yTrue', row: missing },
    );
  return { classes, cols, index };
}

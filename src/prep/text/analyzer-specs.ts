import { type ParamSpecs, param } from '../../models/params.js';
import { type AnalyzerParams, isNgramRange, isStopWords, isTokenPattern } from './analyzer.js';

/** Param checks shared by the text vectorizers. */
export const ANALYZER_SPECS: ParamSpecs<AnalyzerParams> = {
  analyzer: param.oneOf('What a term is.', ['word', 'char', 'char_wb']),
  ngramRange: param.custom(
    'Smallest and largest n of the n-grams.',
    '[lo, hi] with integers 1 <= lo <= hi',
    isNgramRange,
  ),
  lowercase: param.boolean('Lower-case documents first.'),
  stopWords: param.custom(
    'Words dropped before word n-grams.',
    "null, 'english' or a list of words",
    isStopWords,
  ),
  tokenPattern: param.custom(
    'Python regular expression of a token.',
    'a Python regular expression with at most one capturing group',
    isTokenPattern,
  ),
};

/** Scales each row's touched outputs to unit length: 'l2' Euclidean, 'l1' sum of absolute values. */
export function normalizeRow(
  outs: readonly Float64Array[],
  r: number,
  touched: Int32Array,
  k: number,
  norm: 'l1' | 'l2' | null,
): void {
  if (norm === null) return;
  let sum = 0;
  for (let i = 0; i < k; i++) {
    const v = outs[touched[i]][r];
    sum += norm === 'l2' ? v * v : Math.abs(v);
  }
  if (sum === 0) return; // an empty row stays zero, as scikit-learn's normalize leaves it
  const scale = norm === 'l2' ? Math.sqrt(sum) : sum;
  for (let i = 0; i < k; i++) outs[touched[i]][r] /= scale;
}

import type { Column, ColumnKind, Frame } from '../data/frame.js';
import { type ParamSpecs, param } from '../models/params.js';
import { registerEstimator } from '../models/registry.js';
import { InputError } from '../util/errors.js';
import { ANALYZER_DEFAULTS, type AnalyzerParams, makeAnalyzer } from './text/analyzer.js';
import { ANALYZER_SPECS, normalizeRow } from './text/analyzer-specs.js';
import { learnVocabulary, VocabularyError } from './text/vocabulary.js';
import { type ColumnsParam, type ColumnsState, ColumnwiseTransformer, isColumnList } from './transformer.js';

export interface TextVectorizerParams extends ColumnsParam, AnalyzerParams {
  /**
   * Keep terms in at least this many documents: an integer count (default 1), or a share of the
   * documents when below 1 (scikit-learn's int vs float `min_df`).
   */
  minDf: number;
  /**
   * Keep terms in at most this many documents: a share in (0, 1] (default 1: all documents, as
   * scikit-learn's float `max_df=1.0`), or an integer count above 1.
   */
  maxDf: number;
  /**
   * Keep the most frequent terms, this many per column. Default 1000: the output is one dense
   * number column per term, so unlike scikit-learn's sparse matrices it needs a bound.
   */
  maxFeatures: number;
  /** Count a term once per document (0/1). Default false. */
  binary: boolean;
  /**
   * Weight counts as TF-IDF (scikit-learn's TfidfVectorizer) instead of raw counts
   * (CountVectorizer). Default false. `norm`, `useIdf`, `smoothIdf` and `sublinearTf` apply only
   * with tfidf, as they exist only in TfidfVectorizer.
   */
  tfidf: boolean;
  /** With tfidf: each row scaled to unit 'l2' (default) or 'l1' norm, or null for none. */
  norm: 'l1' | 'l2' | null;
  /** With tfidf: multiply by idf = ln((1 + n) / (1 + df)) + 1 (smoothed). Default true. */
  useIdf: boolean;
  /** With tfidf: add one document holding every term when computing idf. Default true. */
  smoothIdf: boolean;
  /** With tfidf: use 1 + ln(count) in place of the count. Default false. */
  sublinearTf: boolean;
}

export const TEXT_VECTORIZER_DEFAULTS = {
  columns: null,
  ...ANALYZER_DEFAULTS,
  minDf: 1,
  maxDf: 1,
  maxFeatures: 1000,
  binary: false,
  tfidf: false,
  norm: 'l2',
  useIdf: true,
  smoothIdf: true,
  sublinearTf: false,
} satisfies TextVectorizerParams;

const SPECS: ParamSpecs<TextVectorizerParams> = {
  columns: param.custom(
    'Text columns to vectorize; null: all of them.',
    'null or distinct names',
    isColumnList,
  ),
  ...ANALYZER_SPECS,
  minDf: param.custom(
    'Least documents a term must be in.',
    'an integer >= 0 (documents) or a number in (0, 1) (share)',
    (v) => typeof v === 'number' && ((Number.isInteger(v) && v >= 0) || (v > 0 && v < 1)),
  ),
  maxDf: param.custom(
    'Most documents a term may be in.',
    'a number in (0, 1] (share) or an integer > 1 (documents)',
    (v) => typeof v === 'number' && ((v > 0 && v <= 1) || (Number.isInteger(v) && v > 1)),
  ),
  maxFeatures: param.integer('Most terms kept per column.', { min: 1 }),
  binary: param.boolean('Count a term once per document.'),
  tfidf: param.boolean('TF-IDF weights instead of counts.'),
  norm: param.nullable(param.oneOf('Row normalization (tfidf).', ['l1', 'l2'])),
  useIdf: param.boolean('Multiply by inverse document frequency (tfidf).'),
  smoothIdf: param.boolean('Smooth idf as if one document held every term (tfidf).'),
  sublinearTf: param.boolean('1 + ln(count) in place of the count (tfidf).'),
};

export interface TextVectorizerState extends ColumnsState {
  /** Per column, the kept terms sorted by code point: output j is term j. */
  readonly terms: readonly (readonly string[])[];
  /** Per column, the idf of each term (tfidf with useIdf), else null. */
  readonly idf: readonly (Float64Array | null)[];
}

/**
 * Text columns as one number column `<col>=<term>` per learned term: counts (scikit-learn's
 * CountVectorizer) or TF-IDF weights (TfidfVectorizer), with the same analyzers, vocabulary,
 * order and values. Each column learns its own vocabulary on the fit rows. A missing text is an
 * empty document (scikit-learn refuses them): all zeros.
 */
export class TextVectorizer extends ColumnwiseTransformer<TextVectorizerParams, TextVectorizerState> {
  readonly kind = 'TextVectorizer';
  protected readonly specs = SPECS;
  #index: { state: TextVectorizerState; maps: Map<string, number>[] } | null = null;

  constructor(params: Partial<TextVectorizerParams> = {}) {
    super(TEXT_VECTORIZER_DEFAULTS, params);
  }

  protected handles(): readonly ColumnKind[] {
    return ['text'];
  }

  protected learn(frame: Frame, columns: string[], kinds: ColumnKind[]): TextVectorizerState {
    const p = this.params;
    const analyze = makeAnalyzer(p);
    const terms: string[][] = [];
    const idf: (Float64Array | null)[] = [];
    for (const name of columns) {
      const docs = frame.columnOf(name, 'text').values;
      let vocabulary: ReturnType<typeof learnVocabulary>;
      try {
        vocabulary = learnVocabulary(docs, analyze, p);
      } catch (e) {
        if (e instanceof VocabularyError)
          throw new InputError('empty_vocabulary', `${this.kind}: column '${name}': ${e.message}`, {
            column: name,
          });
        throw e;
      }
      terms.push(vocabulary.terms);
      if (!(p.tfidf && p.useIdf)) {
        idf.push(null);
        continue;
      }
      const extra = p.smoothIdf ? 1 : 0;
      const n = docs.length + extra;
      idf.push(Float64Array.from(vocabulary.df, (df) => Math.log(n / (df + extra)) + 1));
    }
    return { columns, kinds, terms, idf };
  }

  protected mapColumn(i: number, column: Column, s: TextVectorizerState): [string, Column][] {
    const docs = (column as Extract<Column, { kind: 'text' }>).values;
    const p = this.params;
    const analyze = makeAnalyzer(p);
    if (this.#index?.state !== s)
      this.#index = { state: s, maps: s.terms.map((t) => new Map(t.map((term, j) => [term, j]))) };
    const index = this.#index.maps[i];
    const n = docs.length;
    const outs = s.terms[i].map(() => new Float64Array(n));
    const idf = s.idf[i];
    const touched = new Int32Array(outs.length);
    for (let r = 0; r < n; r++) {
      const doc = docs[r];
      if (doc === null) continue;
      let k = 0;
      for (const term of analyze(doc)) {
        const j = index.get(term);
        if (j === undefined) continue;
        if (outs[j][r] === 0) touched[k++] = j;
        outs[j][r] = p.binary ? 1 : outs[j][r] + 1;
      }
      if (!p.tfidf) continue;
      for (let t = 0; t < k; t++) {
        const j = touched[t];
        let v = outs[j][r];
        if (p.sublinearTf) v = 1 + Math.log(v);
        if (idf) v *= idf[j];
        outs[j][r] = v;
      }
      normalizeRow(outs, r, touched, k, p.norm);
    }
    const names = this.namesOut(i, s);
    return names.map((name, j) => [name, { kind: 'number', values: outs[j] }]);
  }

  protected namesOut(i: number, s: TextVectorizerState): string[] {
    return s.terms[i].map((term) => `${s.columns[i]}=${term}`);
  }
}

registerEstimator('TextVectorizer', TextVectorizer);

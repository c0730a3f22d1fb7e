import type { Column, ColumnKind, Frame } from '../data/frame.js';
import { type ParamSpecs, param } from '../models/params.js';
import { registerEstimator } from '../models/registry.js';
import { ANALYZER_DEFAULTS, type AnalyzerParams, makeAnalyzer } from './text/analyzer.js';
import { ANALYZER_SPECS, normalizeRow } from './text/analyzer-specs.js';
import { murmurhash3String } from './text/murmurhash3.js';
import { type ColumnsParam, type ColumnsState, ColumnwiseTransformer, isColumnList } from './transformer.js';

export interface HashingVectorizerParams extends ColumnsParam, AnalyzerParams {
  /**
   * Output columns per text column; a term goes to |murmurhash3_32(term)| mod nFeatures. Default
   * 1024 (scikit-learn's 2^20 would be a million dense columns).
   */
  nFeatures: number;
  /** Add a term as −1 where its hash is negative, so collisions tend to cancel. Default true. */
  alternateSign: boolean;
  /** Each row scaled to unit 'l2' (default) or 'l1' norm, or null for none. */
  norm: 'l1' | 'l2' | null;
  /** 1 for every output a term reached, whatever the sum. Default false. */
  binary: boolean;
}

export const HASHING_VECTORIZER_DEFAULTS = {
  columns: null,
  ...ANALYZER_DEFAULTS,
  nFeatures: 1024,
  alternateSign: true,
  norm: 'l2',
  binary: false,
} satisfies HashingVectorizerParams;

const SPECS: ParamSpecs<HashingVectorizerParams> = {
  columns: param.custom('Text columns to hash; null: all of them.', 'null or distinct names', isColumnList),
  ...ANALYZER_SPECS,
  nFeatures: param.integer('Output columns per text column.', { min: 1, max: 2 ** 31 - 1 }),
  alternateSign: param.boolean('Signed hashing.'),
  norm: param.nullable(param.oneOf('Row normalization.', ['l1', 'l2'])),
  binary: param.boolean('1 for every output reached.'),
};

/**
 * Text columns as `nFeatures` number columns `<col>#<j>` each, by the hashing trick, exactly as
 * scikit-learn's HashingVectorizer places and signs terms (murmurhash3_32 of the term's UTF-8
 * bytes, seed 0). Nothing is learned but which columns are text: no vocabulary to store, and
 * unseen terms still count. A missing text is an empty document: all zeros.
 */
export class HashingVectorizer extends ColumnwiseTransformer<HashingVectorizerParams, ColumnsState> {
  readonly kind = 'HashingVectorizer';
  protected readonly specs = SPECS;

  constructor(params: Partial<HashingVectorizerParams> = {}) {
    super(HASHING_VECTORIZER_DEFAULTS, params);
  }

  protected handles(): readonly ColumnKind[] {
    return ['text'];
  }

  protected learn(_frame: Frame, columns: string[], kinds: ColumnKind[]): ColumnsState {
    makeAnalyzer(this.params); // the params checked, the pattern compiles
    return { columns, kinds };
  }

  protected mapColumn(i: number, column: Column, s: ColumnsState): [string, Column][] {
    const docs = (column as Extract<Column, { kind: 'text' }>).values;
    const { nFeatures, alternateSign, binary, norm } = this.params;
    const analyze = makeAnalyzer(this.params);
    const n = docs.length;
    const outs = Array.from({ length: nFeatures }, () => new Float64Array(n));
    // terms repeat across documents: hash each once per call
    const placed = new Map<string, number>();
    const reached = new Uint8Array(nFeatures);
    const touched = new Int32Array(nFeatures);
    for (let r = 0; r < n; r++) {
      const doc = docs[r];
      if (doc === null) continue;
      let k = 0;
      for (const term of analyze(doc)) {
        let code = placed.get(term);
        if (code === undefined) placed.set(term, (code = murmurhash3String(term)));
        // abs(-2^31) overflows in scikit-learn's int32 arithmetic; it defines the index this way
        const j =
          code === -2147483648 ? (2147483647 - (nFeatures - 1)) % nFeatures : Math.abs(code) % nFeatures;
        if (!reached[j]) {
          reached[j] = 1;
          touched[k++] = j;
        }
        outs[j][r] += alternateSign && code < 0 ? -1 : 1;
      }
      // scikit-learn sets every stored entry to 1, even one whose signed sum is 0 or negative
      if (binary) for (let t = 0; t < k; t++) outs[touched[t]][r] = 1;
      normalizeRow(outs, r, touched, k, norm);
      for (let t = 0; t < k; t++) reached[touched[t]] = 0;
    }
    return this.namesOut(i, s).map((name, j) => [name, { kind: 'number', values: outs[j] }]);
  }

  protected namesOut(i: number, _s: ColumnsState): string[] {
    const col = _s.columns[i];
    return Array.from({ length: this.params.nFeatures }, (_, j) => `${col}#${j}`);
  }
}

registerEstimator('HashingVectorizer', HashingVectorizer);

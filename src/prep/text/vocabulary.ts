import { compareCodePoints } from './analyzer.js';

/**
 * Learning a vocabulary as scikit-learn's CountVectorizer.fit does: count every term of every
 * document (a sparse documents × terms matrix, terms in first-seen order), keep the terms whose
 * document frequency lies within [minDf, maxDf], then the `maxFeatures` most frequent, and sort
 * the survivors by code point.
 */
export interface VocabularyLimits {
  /** Least documents a term must be in: an integer count, or a share of documents below 1. */
  readonly minDf: number;
  /** Most documents a term may be in: a share in (0, 1], or an integer count above 1. */
  readonly maxDf: number;
  /** Keep only this many terms, by total count over the documents (ties: code point order). */
  readonly maxFeatures: number;
  /** Count each term once per document (the counts maxFeatures ranks by are then document counts). */
  readonly binary: boolean;
}

export interface Vocabulary {
  /** Kept terms, sorted by code point. */
  readonly terms: string[];
  /** Documents that hold each kept term. */
  readonly df: Float64Array;
}

export class VocabularyError extends Error {}

/** A minDf as a count; integers are counts, numbers below 1 shares of the documents. */
export function minDocCount(minDf: number, nDocs: number): number {
  return Number.isInteger(minDf) ? minDf : minDf * nDocs;
}

/** A maxDf as a count: shares in (0, 1] times the documents, integers above 1 counts. */
export function maxDocCount(maxDf: number, nDocs: number): number {
  return maxDf <= 1 ? maxDf * nDocs : maxDf;
}

export function learnVocabulary(
  docs: readonly (string | null)[],
  analyze: (doc: string) => string[],
  limits: VocabularyLimits,
): Vocabulary {
  const ids = new Map<string, number>();
  const names: string[] = [];
  let df: Float64Array<ArrayBuffer> = new Float64Array(1024);
  let tf: Float64Array<ArrayBuffer> = new Float64Array(1024);
  // which document last counted each term, so a term's df grows once per document
  let lastDoc = new Int32Array(1024).fill(-1);
  for (let r = 0; r < docs.length; r++) {
    const doc = docs[r];
    if (doc === null) continue;
    for (const term of analyze(doc)) {
      let id = ids.get(term);
      if (id === undefined) {
        id = names.length;
        ids.set(term, id);
        names.push(term);
        if (id === df.length) {
          df = grow(df);
          tf = grow(tf);
          const more = new Int32Array(lastDoc.length * 2).fill(-1);
          more.set(lastDoc);
          lastDoc = more;
        }
      }
      if (lastDoc[id] !== r) {
        lastDoc[id] = r;
        df[id]++;
        tf[id]++;
      } else if (!limits.binary) tf[id]++;
    }
  }
  if (names.length === 0)
    throw new VocabularyError('empty vocabulary: the documents hold no terms (only stop words, or nothing)');
  const nDocs = docs.length;
  const high = maxDocCount(limits.maxDf, nDocs);
  const low = minDocCount(limits.minDf, nDocs);
  if (high < low) throw new VocabularyError('maxDf corresponds to fewer documents than minDf');
  const order = names.map((_, id) => id).sort((a, b) => compareCodePoints(names[a], names[b]));
  let kept = order.filter((id) => df[id] <= high && df[id] >= low);
  if (kept.length > limits.maxFeatures) {
    // the most frequent terms, ties broken by code point order (scikit-learn 1.2 breaks them with
    // numpy's unstable quicksort), then back in code point order
    const rank = new Map(kept.map((id, i) => [id, i]));
    const top = new Set(
      kept
        .slice()
        .sort((a, b) => tf[b] - tf[a] || rank.get(a)! - rank.get(b)!)
        .slice(0, limits.maxFeatures),
    );
    kept = kept.filter((id) => top.has(id));
  }
  if (kept.length === 0)
    throw new VocabularyError('after pruning, no terms remain: try a lower minDf or a higher maxDf');
  return { terms: kept.map((id) => names[id]), df: Float64Array.from(kept, (id) => df[id]) };
}

function grow(a: Float64Array): Float64Array<ArrayBuffer> {
  const out = new Float64Array(a.length * 2);
  out.set(a);
  return out;
}

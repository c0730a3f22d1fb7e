import { describe, expect, it } from 'vitest';
import { expectClose } from './testing/fixtures.js';
import { cairnParams, dense, denseFrame, docsFrame, textFixture } from './testing/text-fixtures.js';
import { TextVectorizer } from './text-vectorizer.js';

const fx = textFixture();

describe(`TextVectorizer matches scikit-learn ${fx.sklearn} CountVectorizer and TfidfVectorizer`, () => {
  const cases = fx.TextVectorizer.map(
    (c) => [`${c.kind} ${JSON.stringify(c.params)} on ${c.docs} documents`, c] as const,
  );
  it.each(cases)('%s', (_, c) => {
    const frame = docsFrame(fx.docs[c.docs]);
    // scikit-learn has no bound on the vocabulary by default; Cairn's default is 1000
    const params = { maxFeatures: 100_000, ...cairnParams(c.params), tfidf: c.kind === 'tfidf' };
    const vec = new TextVectorizer(params).fit(frame);
    expect(vec.state.terms[0]).toEqual(c.vocabulary);
    if (c.idf) expectClose(vec.state.idf[0]!, c.idf);
    else expect(vec.state.idf[0]).toBeNull();
    const out = vec.transform(frame);
    expect(out.names).toEqual(c.vocabulary.map((t) => `doc=${t}`));
    expectClose(denseFrame(out), Array.from(dense(c.out, c.vocabulary.length)));
  });
});

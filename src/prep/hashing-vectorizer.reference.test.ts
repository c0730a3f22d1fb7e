import { describe, expect, it } from 'vitest';
import { HashingVectorizer } from './hashing-vectorizer.js';
import { expectClose } from './testing/fixtures.js';
import { cairnParams, dense, denseFrame, docsFrame, textFixture } from './testing/text-fixtures.js';
import { murmurhash3String } from './text/murmurhash3.js';

const fx = textFixture();

describe(`HashingVectorizer matches scikit-learn ${fx.sklearn}`, () => {
  it('hashes strings as murmurhash3_32(key, seed=0) does', () => {
    for (const [key, want] of Object.entries(fx.murmurhash3)) expect(murmurhash3String(key), key).toBe(want);
  });

  const cases = fx.HashingVectorizer.map(
    (c) => [`${JSON.stringify(c.params)} on ${c.docs} documents`, c] as const,
  );
  it.each(cases)('%s', (_, c) => {
    const frame = docsFrame(fx.docs[c.docs]);
    const vec = new HashingVectorizer(cairnParams(c.params)).fit(frame);
    const out = vec.transform(frame);
    const n = c.params.n_features as number;
    expect(out.names).toEqual(Array.from({ length: n }, (_, j) => `doc#${j}`));
    expectClose(denseFrame(out), Array.from(dense(c.out, n)));
  });
});

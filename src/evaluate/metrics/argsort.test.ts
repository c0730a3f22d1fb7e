import { describe, expect, it } from 'vitest';
import { Rng } from '../../util/random.js';
import { argsortDescending } from './argsort.js';

/** The order scikit-learn builds curves on: np.argsort(s, kind='mergesort')[::-1]. */
function reference(s: Float64Array): number[] {
  const idx = Array.from(s, (_, i) => i);
  idx.sort((a, b) => (s[a] < s[b] ? -1 : s[a] > s[b] ? 1 : a - b));
  return idx.reverse();
}

function scores(n: number, seed: number, kind: 'continuous' | 'ties' | 'mixed'): Float64Array {
  const rng = new Rng(seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (kind === 'continuous') out[i] = rng.normal() * 1e3;
    else if (kind === 'ties') out[i] = rng.int(7) / 4 - 0.5;
    else {
      const special = [0, -0, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 5e-324, -5e-324, 1e308];
      out[i] = rng.next() < 0.2 ? special[rng.int(special.length)] : rng.normal() * 10 ** (rng.int(20) - 10);
    }
  }
  return out;
}

describe('argsortDescending', () => {
  for (const n of [0, 1, 5, 1023, 1024, 5000])
    for (const kind of ['continuous', 'ties', 'mixed'] as const)
      it(`orders ${n} ${kind} scores as numpy's reversed stable argsort`, () => {
        const s = scores(n, n * 7 + kind.length, kind);
        expect(Array.from(argsortDescending(s))).toEqual(reference(s));
      });

  it('treats -0 and +0 as one value (ties by decreasing index)', () => {
    const s = new Float64Array(2000);
    for (let i = 0; i < s.length; i++) s[i] = i % 2 ? -0 : 0;
    expect(Array.from(argsortDescending(s))).toEqual(Array.from(s, (_, i) => s.length - 1 - i));
  });

  it('leaves its input untouched', () => {
    const s = scores(3000, 1, 'mixed');
    const copy = s.slice();
    argsortDescending(s);
    expect(s).toEqual(copy);
  });
});

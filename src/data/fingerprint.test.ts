import { describe, expect, it } from 'vitest';
import { fingerprintFrame } from './fingerprint.js';
import { type CategoryColumn, col, Frame } from './frame.js';
import { loadFrame } from './load.js';

const frame = () =>
  new Frame({
    n: col.number([1, null, 3]),
    c: col.category(['b', 'a', null]),
    f: col.boolean([true, null, false]),
    d: col.datetime(['2020-01-01', null, 0]),
    t: col.text(['x', null, '']),
  });

describe('fingerprintFrame', () => {
  it('is a sha256 hex, the same for the same content, pinned across runs', () => {
    const fp = fingerprintFrame(frame());
    expect(fp).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprintFrame(frame())).toBe(fp);
    // Pinned: a change here means saved models no longer match their training data.
    expect(fp).toBe(PINNED);
  });

  it('changes with any value, name, kind or row order', () => {
    const base = fingerprintFrame(frame());
    const f = frame();
    expect(fingerprintFrame(f.with('n', col.number([1, null, 4])))).not.toBe(base);
    expect(fingerprintFrame(f.with('t', col.text(['x', '', ''])))).not.toBe(base);
    expect(fingerprintFrame(f.with('t', col.category(['x', null, ''])))).not.toBe(base);
    expect(
      fingerprintFrame(new Frame([...f.columns()].map(([n, c]) => [n === 'n' ? 'm' : n, c] as const))),
    ).not.toBe(base);
    expect(fingerprintFrame(f.take([2, 1, 0]))).not.toBe(base);
    expect(fingerprintFrame(f.drop(['f']))).not.toBe(base);
  });

  it('ignores how the same data is encoded: category order, NaN bits, -0', () => {
    const a = new Frame({ c: col.category(['x', 'y', 'x'], ['x', 'y']), n: col.number([0, Number.NaN, 1]) });
    const odd = new Float64Array([-0, 0, 1]);
    new DataView(odd.buffer).setUint32(12, 0x7ff80001, true); // a NaN with other payload bits
    new DataView(odd.buffer).setUint32(8, 0x00000001, true);
    expect(Number.isNaN(odd[1])).toBe(true);
    const reordered: CategoryColumn = {
      kind: 'category',
      values: new Int32Array([1, 0, 1]),
      categories: ['y', 'x'],
    };
    const b = new Frame({ c: reordered, n: { kind: 'number', values: odd } });
    expect(fingerprintFrame(b)).toBe(fingerprintFrame(a));
  });

  it('two loads of a dataset agree', async () => {
    const [a, b] = await Promise.all([
      loadFrame('datasets/penguins.csv'),
      loadFrame('datasets/penguins.csv'),
    ]);
    expect(fingerprintFrame(a)).toBe(fingerprintFrame(b));
  });
});

/**
 * The layout written out by hand in Python (hashlib over the same bytes: header, then per column
 * `len:name\0kind\0` and little-endian values), so the pin checks the documented format, not itself.
 */
const PINNED = '0383412ef846728bd05f416e1db5e041c93a266b5836407692458f1639db3620';

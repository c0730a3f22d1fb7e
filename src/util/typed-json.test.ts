import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64, parseTyped, stringifyTyped } from './typed-json.js';

describe('typed JSON', () => {
  it('round-trips typed arrays and non-finite numbers exactly', () => {
    const v = {
      a: new Float64Array([1.5, Number.NaN, -0, 1e-300, Number.POSITIVE_INFINITY]),
      b: new Int32Array([-1, 2, 3]),
      c: [Number.NaN, 1, { d: Number.NEGATIVE_INFINITY }],
      s: 'x',
      n: null,
    };
    const back = parseTyped(stringifyTyped(v)) as typeof v;
    expect(back.a).toBeInstanceOf(Float64Array);
    expect(Array.from(back.a)).toEqual(Array.from(v.a));
    expect(Object.is(back.a[2], -0)).toBe(true);
    expect(back.b).toEqual(v.b);
    expect(back.c[0]).toBeNaN();
    expect((back.c[2] as { d: number }).d).toBe(Number.NEGATIVE_INFINITY);
    expect(back.s).toBe('x');
    expect(back.n).toBeNull();
  });

  it('base64 agrees with Node for every tail length', () => {
    for (let n = 0; n < 10; n++) {
      const bytes = new Uint8Array(n).map((_, i) => (i * 37 + 11) & 255);
      const s = bytesToBase64(bytes);
      expect(s).toBe(Buffer.from(bytes).toString('base64'));
      expect(base64ToBytes(s)).toEqual(bytes);
    }
  });

  it('refuses unknown typed array names', () => {
    expect(() => parseTyped('{"$typed":"Function","b64":""}')).toThrow(/unknown typed array/);
  });
});

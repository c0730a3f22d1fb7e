import { describe, expect, it } from 'vitest';
import { col, Frame } from '../data/frame.js';
import { toNested } from '../data/matrix.js';
import { InputError } from '../util/errors.js';
import { mixedFrame } from './testing/frames.js';
import { frameToMatrix } from './to-matrix.js';

describe('frameToMatrix', () => {
  it('lays number and boolean columns out row-major, booleans as 0/1 and missing as NaN', () => {
    const f = new Frame({
      a: col.number([1, null]),
      b: col.boolean([true, null]),
      c: col.boolean([false, true]),
    });
    const m = frameToMatrix(f);
    expect(m.layout).toBe('row');
    expect([m.rows, m.cols]).toEqual([2, 3]);
    expect(toNested(m)).toEqual([
      [1, 1, 0],
      [Number.NaN, Number.NaN, 1],
    ]);
  });
  it('picks and orders columns by name', () => {
    const f = new Frame({ a: col.number([1, 2]), b: col.number([3, 4]) });
    expect(toNested(frameToMatrix(f, ['b', 'a']))).toEqual([
      [3, 1],
      [4, 2],
    ]);
  });
  it('refuses other kinds, naming the column and what to do', () => {
    let err: unknown;
    try {
      frameToMatrix(mixedFrame());
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).details.column).toBe('color');
    expect((err as Error).message).toMatch(/'color' is category.*OneHotEncoder/);
    expect(() => frameToMatrix(mixedFrame(), ['x', 'note'])).toThrow(/'note' is text/);
    expect(() => frameToMatrix(mixedFrame(), ['nope'])).toThrow(InputError);
  });
});

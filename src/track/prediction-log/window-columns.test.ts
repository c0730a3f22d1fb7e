import { describe, expect, it } from 'vitest';

/** A column's values as a plain array (typed or not). */
const values = (v: ArrayLike<unknown>) => Array.from(v);

import { categoryColumn, columnOf } from './window-columns.js';

describe('window columns', () => {
  it('take the kind from the signature, missing where a value does not fit', () => {
    expect(
      values(columnOf({ name: 'x', kind: 'number' }, [1.5, '2', null, 'a', true, undefined]).values),
    ).toEqual([1.5, 2, Number.NaN, Number.NaN, Number.NaN, Number.NaN]);
    expect(
      values(columnOf({ name: 'b', kind: 'boolean' }, [true, false, 'true', 0, null, 'x']).values),
    ).toEqual([1, 0, 1, 0, -1, -1]);
    expect(
      values(columnOf({ name: 'd', kind: 'datetime' }, ['2024-01-02T00:00:00.000Z', 5, null]).values),
    ).toEqual([Date.UTC(2024, 0, 2), 5, Number.NaN]);
    expect(columnOf({ name: 't', kind: 'text' }, ['a', 1, null, { x: 1 }]).values).toEqual([
      'a',
      '1',
      null,
      null,
    ]);
  });

  it('keep the signature categories first and add unseen ones in order of appearance', () => {
    const c = columnOf({ name: 'island', kind: 'category', categories: ['Biscoe', 'Dream'] }, [
      'Dream',
      'Atlantis',
      null,
      'Biscoe',
      'Atlantis',
      'Mu',
    ]);
    expect(c).toEqual({
      kind: 'category',
      values: Int32Array.from([1, 2, -1, 0, 2, 3]),
      categories: ['Biscoe', 'Dream', 'Atlantis', 'Mu'],
    });
    expect(categoryColumn([1, true, 'x']).categories).toEqual(['1', 'true', 'x']);
  });
});

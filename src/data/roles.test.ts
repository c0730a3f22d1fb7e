import { describe, expect, it } from 'vitest';
import { InputError } from '../util/errors.js';
import { col, Frame } from './frame.js';
import { loadFrame } from './load.js';
import { guessRoles, ID_NAME } from './roles.js';

describe('guessRoles', () => {
  it('penguins: the target, the rest features', async () => {
    const f = await loadFrame('datasets/penguins.csv');
    expect(guessRoles(f, { target: 'species' })).toEqual({
      species: 'target',
      island: 'feature',
      beak_length_mm: 'feature',
      beak_depth_mm: 'feature',
      flipper_length_mm: 'feature',
      body_mass_g: 'feature',
      sex: 'feature',
    });
  });

  it('ids: unique and named like an id, or unique short strings', () => {
    const f = new Frame({
      user_id: col.number([10, 11, 12]),
      id: col.number([1, 2, 3]),
      code: col.text(['a1', 'b2', 'c3']),
      sku: col.category(['p', 'q', 'r']),
      score: col.number([1, 2, 3]),
      order_id: col.number([1, 1, 2]),
      paid: col.number([7, 8, 9]),
      review: col.text(['x'.repeat(80), 'y'.repeat(80), 'z'.repeat(80)]),
      partial_id: col.number([1, null, 3]),
      y: col.number([0, 1, 0]),
    });
    expect(guessRoles(f, { target: 'y' })).toEqual({
      user_id: 'id',
      id: 'id',
      code: 'id',
      sku: 'id',
      score: 'feature',
      order_id: 'feature',
      paid: 'feature',
      review: 'feature',
      partial_id: 'feature',
      y: 'target',
    });
  });

  it('names that say id, and those that only end in the letters', () => {
    for (const n of ['id', 'ID', 'user_id', 'userId', 'USER_ID', 'order-id', 'uuid', 'guid', 'key', 'row.id'])
      expect(ID_NAME.test(n), n).toBe(true);
    for (const n of ['paid', 'valid', 'grid', 'idea', 'width', 'keys'])
      expect(ID_NAME.test(n), n).toBe(false);
  });

  it('an unknown target is an InputError', () => {
    expect(() => guessRoles(new Frame({ a: col.number([1]) }), { target: 'b' })).toThrow(InputError);
  });
});

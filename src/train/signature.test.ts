import { describe, expect, it } from 'vitest';
import { col, Frame } from '../data/frame.js';
import type { ColumnSchema } from '../data/schema.js';
import { InputError } from '../util/errors.js';
import { conformToSignature } from './signature.js';

const features: ColumnSchema[] = [
  { name: 'x', kind: 'number', role: 'feature', nullable: true },
  { name: 'c', kind: 'category', role: 'feature', nullable: false },
  { name: 'b', kind: 'boolean', role: 'feature', nullable: false },
];

describe('conformToSignature', () => {
  it('converts kinds that lose nothing and keeps extra columns', () => {
    const f = new Frame({
      x: col.category(['1.5', null, '3']),
      c: col.number([1, 2, 1]),
      b: col.category(['true', 'false', '1']),
      extra: col.text(['a', 'b', 'c']),
    });
    const out = conformToSignature(f, features);
    expect(Array.from(out.columnOf('x', 'number').values)).toEqual([1.5, Number.NaN, 3]);
    expect(out.cell('c', 1)).toBe('2');
    expect(Array.from(out.columnOf('b', 'boolean').values)).toEqual([1, 0, 1]);
    expect(out.has('extra')).toBe(true);
  });

  it('returns the frame itself when every feature has its kind', () => {
    const f = new Frame({ x: col.number([1]), c: col.category(['a']), b: col.boolean([true]) });
    expect(conformToSignature(f, features)).toBe(f);
  });

  it('names the file, column and first row when a column is missing or cannot be converted', () => {
    const missing = new Frame({ x: col.number([1]), b: col.boolean([true]) });
    expect(() => conformToSignature(missing, features, 'new.csv')).toThrow(
      /new\.csv: column 'c' is missing: the model needs it \(category\)/,
    );
    const wrong = new Frame({
      x: col.category(['1', 'abc', 'abc']),
      c: col.category(['a', 'a', 'a']),
      b: col.boolean([true, true, true]),
    });
    let err: InputError | undefined;
    try {
      conformToSignature(wrong, features, 'new.csv');
    } catch (e) {
      err = e as InputError;
    }
    expect(err).toBeInstanceOf(InputError);
    expect(err!.message).toMatch(
      /^new\.csv: 'x' at data row 2 must be a number, got "abc" \(2 values of 'x' do not convert\)/,
    );
    expect(err!.code).toBe('wrong_type');
    expect(err!.details).toMatchObject({ file: 'new.csv', column: 'x', row: 1 });
  });
});

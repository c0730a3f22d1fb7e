import { describe, expect, it } from 'vitest';
import { col, Frame } from '../data/frame.js';
import type { ColumnSchema } from '../data/schema.js';
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

  it('names the file and column when a column is missing or cannot be converted', () => {
    const missing = new Frame({ x: col.number([1]), b: col.boolean([true]) });
    expect(() => conformToSignature(missing, features, 'new.csv')).toThrow(
      /new\.csv: column 'c' is missing: the model needs it \(category\)/,
    );
    const wrong = new Frame({ x: col.category(['abc']), c: col.category(['a']), b: col.boolean([true]) });
    expect(() => conformToSignature(wrong, features, 'new.csv')).toThrow(
      /new\.csv: column 'x' holds category values, the model expects number/,
    );
  });
});

import { describe, expect, it } from 'vitest';
import type { ColumnSchema } from '../data/schema.js';
import { cellSchema, rowSchema } from './signature-schema.js';

const f = (
  kind: ColumnSchema['kind'],
  nullable: boolean,
  extra: Partial<ColumnSchema> = {},
): ColumnSchema => ({
  name: 'x',
  kind,
  role: 'feature',
  nullable,
  ...extra,
});

describe('JSON Schema from the signature', () => {
  it('maps kinds to types, nullable to null, strict categories to an enum', () => {
    expect(cellSchema(f('number', false, { min: 1, max: 2 }), false)).toMatchObject({ type: 'number' });
    expect(cellSchema(f('number', true), false)).toMatchObject({ type: ['number', 'null'] });
    expect(cellSchema(f('category', false, { categories: ['a', 'b'] }), false)).toMatchObject({
      type: 'string',
    });
    expect(cellSchema(f('category', true, { categories: ['a', 'b'] }), true)).toMatchObject({
      enum: ['a', 'b', null],
    });
    expect(cellSchema(f('boolean', false), false)).toEqual({ type: 'boolean' });
    expect(cellSchema(f('datetime', false), false)).toMatchObject({ type: ['string', 'number'] });
    expect(cellSchema(f('text', true), false)).toEqual({ type: ['string', 'null'] });
  });

  it('requires every feature in a row and allows extra keys', () => {
    const s = rowSchema([f('number', false), { ...f('text', false), name: 'y' }], {
      maxRows: 10,
      strictCategories: new Set(),
    });
    expect(s).toMatchObject({ type: 'object', required: ['x', 'y'] });
    expect(s).not.toHaveProperty('additionalProperties');
  });
});

import { describe, expect, it } from 'vitest';
import type { ColumnSchema } from '../data/schema.js';
import { InputError } from '../util/errors.js';
import { RequestInput } from './request-frame.js';
import { RequestValidator } from './request-validation.js';

const features: ColumnSchema[] = [
  { name: 'n', kind: 'number', role: 'feature', nullable: true, min: 0, max: 1 },
  { name: 'b', kind: 'boolean', role: 'feature', nullable: false },
  { name: 'd', kind: 'datetime', role: 'feature', nullable: true, min: 0, max: 1 },
  { name: 'c', kind: 'category', role: 'feature', nullable: true, categories: ['x', 'y'] },
];
const profile = {
  features: {
    n: { count: 100, missing: 0 },
    b: { count: 100, missing: 0 },
    d: { count: 100, missing: 0 },
    c: { count: 100, missing: 10 },
  },
};
const cell = (row: number, column: string) => `rows[${row}].${column}`;
const row = (patch: Record<string, unknown> = {}) => ({
  n: 0.5,
  b: true,
  d: '2001-01-31T08:00:00Z',
  c: 'x',
  ...patch,
});

describe('RequestValidator', () => {
  const warn = new RequestValidator(features, profile, 'warn', new Set());
  const coerce = new RequestValidator(features, profile, 'coerce', new Set());

  it('clean: true for values like training (dates are not range-checked: they move on), false otherwise', () => {
    expect(warn.clean(RequestInput.ofRows([row(), row({ n: null, c: null, d: 978250000000 })]))).toBe(true);
    for (const bad of [{ n: 1.5 }, { n: -0.1 }, { c: 'z' }, { d: 'yesterday' }])
      expect(warn.clean(RequestInput.ofRows([row(), row(bad)])), JSON.stringify(bad)).toBe(false);
    // a missing share far above training's shows only in large requests
    const many = (k: number) => Array.from({ length: 100 }, (_, i) => row(i < k ? { c: null } : {}));
    expect(warn.clean(RequestInput.ofRows(many(20)))).toBe(true);
    expect(warn.clean(RequestInput.ofRows(many(21)))).toBe(false);
    expect(warn.clean(RequestInput.ofRows(many(30).slice(0, 99)))).toBe(true);
  });

  it('inspect: 0/1 and words as booleans, numbers as labels, with the findings; dates that do not parse refused', () => {
    const input = warn.inspect(RequestInput.ofRows([row({ b: 1 }), row({ b: 'no', c: 7, n: '0.25' })]), cell);
    expect(input.at('b', 0)).toBe(true);
    expect(input.at('b', 1)).toBe(false);
    expect(input.at('c', 1)).toBe('7');
    expect(input.at('n', 1)).toBe(0.25);
    expect(input.at('d', 0)).toBe('2001-01-31T08:00:00Z');
    expect(input.findings?.map((f) => `${f.kind} ${f.column}`)).toEqual([
      'type_change n',
      'type_change b',
      'type_change c',
      'new_category c',
    ]);
    expect(() => warn.inspect(RequestInput.ofRows([row({ d: 'yesterday' })]), cell)).toThrow(
      /^rows\[0\]\.d must be an ISO 8601 date-time, got "yesterday"/,
    );
    try {
      warn.inspect(RequestInput.ofRows([row({ b: 2 })]), cell);
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).details).toMatchObject({ column: 'b', row: 0, policy: 'warn' });
    }
  });

  it('inspect under coerce: clipped, unknown labels and bad values missing; a request with only reports keeps its values', () => {
    const input = coerce.inspect(RequestInput.ofRows([row({ n: 3, c: 'z', d: 'soon', b: 'maybe' })]), cell);
    expect([input.at('n', 0), input.at('c', 0), input.at('d', 0), input.at('b', 0)]).toEqual([
      1,
      null,
      null,
      null,
    ]);
    const nulls = RequestInput.ofRows([row({ b: null })]);
    const same = coerce.inspect(nulls, cell);
    expect(same.at('b', 0)).toBeNull();
    expect(same.findings?.[0]).toMatchObject({ kind: 'missing_share', column: 'b', severity: 'warning' });
  });
});

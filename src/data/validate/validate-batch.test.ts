import { describe, expect, it } from 'vitest';
import { InputError } from '../../util/errors.js';
import { col, Frame } from '../frame.js';
import type { ColumnSchema } from '../schema.js';
import { BatchValidator, conformBatch, validateBatch } from './batch-validator.js';
import type { Finding, ValidationReport } from './findings.js';
import type { ValidationPolicy } from './policy.js';

const signature: ColumnSchema[] = [
  { name: 'x', kind: 'number', role: 'feature', nullable: true, min: 0, max: 10 },
  { name: 'c', kind: 'category', role: 'feature', nullable: false, categories: ['a', 'b'] },
  { name: 'b', kind: 'boolean', role: 'feature', nullable: false },
];
/** Training: 100 rows, x missing in 5 of them. */
const profile = {
  features: { x: { count: 100, missing: 5 }, c: { count: 100, missing: 0 }, b: { count: 100, missing: 0 } },
};

const byKind = (r: ValidationReport, kind: Finding['kind']) => r.findings.filter((f) => f.kind === kind);
const frame = (cols: Record<string, ReturnType<(typeof col)[keyof typeof col]>>) => new Frame(cols);
const clean = () =>
  frame({ x: col.number([1, 2, 3]), c: col.category(['a', 'b', 'a']), b: col.boolean([true, false, true]) });

describe('validateBatch: each finding', () => {
  it('finds nothing in a batch like the training data, and a JSON round trip keeps the report', () => {
    const r = validateBatch(clean(), signature, profile);
    expect(r).toEqual({ policy: 'warn', rows: 3, ok: true, errors: 0, warnings: 0, findings: [] });
  });

  it('missing and extra columns; the target and other expected columns are not extra', () => {
    const f = frame({ x: col.number([1]), b: col.boolean([true]), id: col.text(['r1']), y: col.number([0]) });
    const r = validateBatch(f, signature, profile, { expected: ['y'] });
    expect(r.ok).toBe(false);
    expect(r.findings).toEqual([
      {
        kind: 'missing_column',
        column: 'c',
        severity: 'error',
        message: "column 'c' is missing: the model needs it (category)",
        expected: 'category',
      },
      {
        kind: 'extra_column',
        column: 'id',
        severity: 'warning',
        message: "column 'id' is not a model feature: it is ignored",
      },
    ]);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it('type changes: converted values, and values that do not convert with examples and rows', () => {
    const f = frame({
      x: col.text(['1.5', ' 2 ', 'abc', null, '7', 'n/a']),
      c: col.number([1, 2, 1, 1, 1, 1]),
      b: col.number([0, 1, 1, 0, 2, 1]),
    });
    const r = validateBatch(f, signature, undefined, { policy: 'warn' });
    const [x] = byKind(r, 'type_change').filter((t) => t.column === 'x');
    expect(x).toMatchObject({
      severity: 'error',
      expected: 'number',
      got: ['text'],
      converted: 3,
      unconvertible: 2,
      row: 2,
      examples: [
        { row: 2, value: 'abc' },
        { row: 5, value: 'n/a' },
      ],
    });
    expect(x.message).toBe(`'x' at data row 3 must be a number, got "abc" (2 values of 'x' do not convert)`);
    const [b] = byKind(r, 'type_change').filter((t) => t.column === 'b');
    expect(b).toMatchObject({
      severity: 'error',
      converted: 5,
      unconvertible: 1,
      examples: [{ row: 4, value: 2 }],
    });
    // numbers for a category are labels: they convert, and are then new categories
    const [c] = byKind(r, 'type_change').filter((t) => t.column === 'c');
    expect(c).toMatchObject({ severity: 'warning', converted: 6, unconvertible: 0 });
    expect(c.message).toBe(
      `'c' at data row 1 is 1 (number) where the model expects a category label: converted (6 values of 'c')`,
    );
    expect(byKind(r, 'new_category')[0]).toMatchObject({ column: 'c', count: 6, distinct: 2 });
  });

  it('new categories with counts, most frequent first, and the first row', () => {
    const f = frame({
      x: col.number([1, 1, 1, 1, 1]),
      c: col.category(['a', 'z', 'y', 'z', null]),
      b: col.boolean([true, true, true, true, true]),
    });
    const [n] = byKind(validateBatch(f, signature, profile), 'new_category');
    expect(n).toMatchObject({
      severity: 'warning',
      row: 1,
      count: 3,
      distinct: 2,
      categories: [
        { label: 'z', count: 2 },
        { label: 'y', count: 1 },
      ],
      refusedByModel: false,
    });
    expect(n.message).toBe(
      `'c' at data row 2 is "z", a category not seen in training (3 values of 'c' in 2 new categories: "z" ×2, "y" ×1); the model takes it as unknown`,
    );
    // an encoder that refuses unknown labels makes it an error under warn, not under coerce
    const strict = new Set(['c']);
    expect(
      byKind(validateBatch(f, signature, profile, { strictCategories: strict }), 'new_category')[0],
    ).toMatchObject({
      severity: 'error',
      refusedByModel: true,
    });
    expect(
      byKind(
        validateBatch(f, signature, profile, { strictCategories: strict, policy: 'coerce' }),
        'new_category',
      )[0],
    ).toMatchObject({ severity: 'warning', setMissing: 3 });
  });

  it('values out of the training range: how many, which way, how far', () => {
    const f = frame({
      x: col.number([5, -2, 12, 30, Number.NaN]),
      c: col.category(['a', 'a', 'a', 'a', 'a']),
      b: col.boolean([true, true, true, true, true]),
    });
    const [o] = byKind(validateBatch(f, signature, profile), 'out_of_range');
    expect(o).toEqual({
      kind: 'out_of_range',
      column: 'x',
      severity: 'warning',
      message: `'x' at data row 2 is -2, outside the training range 0 to 10 (3 values of 'x': 1 below, 2 above; seen -2 to 30)`,
      row: 1,
      count: 3,
      below: 1,
      above: 2,
      min: -2,
      max: 30,
      trainMin: 0,
      trainMax: 10,
      beyond: 20,
      beyondShare: 2,
    });
  });

  it('missing values where training had none, and a missing share well above training', () => {
    const n = 200;
    const f = frame({
      x: col.number(Array.from({ length: n }, (_, i) => (i % 4 === 0 ? null : 1))),
      c: col.category(Array.from({ length: n }, (_, i) => (i === 7 ? null : 'a'))),
      b: col.boolean(Array.from({ length: n }, () => true)),
    });
    const r = validateBatch(f, signature, profile);
    const [c, x] = [
      byKind(r, 'missing_share').find((m) => m.column === 'c')!,
      byKind(r, 'missing_share').find((m) => m.column === 'x')!,
    ];
    expect(c).toMatchObject({ severity: 'warning', row: 7, count: 1, trainShare: 0 });
    expect(c.message).toBe(`'c' at data row 8 is missing, and 'c' never was in training`);
    expect(x).toMatchObject({
      severity: 'warning',
      count: 50,
      share: 0.25,
      trainShare: 0.05,
      threshold: 0.1,
    });
    expect(x.message).toBe(`'x' is missing in 25% of rows, 5% in training (more than 10 points up)`);
    // the jump needs enough rows, and a rise above the threshold
    expect(
      byKind(validateBatch(f.slice(0, 50), signature, profile), 'missing_share').map((m) => m.column),
    ).toEqual(['c']);
    expect(
      byKind(validateBatch(f, signature, profile, { missingShareJump: 0.3 }), 'missing_share'),
    ).toHaveLength(1);
    // under reject, the missing value where training had none is an error; the jump stays a warning
    const strict = validateBatch(f, signature, profile, { policy: 'reject' });
    expect(byKind(strict, 'missing_share').map((m) => `${m.column} ${m.severity}`)).toEqual([
      'c error',
      'x warning',
    ]);
  });
});

describe('the policies', () => {
  const odd = () =>
    frame({
      x: col.text(['12', '3', 'oops']),
      c: col.category(['a', 'q', 'b']),
      b: col.boolean([true, false, true]),
      id: col.text(['r1', 'r2', 'r3']),
    });
  const severities = (policy: ValidationPolicy) =>
    Object.fromEntries(
      validateBatch(odd(), signature, profile, { policy }).findings.map((f) => [f.kind, f.severity]),
    );

  it('give each finding its severity', () => {
    expect(severities('reject')).toEqual({
      type_change: 'error',
      new_category: 'error',
      out_of_range: 'error',
      extra_column: 'warning',
    });
    expect(severities('warn')).toEqual({
      type_change: 'error',
      new_category: 'warning',
      out_of_range: 'warning',
      extra_column: 'warning',
    });
    expect(severities('coerce')).toEqual({
      type_change: 'warning',
      new_category: 'warning',
      out_of_range: 'warning',
      extra_column: 'warning',
    });
  });

  it('reject: an InputError naming the column and first row, with every finding in details', () => {
    let err: InputError | undefined;
    try {
      conformBatch(odd(), signature, profile, { policy: 'reject', source: 'new.csv', hint: 'try warn' });
    } catch (e) {
      err = e as InputError;
    }
    expect(err).toBeInstanceOf(InputError);
    expect(err!.code).toBe('wrong_type');
    expect(err!.message).toBe(
      `new.csv: 'x' at data row 1 must be a number, got "12" (1 value of 'x' does not convert; 2 values convert without loss under the policies 'warn' and 'coerce'); and 2 more problems ('x', 'c') (try warn)`,
    );
    expect(err!.details).toMatchObject({ file: 'new.csv', column: 'x', row: 0, policy: 'reject' });
    expect((err!.details.findings as Finding[]).map((f) => f.kind)).toEqual([
      'type_change',
      'out_of_range',
      'new_category',
      'extra_column',
    ]);
  });

  it('warn: converts what converts and leaves the rest as it is; coerce also clips and sets unknowns to missing', () => {
    const ok = frame({
      x: col.text(['12', '3', null]),
      c: col.category(['a', 'q', 'b']),
      b: col.boolean([true, false, true]),
    });
    const warned = conformBatch(ok, signature, profile, { policy: 'warn' });
    expect(Array.from(warned.frame.columnOf('x', 'number').values)).toEqual([12, 3, Number.NaN]);
    expect(warned.frame.cell('c', 1)).toBe('q');
    expect(warned.report.ok).toBe(true);
    const coerced = conformBatch(odd(), signature, profile, { policy: 'coerce' });
    expect(Array.from(coerced.frame.columnOf('x', 'number').values)).toEqual([10, 3, Number.NaN]);
    expect([0, 1, 2].map((i) => coerced.frame.cell('c', i))).toEqual(['a', null, 'b']);
    expect(coerced.frame.cell('id', 0)).toBe('r1');
    expect(coerced.report.findings.find((f) => f.kind === 'type_change')).toMatchObject({ setMissing: 1 });
    // nothing to change: the same columns, not copies
    const same = clean();
    expect(conformBatch(same, signature, profile, { policy: 'coerce' }).frame.column('x')).toBe(
      same.column('x'),
    );
  });
});

describe('BatchValidator over chunks', () => {
  it('numbers rows across chunks, adds counts up, and refuses at the first chunk with an error', () => {
    const v = new BatchValidator(signature, profile, { policy: 'warn' });
    const chunk = (xs: (number | null)[], cs: string[]) =>
      frame({ x: col.number(xs), c: col.category(cs), b: col.boolean(xs.map(() => true)) });
    v.check(chunk([1, 20], ['a', 'z']));
    v.check(chunk([30, 2], ['z', 'a']));
    const r = v.report();
    expect(r.rows).toBe(4);
    expect(byKind(r, 'out_of_range')[0]).toMatchObject({ count: 2, row: 1, max: 30 });
    expect(byKind(r, 'new_category')[0]).toMatchObject({
      count: 2,
      row: 1,
      categories: [{ label: 'z', count: 2 }],
    });
    const typed = frame({
      x: col.text(['1', 'bad']),
      c: col.category(['a', 'a']),
      b: col.boolean([true, true]),
    });
    expect(() => v.check(typed)).toThrow(/'x' at data row 6 must be a number, got "bad"/);
  });
});

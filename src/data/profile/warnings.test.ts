import { describe, expect, it } from 'vitest';
import { Rng } from '../../util/random.js';
import { col, Frame } from '../frame.js';
import type { ProfileOptions } from './options.js';
import { profileFrame } from './profile-frame.js';
import type { ProfileWarning, WarningCode } from './types.js';

const N = 300;

/** A frame that should raise no warning at all: noisy numbers, a few balanced labels, a related target. */
function clean(seed = 1): Frame {
  const rng = new Rng(seed);
  const x = Array.from({ length: N }, () => rng.normal());
  const z = Array.from({ length: N }, () => rng.normal() * 3 + 10);
  const color = Array.from({ length: N }, () => ['red', 'green', 'blue'][rng.int(3)]);
  const when = Array.from({ length: N }, () => Date.UTC(2024, 0, 1) + rng.int(365) * 86_400_000);
  const y = x.map((v) => (v + rng.normal() * 1.5 > 0 ? 'yes' : 'no'));
  const amount = x.map((v, i) => v * 2 + z[i] + rng.normal() * 3);
  return new Frame({
    x: col.number(x),
    z: col.number(z),
    color: col.category(color),
    when: col.datetime(when),
    amount: col.number(amount),
    y: col.category(y),
  });
}

function warningsOf(frame: Frame, options: ProfileOptions = {}): readonly ProfileWarning[] {
  return profileFrame(frame, options).warnings;
}

function codes(ws: readonly ProfileWarning[]): WarningCode[] {
  return ws.map((w) => w.code);
}

function only(ws: readonly ProfileWarning[], code: WarningCode): ProfileWarning[] {
  return ws.filter((w) => w.code === code);
}

describe('profile warnings', () => {
  it('stay quiet on a clean frame, with a class target and with a number target', () => {
    expect(warningsOf(clean(), { target: 'y' })).toEqual([]);
    expect(warningsOf(clean(2), { target: 'amount' })).toEqual([]);
    expect(warningsOf(clean(3), { target: 'y', test: clean(4) })).toEqual([]);
  });

  it('flag a number feature that nearly equals a number target (|r| ≥ 0.95)', () => {
    const f = clean();
    const amount = f.columnOf('amount', 'number').values;
    const rng = new Rng(9);
    const leak = f.with('amount_usd', col.number(Array.from(amount, (v) => v * 1.1 + rng.normal() * 0.01)));
    const ws = only(warningsOf(leak, { target: 'amount' }), 'leakage');
    expect(ws).toHaveLength(1);
    expect(ws[0]).toMatchObject({ severity: 'high', columns: ['amount_usd'] });
    expect(ws[0].message).toMatch(/Pearson r 1\.000/);
  });

  it('flag a number feature that separates a binary target (AUC ≥ 0.99)', () => {
    const f = clean();
    const y = f.columnOf('y', 'category');
    const rng = new Rng(3);
    const score = Array.from(y.values, (code) => (y.categories[code] === 'yes' ? 5 : 0) + rng.next());
    const ws = only(warningsOf(f.with('score', col.number(score)), { target: 'y' }), 'leakage');
    expect(ws.map((w) => w.columns)).toEqual([['score']]);
    expect(ws[0].message).toMatch(/AUC 1\.000/);
  });

  it('flag a category feature that renames the class target (Cramér’s V ≥ 0.95), but not an id', () => {
    const f = clean();
    const y = f.columnOf('y', 'category');
    const outcome = Array.from(y.values, (code) => (y.categories[code] === 'yes' ? 'approved' : 'declined'));
    const ids = Array.from({ length: N }, (_, i) => `order-${(i * 7919) % 100_003}`);
    const g = f.with('outcome', col.category(outcome)).with('order', col.category(ids));
    const ws = warningsOf(g, { target: 'y' });
    expect(only(ws, 'leakage').map((w) => w.columns)).toEqual([['outcome']]);
    expect(only(ws, 'id_like').map((w) => w.columns)).toEqual([['order']]);
  });

  it('flag id-like columns: unique strings, a unique whole number named like an id, a row counter', () => {
    const f = clean()
      .with('user_id', col.number(Array.from({ length: N }, (_, i) => 1000 + ((i * 37) % N))))
      .with('n', col.number(Array.from({ length: N }, (_, i) => i + 1)))
      .with('code', col.text(Array.from({ length: N }, (_, i) => `k${i}`)));
    const ws = only(warningsOf(f), 'id_like');
    expect(ws.map((w) => w.columns[0]).sort()).toEqual(['code', 'n', 'user_id']);
    expect(ws.every((w) => w.severity === 'medium')).toBe(true);
    // the same columns given the role 'id' raise nothing
    expect(only(warningsOf(f, { roles: { user_id: 'id', n: 'id', code: 'id' } }), 'id_like')).toEqual([]);
  });

  it('flag a datetime feature later than the label’s timestamp', () => {
    const f = clean();
    const when = f.columnOf('when', 'datetime').values;
    const shipped = Array.from(when, (t, i) => t + (i % 10 === 0 ? 3 : -2) * 86_400_000);
    const g = f.with('shipped', col.datetime(shipped));
    const ws = only(warningsOf(g, { roles: { when: 'timestamp' } }), 'future_timestamp');
    expect(ws).toHaveLength(1);
    expect(ws[0]).toMatchObject({ severity: 'high', columns: ['shipped', 'when'], value: 0.1 });
    // without the role saying which column times the label, nothing is compared
    expect(only(warningsOf(g), 'future_timestamp')).toEqual([]);
  });

  it('flag test rows that also appear in the data, comparing categories by label', () => {
    const train = clean();
    const test = clean(5);
    const copied = train.take([3, 4, 5]);
    // the test file knows the colors in another order: codes differ, labels match
    const color = copied.columnOf('color', 'category');
    const relabeled = copied.with(
      'color',
      col.category(
        Array.from(color.values, (c) => color.categories[c]),
        ['red', 'green', 'blue'],
      ),
    );
    const mixed = concat(test.slice(0, 100), relabeled);
    const p = profileFrame(train, { test: mixed });
    expect(p.test).toMatchObject({ rows: 103, shared: 3 });
    expect(p.test!.examples).toEqual([
      [100, 3],
      [101, 4],
      [102, 5],
    ]);
    expect(only(p.warnings, 'shared_rows')[0]).toMatchObject({ severity: 'high', value: 3 });
  });

  it('flag class imbalance: medium from 10:1, high from 100:1', () => {
    const labels = (minority: number, total: number) =>
      col.category(Array.from({ length: total }, (_, i) => (i < minority ? 'rare' : 'common')));
    const x = (n: number) => col.number(Array.from({ length: n }, (_, i) => Math.sin(i)));
    const medium = only(
      warningsOf(new Frame({ x: x(300), y: labels(20, 300) }), { target: 'y' }),
      'class_imbalance',
    );
    expect(medium).toMatchObject([{ severity: 'medium', columns: ['y'], value: 14 }]);
    const high = only(
      warningsOf(new Frame({ x: x(1010), y: labels(10, 1010) }), { target: 'y' }),
      'class_imbalance',
    );
    expect(high).toMatchObject([{ severity: 'high', value: 100 }]);
  });

  it('flag missing shares: medium from 20%, high from 50%', () => {
    const f = clean()
      .with('some', col.number(Array.from({ length: N }, (_, i) => (i % 4 === 0 ? null : i * 0.5))))
      .with('most', col.category(Array.from({ length: N }, (_, i) => (i % 5 < 3 ? null : `v${i % 3}`))));
    const ws = only(warningsOf(f), 'high_missing');
    expect(ws.map((w) => [w.columns[0], w.severity, w.value])).toEqual([
      ['most', 'high', 0.6],
      ['some', 'medium', 0.25],
    ]);
  });

  it('flag high cardinality above 50 labels', () => {
    const f = clean().with('city', col.category(Array.from({ length: N }, (_, i) => `city${i % 80}`)));
    const ws = only(warningsOf(f), 'high_cardinality');
    expect(ws).toMatchObject([{ columns: ['city'], value: 80, severity: 'low' }]);
  });

  it('flag constant and identical columns, and repeated rows', () => {
    const f = clean();
    const g = concat(f, f.take([0, 1, 2, 0]))
      .with('one', col.category(Array(N + 4).fill('same')))
      .with('nothing', col.number(Array(N + 4).fill(null)));
    const h = g.with('x_again', g.column('x'));
    const ws = warningsOf(h);
    expect(only(ws, 'constant').map((w) => w.columns[0])).toEqual(['nothing', 'one']);
    expect(only(ws, 'duplicate_columns').map((w) => w.columns)).toEqual([['x', 'x_again']]);
    expect(only(ws, 'duplicate_rows')).toMatchObject([{ severity: 'low', value: 4 / (N + 4) }]);
    const p = profileFrame(h);
    expect(p.duplicateRows).toEqual({
      count: 4,
      examples: [
        [0, N, N + 3],
        [1, N + 1],
        [2, N + 2],
      ],
    });
    expect(p.constantColumns).toEqual(['one', 'nothing']);
    expect(codes(ws)).toContain('high_missing');
  });

  it('sort by severity, high first', () => {
    const f = clean().with('nothing', col.number(Array(N).fill(null)));
    const ws = warningsOf(f.with('x2', f.column('x')));
    const ranks = ws.map((w) => ({ high: 3, medium: 2, low: 1 })[w.severity]);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
  });
});

/** Rows of a then rows of b (same columns). */
function concat(a: Frame, b: Frame): Frame {
  const idx = [...Array(a.nRows).keys()];
  const both = a.take([...idx, ...Array(b.nRows).fill(0)]);
  let out = both;
  for (const [name, c] of b.columns()) {
    const cells = [...a.toRecords().map((r) => r[name]), ...b.toRecords().map((r) => r[name])];
    out = out.with(
      name,
      c.kind === 'number'
        ? col.number(cells as (number | null)[])
        : c.kind === 'category'
          ? col.category(cells as (string | null)[])
          : c.kind === 'datetime'
            ? col.datetime(cells as (string | null)[])
            : c.kind === 'boolean'
              ? col.boolean(cells as (boolean | null)[])
              : col.text(cells as (string | null)[]),
    );
  }
  return out;
}

import { describe, expect, it } from 'vitest';
import { InputError } from '../../util/errors.js';
import { Rng } from '../../util/random.js';
import { col, Frame } from '../frame.js';
import { profileFrame } from './profile-frame.js';

function frame(n = 1000, seed = 1): Frame {
  const rng = new Rng(seed);
  const x = Array.from({ length: n }, () => rng.normal());
  return new Frame({
    x: col.number(x.map((v, i) => (i % 50 === 0 ? null : v))),
    y: col.number(x.map((v) => v * 0.5 + rng.normal())),
    w: col.number(x.map(() => rng.next())),
    kind: col.category(x.map((v) => (v > 0 ? 'up' : 'down'))),
    flag: col.boolean(x.map((v) => v > 1)),
    at: col.datetime(x.map((_, i) => Date.UTC(2024, 0, 1 + (i % 30)))),
    note: col.text(x.map((_, i) => (i % 3 === 0 ? null : `n${i % 7}`))),
  });
}

/** Whether a value, once through JSON, comes back equal (no NaN, no typed arrays, no undefined in arrays). */
function jsonSafe(v: unknown): boolean {
  return (
    JSON.stringify(JSON.parse(JSON.stringify(v))) === JSON.stringify(v) && !JSON.stringify(v).includes('NaN')
  );
}

describe('profileFrame', () => {
  it('returns plain JSON: no NaN, typed arrays or undefined holes', () => {
    const p = profileFrame(frame(), { target: 'kind' });
    expect(jsonSafe(p)).toBe(true);
    expect(JSON.stringify(p)).not.toMatch(/"\d+":/); // a typed array would serialize as an object of indices
    expect(p.format).toBe('cairn.profile');
  });

  it('at level summary holds what describe() gives, and no more', () => {
    const f = frame();
    const s = profileFrame(f, { level: 'summary', target: 'kind' });
    const x = s.columns.find((c) => c.name === 'x')!;
    expect(x.distinct).toBeNull();
    expect(x.numeric!.histogram).toBeNull();
    expect(x.numeric!.outliers).toBeNull();
    expect(s.correlations).toBeNull();
    expect(s.duplicateRows).toBeNull();
    expect(s.target!.associations).toEqual([]);
    expect(s.target!.classes!.map((c) => c.label).sort()).toEqual(['down', 'up']);
    // the statistics it has are the full level's
    const full = profileFrame(f, { target: 'kind' });
    const fx = full.columns.find((c) => c.name === 'x')!;
    expect(x.numeric!.quantiles).toEqual(fx.numeric!.quantiles);
    expect([x.numeric!.mean, x.numeric!.std]).toEqual([fx.numeric!.mean, fx.numeric!.std]);
    expect(s.columns.find((c) => c.name === 'kind')!.top).toEqual(
      full.columns.find((c) => c.name === 'kind')!.top,
    );
  });

  it('samples rows for the rank measures only, says so, and is deterministic per seed', () => {
    const f = frame(5000);
    const all = profileFrame(f, { target: 'flag' });
    const a = profileFrame(f, { target: 'flag', sampleRows: 1000, seed: 3 });
    const b = profileFrame(f, { target: 'flag', sampleRows: 1000, seed: 3 });
    expect(a).toEqual(b);
    expect(all.sample).toBeNull();
    expect(a.sample).toEqual({ rows: 1000, of: 5000, seed: 3, usedFor: ['spearman', 'auc'] });
    // exact parts are untouched by the sample
    expect(a.correlations!.pearson).toEqual(all.correlations!.pearson);
    expect(a.columns).toEqual(all.columns);
    // and the sampled ones close to the exact ones
    const rho = (p: typeof a) => p.correlations!.spearman.values[0][1]!;
    expect(Math.abs(rho(a) - rho(all))).toBeLessThan(0.1);
    expect(a.correlations!.spearman.values[0][1]).not.toBe(all.correlations!.spearman.values[0][1]);
  });

  it('leaves id, ignore and weight columns out of correlations and associations', () => {
    const p = profileFrame(frame(), { target: 'y', roles: { w: 'weight', kind: 'ignore', flag: 'id' } });
    expect(p.correlations!.pearson.columns).toEqual(['x', 'y']);
    expect(p.correlations!.cramersV.columns).toEqual([]);
    expect(p.target!.associations.map((a) => a.column).sort()).toEqual(['at', 'x']);
    expect(p.columns.map((c) => c.role)).toEqual([
      'feature',
      'target',
      'weight',
      'ignore',
      'id',
      'feature',
      'feature',
    ]);
  });

  it('refuses bad options with an InputError naming the field or column', () => {
    const f = frame(10);
    const bad: [object, RegExp, object][] = [
      [{ target: 'nope' }, /target 'nope' is not a column/, { column: 'nope', field: 'target' }],
      [{ roles: { nope: 'id' } }, /roles: 'nope' is not a column/, { column: 'nope' }],
      [{ roles: { x: 'boss' } }, /role 'boss'/, { column: 'x', field: 'roles' }],
      [{ target: 'x', roles: { y: 'target' } }, /give one target/, { column: 'y' }],
      [{ level: 'deep' }, /level must be/, { field: 'level' }],
      [{ quantiles: [0.5, 2] }, /quantiles.1 must be a number between 0 and 1/, { field: 'quantiles.1' }],
      [{ sampleRows: 1.5 }, /sampleRows must be a whole number/, { field: 'sampleRows' }],
      [{ bins: 0 }, /bins must be/, { field: 'bins' }],
      [{ thresholds: { leak: 1 } }, /thresholds.leak is not a threshold/, { field: 'thresholds.leak' }],
      [{ thresholds: { leakage: -1 } }, /thresholds.leakage must be a number >= 0/, {}],
    ];
    for (const [options, message, details] of bad) {
      let error: unknown;
      try {
        profileFrame(f, options);
      } catch (e) {
        error = e;
      }
      expect(error, JSON.stringify(options)).toBeInstanceOf(InputError);
      expect((error as InputError).message).toMatch(message);
      expect((error as InputError).details).toMatchObject(details);
    }
  });

  it('refuses a test frame whose shared column has another kind', () => {
    const f = frame(10);
    const test = new Frame({ x: col.category(Array(10).fill('a')) });
    expect(() => profileFrame(f, { test })).toThrow(
      /column 'x' is number in the data but category in the test data/,
    );
    expect(() => profileFrame(f, { test: new Frame({ other: col.number([1]) }) })).toThrow(InputError);
  });

  it('profiles an empty frame', () => {
    const p = profileFrame(new Frame({ a: col.number([]), b: col.category([]) }), { target: 'b' });
    expect(p.rows).toBe(0);
    expect(p.columns.map((c) => [c.count, c.missingShare, c.constant])).toEqual([
      [0, 0, true],
      [0, 0, true],
    ]);
    expect(p.warnings).toEqual([]);
    expect(jsonSafe(p)).toBe(true);
  });
});

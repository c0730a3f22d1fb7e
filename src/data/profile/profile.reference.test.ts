import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDataEngine } from '../duckdb-engine.js';
import { col, type Frame } from '../frame.js';
import { loadFrame } from '../load.js';
import { profileFrame } from './profile-frame.js';
import type { ColumnProfile, DataProfile } from './types.js';

/** Reference values written by fixtures/make_fixtures.py (pandas 1.5, numpy 1.24, scipy 1.10). */
interface NumberRef {
  count: number;
  missing: number;
  distinct: number;
  mean: number | null;
  std: number | null;
  min: number | null;
  max: number | null;
  describe: Record<'25%' | '50%' | '75%', number | null>;
  quantiles: (number | null)[];
  histogram: { edges: number[]; counts: number[] };
  iqr: { low: number; high: number; below: number; above: number };
  zscore: { low: number; high: number; below: number; above: number };
  zeros: number;
}
interface LabelRef {
  count: number;
  missing: number;
  distinct: number;
  top: [string, number][];
}
interface Fixture {
  source: string;
  levels: number[];
  bins: number;
  datetimes: string[];
  texts: string[];
  rows: number;
  columns: Record<string, NumberRef | LabelRef>;
  numbers: string[];
  pearson: (number | null)[][];
  spearman: (number | null)[][];
  categories: string[];
  cramersV: (number | null)[][];
  duplicated: number;
  target: string;
  binaryTarget: boolean;
  associations: Record<
    string,
    { pearson?: number; spearman?: number; cramersV?: number; correlationRatio?: number; auc?: number }
  >;
}

function fixture(name: string): Fixture {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8'));
}

const REPO = fileURLToPath(new URL('../../..', import.meta.url));

/** Within 1e-9, relative to the value's size when it is larger than 1 (datetimes are ~1e11 ms). */
function close(actual: number | null | undefined, expected: number | null | undefined, what: string) {
  if (expected === null || expected === undefined) {
    expect(actual ?? null, what).toBeNull();
    return;
  }
  expect(actual, what).not.toBeNull();
  expect(Math.abs((actual as number) - expected), what).toBeLessThanOrEqual(
    1e-9 * Math.max(1, Math.abs(expected)),
  );
}

function closeMatrix(
  actual: readonly (readonly (number | null)[])[],
  expected: (number | null)[][],
  what: string,
) {
  expect(actual.length, what).toBe(expected.length);
  expected.forEach((row, i) => {
    row.forEach((v, j) => {
      close(actual[i][j], v, `${what}[${i}][${j}]`);
    });
  });
}

const CASES = ['penguins', 'cars', 'breast_cancer'] as const;

describe.each(CASES)('profileFrame on %s matches pandas, numpy, scipy and scikit-learn', (name) => {
  const ref = fixture(name);
  let frame: Frame;
  let profile: DataProfile;

  beforeAll(async () => {
    frame = await loadFrame(`${REPO}/${ref.source}`);
    if (ref.binaryTarget) {
      // a 0/1 number column read as the classes '0' and '1', as the fixture script reads it
      const y = frame.columnOf(ref.target, 'number').values;
      frame = frame.with(ref.target, col.category(Array.from(y, (v) => String(v))));
    }
    profile = profileFrame(frame, { target: ref.target, quantiles: ref.levels, bins: ref.bins });
  });

  const byName = (c: string): ColumnProfile => profile.columns.find((p) => p.name === c)!;

  it('counts values, missing values and distinct values per column', () => {
    expect(profile.rows).toBe(ref.rows);
    for (const [c, r] of Object.entries(ref.columns)) {
      const p = byName(c);
      expect([p.count, p.missing, p.distinct], c).toEqual([r.count, r.missing, r.distinct]);
    }
  });

  it('has the describe() statistics, quantiles, histograms, outliers of numbers and datetimes', () => {
    for (const [c, r] of Object.entries(ref.columns)) {
      if (!('mean' in r)) continue;
      const s = byName(c).numeric!;
      for (const k of ['mean', 'std', 'min', 'max'] as const) close(s[k], r[k], `${c}.${k}`);
      s.quantiles.forEach((q, i) => {
        expect(q.q).toBe(ref.levels[i]);
        close(q.value, r.quantiles[i], `${c} quantile ${q.q}`);
      });
      for (const [label, q] of [
        ['25%', 0.25],
        ['50%', 0.5],
        ['75%', 0.75],
      ] as const)
        close(s.quantiles.find((x) => x.q === q)!.value, r.describe[label], `${c} describe ${label}`);
      expect(s.histogram!.counts, `${c} histogram`).toEqual(r.histogram.counts);
      s.histogram!.edges.forEach((e, i) => {
        close(e, r.histogram.edges[i], `${c} edge ${i}`);
      });
      const { iqr, zscore } = s.outliers!;
      for (const [ours, theirs, rule] of [
        [iqr, r.iqr, 'iqr'],
        [zscore, r.zscore, 'zscore'],
      ] as const) {
        close(ours.low, theirs.low, `${c} ${rule} low`);
        close(ours.high, theirs.high, `${c} ${rule} high`);
        expect([ours.below, ours.above], `${c} ${rule}`).toEqual([theirs.below, theirs.above]);
      }
      if (!ref.datetimes.includes(c)) expect(s.zeros, `${c} zeros`).toBe(r.zeros);
    }
  });

  it('has the most frequent labels with their counts (value_counts)', () => {
    for (const [c, r] of Object.entries(ref.columns)) {
      if (!('top' in r)) continue;
      const top = byName(c).top!;
      const counts = new Map(r.top);
      const expectedCounts = r.top.map(([, n]) => n).slice(0, top.values.length);
      expect(
        top.values.map((v) => v.count),
        c,
      ).toEqual(expectedCounts);
      for (const v of top.values) expect(counts.get(v.label), `${c} '${v.label}'`).toBe(v.count);
      expect(top.values.reduce((s, v) => s + v.count, 0) + top.other).toBe(r.count);
    }
  });

  it('has pandas corr() for Pearson and Spearman, and scipy’s Cramér’s V', () => {
    const corr = profile.correlations!;
    expect(corr.pearson.columns).toEqual(ref.numbers);
    closeMatrix(corr.pearson.values, ref.pearson, 'pearson');
    expect(corr.spearman.columns).toEqual(ref.numbers);
    closeMatrix(corr.spearman.values, ref.spearman, 'spearman');
    expect(corr.cramersV.columns).toEqual(ref.categories);
    closeMatrix(corr.cramersV.values, ref.cramersV, 'cramersV');
    expect(profile.sample).toBeNull();
  });

  it('counts duplicated rows as pandas duplicated() does', () => {
    expect(profile.duplicateRows!.count).toBe(ref.duplicated);
  });

  it('measures each feature against the target', () => {
    const assoc = new Map(profile.target!.associations.map((a) => [a.column, a]));
    for (const [c, r] of Object.entries(ref.associations)) {
      const a = assoc.get(c);
      expect(a, c).toBeDefined();
      for (const [k, v] of Object.entries(r)) close(a![k as keyof typeof r], v, `${c}.${k}`);
    }
    expect(assoc.size).toBe(Object.keys(ref.associations).length);
  });
});

afterAll(async () => {
  await closeDataEngine();
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { profileColumn } from '../reference-profile.js';
import { binCounts } from './bins.js';
import { chi2Contingency } from './chi2-contingency.js';
import { chi2Sf } from './gamma.js';
import { jensenShannonDistance } from './jensen-shannon.js';
import { kolmogorovSf } from './kolmogorov.js';
import { ks2samp } from './ks-2samp.js';
import { outerProbInsideMethod } from './ks-exact.js';
import { psi } from './psi.js';
import { smirnovSf } from './smirnov.js';
import { close, type GeneratedSample, sample } from './testing.js';
import { normalizedWasserstein, wasserstein1 } from './wasserstein.js';

/** SciPy 1.10.1 values from fixtures/make_fixtures.py: every statistic and p-value within 1e-9, relative. */
type Spec = number[] | GeneratedSample;
interface Fixtures {
  ks2samp: { name: string; a: Spec; b: Spec; statistic: number; pvalue: number }[];
  kstwoSf: [number, number, number][];
  smirnov: [number, number, number][];
  insideMethod: [number, number, number, number, number][];
  chi2Sf: [number, number, number][];
  chi2Contingency: {
    name: string;
    table: number[][];
    statistic: number;
    pvalue: number;
    dof: number;
    statisticNoCorrection: number;
    pvalueNoCorrection: number;
  }[];
  psi: {
    name: string;
    reference?: number[];
    current?: number[];
    edges?: number[];
    referenceCounts: number[];
    currentCounts: number[];
    psi: number;
  }[];
  wasserstein: { name: string; a: Spec; b: Spec; distance: number; normalized: number }[];
  jensenShannon: { name: string; p: number[]; q: number[]; distance: number }[];
}
const fx: Fixtures = JSON.parse(readFileSync(new URL('./fixtures/drift.json', import.meta.url), 'utf8'));

function expectClose(actual: number, expected: number, what: string, rel = 1e-9) {
  expect(close(actual, expected, rel), `${what}: got ${actual}, SciPy ${expected}`).toBe(true);
}

describe('drift statistics match SciPy 1.10.1', () => {
  for (const c of fx.ks2samp)
    it(`ks_2samp: ${c.name}`, () => {
      const r = ks2samp(sample(c.a), sample(c.b));
      expectClose(r.statistic, c.statistic, 'statistic');
      expectClose(r.pValue, c.pvalue, 'p-value');
    });

  it('kstwo.sf over every regime of the finite-n Kolmogorov distribution', () => {
    for (const [n, x, sf] of fx.kstwoSf) expectClose(kolmogorovSf(n, x), sf, `kstwo.sf(${x}, ${n})`);
  });

  it('special.smirnov', () => {
    for (const [n, x, sf] of fx.smirnov) expectClose(smirnovSf(n, x), sf, `smirnov(${n}, ${x})`);
  });

  it('the exact lattice-path count for unequal sizes', () => {
    for (const [m, n, g, h, p] of fx.insideMethod)
      expectClose(outerProbInsideMethod(m, n, g, h), p, `inside(${m}, ${n}, ${g}, ${h})`);
  });

  it('chi2.sf', () => {
    for (const [x, k, sf] of fx.chi2Sf) expectClose(chi2Sf(x, k), sf, `chi2.sf(${x}, ${k})`);
  });

  for (const c of fx.chi2Contingency)
    it(`chi2_contingency: ${c.name}`, () => {
      const flat = c.table.flat();
      const rows = c.table.length;
      const cols = c.table[0].length;
      const r = chi2Contingency(flat, rows, cols);
      expectClose(r.statistic, c.statistic, 'statistic');
      expectClose(r.pValue, c.pvalue, 'p-value');
      expect(r.dof).toBe(c.dof);
      const raw = chi2Contingency(flat, rows, cols, false);
      expectClose(raw.statistic, c.statisticNoCorrection, 'statistic without correction');
      expectClose(raw.pValue, c.pvalueNoCorrection, 'p-value without correction');
    });

  for (const c of fx.psi)
    it(`PSI against the reference implementation: ${c.name}`, () => {
      if (c.reference && c.current && c.edges) {
        // the reference decile edges as the model's profile builds them, and the current counts in them
        const profile = profileColumn({ kind: 'number', values: Float64Array.from(c.reference) });
        if (profile.kind !== 'number') throw new Error('expected a number profile');
        // numpy interpolates quantiles in another order: the edges agree to rounding
        expect(profile.edges.length).toBe(c.edges.length);
        for (let i = 0; i < c.edges.length; i++)
          expectClose(profile.edges[i], c.edges[i], `edge ${i}`, 1e-12);
        expect(Array.from(profile.counts)).toEqual(c.referenceCounts);
        expect(Array.from(binCounts(profile.edges, Float64Array.from(c.current)))).toEqual(c.currentCounts);
      }
      expectClose(psi(c.referenceCounts, c.currentCounts), c.psi, 'psi');
    });

  for (const c of fx.wasserstein)
    it(`wasserstein_distance: ${c.name}`, () => {
      expectClose(wasserstein1(sample(c.a), sample(c.b)), c.distance, 'distance');
      expectClose(normalizedWasserstein(sample(c.a), sample(c.b)), c.normalized, 'normalized');
    });

  for (const c of fx.jensenShannon)
    it(`jensenshannon: ${c.name}`, () => {
      expectClose(jensenShannonDistance(c.p, c.q), c.distance, 'distance');
    });
});

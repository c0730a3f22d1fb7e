import { describe, expect, it } from 'vitest';
import { InputError } from '../../util/errors.js';
import { chi2Contingency } from './chi2-contingency.js';
import { chi2Sf, gammaP, gammaQ, logGamma } from './gamma.js';
import { jensenShannonDistance } from './jensen-shannon.js';
import { kolmogorovCdf, kolmogorovSf } from './kolmogorov.js';
import { ks2samp } from './ks-2samp.js';
import { psi } from './psi.js';
import { normalizedWasserstein, wasserstein1 } from './wasserstein.js';

/** A deterministic, roughly normal sample: sums of three uniform grids. */
function bell(n: number, shift = 0, seed = 1): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const u = (((i * 7919 + seed * 31) % 1009) + ((i * 104729 + seed) % 997) + ((i * 15485863) % 991)) / 1000;
    out[i] = u - 1.5 + shift;
  }
  return out;
}

describe('Kolmogorov-Smirnov', () => {
  it('finds no drift between a sample and itself, and clear drift after a shift', () => {
    const a = bell(800);
    expect(ks2samp(a, a)).toEqual({ statistic: 0, pValue: 1, method: 'exact' });
    expect(ks2samp(a, bell(600, 0, 7)).pValue).toBeGreaterThan(0.05);
    expect(ks2samp(a, bell(600, 0.3, 7)).pValue).toBeLessThan(1e-6);
  });

  it('uses the exact distribution up to 10,000 values and the asymptotic one above', () => {
    expect(ks2samp(bell(10_000), bell(50)).method).toBe('exact');
    expect(ks2samp(bell(10_001), bell(50)).method).toBe('asymp');
    expect(ks2samp(bell(200), bell(300), 'asymp').method).toBe('asymp');
  });

  it('is symmetric in its samples', () => {
    const a = bell(120, 0, 3);
    const b = bell(75, 0.2, 5);
    expect(ks2samp(a, b)).toEqual(ks2samp(b, a));
  });

  it('refuses empty samples and NaN, naming which', () => {
    expect(() => ks2samp([], [1])).toThrow(/first sample is empty/);
    expect(() => ks2samp([1, Number.NaN], [1])).toThrow(InputError);
  });

  // SciPy (and so Cairn) takes the sf and the cdf from different methods in the upper tail (Smirnov's
  // sum against the Pelz-Good series), so they add up to 1 only within the series' accuracy.
  it('its distribution is a distribution: cdf + sf = 1, monotone in x', () => {
    for (const n of [3, 50, 400, 20_000]) {
      let last = 1;
      for (let x = 0.001; x < 1; x += 0.007) {
        const sf = kolmogorovSf(n, x);
        expect(sf + kolmogorovCdf(n, x)).toBeCloseTo(1, 6);
        expect(sf).toBeLessThanOrEqual(last + 1e-12);
        last = sf;
      }
    }
  });
});

describe('chi-square', () => {
  it('gives p = 1 for proportional rows and a small p for different ones', () => {
    expect(chi2Contingency([10, 20, 30, 20, 40, 60], 2, 3).pValue).toBeCloseTo(1, 12);
    expect(chi2Contingency([100, 20, 30, 20, 40, 160], 2, 3).pValue).toBeLessThan(1e-10);
  });

  it('refuses a zero margin and negative counts', () => {
    expect(() => chi2Contingency([0, 5, 0, 6], 2, 2)).toThrow(/expected count at \(0, 0\) is zero/);
    expect(() => chi2Contingency([-1, 5, 2, 6], 2, 2)).toThrow(/>= 0/);
    expect(() => chi2Contingency([1, 2, 3], 2, 2)).toThrow(/needs 4 counts/);
  });

  it('the incomplete gamma functions are complementary and match known values', () => {
    for (const a of [0.5, 1, 2.5, 10, 49.5, 300])
      for (const x of [0.01, 1, a, 2 * a + 3]) expect(gammaP(a, x) + gammaQ(a, x)).toBeCloseTo(1, 13);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 14);
    expect(logGamma(11)).toBeCloseTo(Math.log(3628800), 13);
    expect(chi2Sf(3.841458820694124, 1)).toBeCloseTo(0.05, 14);
    expect(chi2Sf(0, 3)).toBe(1);
  });
});

describe('PSI', () => {
  it('is 0 for equal shares, grows with the shift, and is finite with empty bins', () => {
    expect(psi([10, 20, 30], [20, 40, 60])).toBeCloseTo(0, 15);
    const small = psi([100, 100, 100], [90, 110, 100]);
    const large = psi([100, 100, 100], [30, 70, 200]);
    expect(small).toBeGreaterThan(0);
    expect(large).toBeGreaterThan(small);
    expect(Number.isFinite(psi([100, 0], [0, 100]))).toBe(true);
  });

  it('refuses mismatched bins and empty distributions', () => {
    expect(() => psi([1, 2], [1, 2, 3])).toThrow(/2 reference bins but 3/);
    expect(() => psi([0, 0], [1, 2])).toThrow(InputError);
  });
});

describe('Wasserstein and Jensen-Shannon', () => {
  it('Wasserstein of a shifted sample is the shift; normalized, it is in standard deviations', () => {
    const a = bell(500);
    expect(wasserstein1(a, a)).toBe(0);
    const shifted = a.map((v) => v + 0.25);
    expect(wasserstein1(a, shifted)).toBeCloseTo(0.25, 12);
    expect(normalizedWasserstein(a, shifted, 0.5)).toBeCloseTo(0.5, 12);
    // a constant reference does not divide by zero
    expect(normalizedWasserstein([1, 1, 1], [1, 1, 2])).toBeCloseTo(1 / 3 / 0.001, 9);
  });

  it('Jensen-Shannon is 0 for equal distributions, symmetric, and at most sqrt(ln 2)', () => {
    expect(jensenShannonDistance([1, 2, 3], [2, 4, 6])).toBe(0);
    const p = [5, 1, 0, 4];
    const q = [1, 3, 6, 0];
    expect(jensenShannonDistance(p, q)).toBeCloseTo(jensenShannonDistance(q, p), 15);
    expect(jensenShannonDistance([1, 0], [0, 1])).toBeCloseTo(Math.sqrt(Math.LN2), 15);
    expect(() => jensenShannonDistance([0, 0], [1, 1])).toThrow(/sums to 0/);
  });
});

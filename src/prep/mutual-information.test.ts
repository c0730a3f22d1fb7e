import { describe, expect, it } from 'vitest';
import { InputError } from '../util/errors.js';
import { Rng } from '../util/random.js';
import { mutualInformation } from './mutual-information.js';
import { discreteMI } from './mutual-information-estimators.js';

const n = 600;
const rng = new Rng(3);
const x = Float64Array.from({ length: n }, () => rng.normal());
const noise = Float64Array.from({ length: n }, () => rng.normal());
const independent = Float64Array.from({ length: n }, () => rng.normal());

describe('mutualInformation', () => {
  it('is near the Gaussian value -log(1 - rho^2)/2 for correlated normals, near 0 for independent ones', () => {
    // y = x + noise: rho^2 = 1/2, MI = ln(2)/2
    const y = Float64Array.from(x, (v, i) => v + noise[i]);
    const [dep, ind] = mutualInformation([x, independent], y);
    expect(dep).toBeCloseTo(Math.log(2) / 2, 1);
    expect(ind).toBeLessThan(0.03);
  });
  it('sees a non-linear relation that a correlation misses', () => {
    const y = Float64Array.from(x, (v, i) => v * v + 0.1 * noise[i]);
    expect(mutualInformation([x], y)[0]).toBeGreaterThan(0.5);
  });
  it('scores a continuous feature against classes, and discrete features', () => {
    const classes = Float64Array.from(x, (v) => (v > 0 ? 1 : 0));
    const [c, d] = mutualInformation([x, classes], classes, {
      discreteTarget: true,
      discreteFeatures: [false, true],
    });
    expect(c).toBeGreaterThan(0.4);
    // a discrete feature equal to a balanced binary target holds its entropy, up to ln 2
    expect(d).toBeCloseTo(discreteMI(classes, classes), 12);
    expect(d).toBeGreaterThan(0.65);
  });
  it('gives the same estimates for the same seed', () => {
    const y = Float64Array.from(x, (v, i) => v + noise[i]);
    expect(mutualInformation([x], y, { seed: 5 })).toEqual(mutualInformation([x], y, { seed: 5 }));
  });
  it('refuses missing values and mismatched lengths clearly', () => {
    const bad = Float64Array.from(x);
    bad[7] = Number.NaN;
    expect(() => mutualInformation([bad], x)).toThrow(/row 7/);
    expect(() => mutualInformation([x.subarray(1)], x)).toThrow(InputError);
    expect(() => mutualInformation([x], x, { nNeighbors: 0 })).toThrow(InputError);
    expect(() => mutualInformation([x], x, { discreteFeatures: [true, false] })).toThrow(InputError);
  });
});

describe('discreteMI', () => {
  it("is scikit-learn's mutual_info_score", () => {
    // sklearn.metrics.mutual_info_score([0, 0, 1, 1, 2, 2], [0, 0, 1, 1, 1, 0]) = 0.4620981203732969
    const a = Float64Array.from([0, 0, 1, 1, 2, 2]);
    const b = Float64Array.from([0, 0, 1, 1, 1, 0]);
    expect(discreteMI(a, b)).toBeCloseTo(0.4620981203732969, 15);
    expect(discreteMI(a, Float64Array.from([1, 1, 1, 1, 1, 1]))).toBe(0);
  });
});

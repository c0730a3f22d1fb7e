import { describe, expect, it } from 'vitest';
import { bracketMinimum, brentMinimize } from './brent.js';

// scipy.optimize.brent(f, brack=(-2, 2), full_output=True) with SciPy 1.10.1: x, f(x), iterations, evaluations
const SCIPY: [string, (x: number) => number, number, number, number, number][] = [
  ['(x - 1.3)^2', (x) => (x - 1.3) ** 2, 1.3, 0, 5, 8],
  // products, not powers: libm's pow and V8's differ in the last bit, which moves a flat minimum
  [
    'x^4 - 3x^3 + 2',
    (x) => x * x * x * x - 3 * x * x * x + 2,
    2.2500000300788177,
    -6.5429687499999964,
    14,
    17,
  ],
  [
    '(x^2 - 2)^2 + x / 10',
    (x) => (x * x - 2) * (x * x - 2) + 0.1 * x,
    -1.420422611505662,
    -0.1417324872366749,
    12,
    15,
  ],
  ['cosh(x - 7.5)', (x) => Math.cosh(x - 7.5), 7.500000000044148, 1, 9, 14],
  ['|x + 0.25|', (x) => Math.abs(x + 0.25), -0.2500000005325064, 5.325063723304879e-10, 32, 35],
];

describe('brentMinimize follows SciPy step for step', () => {
  it.each(SCIPY)('%s', (_, f, x, fx, iterations, evaluations) => {
    const r = brentMinimize(f, -2, 2);
    expect(r.x).toBe(x);
    expect(r.fx).toBe(fx);
    expect(r.iterations).toBe(iterations);
    expect(r.evaluations).toBe(evaluations);
  });
  it('brackets downhill beyond the starting points like scipy.optimize.bracket', () => {
    // scipy: (2, 8.472135999999999, 18.944272100623998) after 5 evaluations
    const b = bracketMinimum((x) => Math.cosh(x - 7.5), -2, 2);
    expect([b.xa, b.xb, b.xc, b.evaluations]).toEqual([2, 8.472135999999999, 18.944272100623998, 5]);
  });
});

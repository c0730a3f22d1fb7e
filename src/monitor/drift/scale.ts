/** Helpers for computations that carry a separate power-of-two exponent to dodge over/underflow. */

export const E128 = 128;
export const EP128 = 2 ** 128;
export const EM128 = 2 ** -128;

/** x * 2^e without overflowing the factor itself (C's ldexp). */
export function ldexp(x: number, e: number): number {
  let v = x;
  let k = e;
  while (k > 1000) {
    v *= 2 ** 1000;
    k -= 1000;
  }
  while (k < -1000) {
    v *= 2 ** -1000;
    k += 1000;
  }
  return v * 2 ** k;
}

/** Clips a probability into [0, 1] (NaN stays NaN). */
export function clipProb(p: number): number {
  return Number.isNaN(p) ? p : Math.min(1, Math.max(0, p));
}

/** numpy's round: halves go to the even neighbour. */
export function roundHalfEven(x: number): number {
  const f = Math.floor(x);
  const diff = x - f;
  if (diff < 0.5) return f;
  if (diff > 0.5) return f + 1;
  return f % 2 === 0 ? f : f + 1;
}

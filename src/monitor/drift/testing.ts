/** Fixture helpers shared by the drift tests: the large-sample recipe of fixtures/make_fixtures.py. */

export interface GeneratedSample {
  readonly n: number;
  readonly a: number;
  readonly c: number;
  readonly m: number;
  readonly scale?: number;
  readonly shift?: number;
  readonly power?: number;
  readonly digits?: number;
}

/** Value i is ((a i + c) mod m) / m, to `power`, times scale plus shift, optionally rounded. */
export function generated(s: GeneratedSample): Float64Array {
  const out = new Float64Array(s.n);
  for (let i = 0; i < s.n; i++) {
    const u = ((s.a * i + s.c) % s.m) / s.m;
    let v = (s.power && s.power !== 1 ? u ** s.power : u) * (s.scale ?? 1) + (s.shift ?? 0);
    if (s.digits !== undefined) v = pyRound(v * 10 ** s.digits) / 10 ** s.digits;
    out[i] = v;
  }
  return out;
}

export function sample(spec: readonly number[] | GeneratedSample): Float64Array {
  return Array.isArray(spec) ? Float64Array.from(spec) : generated(spec as GeneratedSample);
}

/** Python's round(): halves to even. */
function pyRound(x: number): number {
  const f = Math.floor(x);
  const d = x - f;
  return d < 0.5 ? f : d > 0.5 ? f + 1 : f % 2 === 0 ? f : f + 1;
}

/** Relative agreement within `rel`, or absolute within `abs` (for values at or near zero). */
export function close(actual: number, expected: number, rel = 1e-9, abs = 1e-300): boolean {
  if (Number.isNaN(expected)) return Number.isNaN(actual);
  return Math.abs(actual - expected) <= Math.max(rel * Math.abs(expected), abs);
}

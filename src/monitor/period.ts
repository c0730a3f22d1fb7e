import { InputError } from '../util/errors.js';

/** A bucket length for metrics over time: a name or a length like '6h', '2d', '1w' (or ms). */
export type Period = 'hour' | 'day' | 'week' | string | number;

export const PERIOD_MS = { hour: 3_600_000, day: 86_400_000, week: 604_800_000 } as const;
const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** The period's length in ms with a name to show; buckets start at multiples of it from the epoch (UTC). */
export function resolvePeriod(p: Period = 'day'): { name: string; ms: number } {
  if (typeof p === 'number') {
    if (!(Number.isFinite(p) && p >= 1000))
      throw new InputError('bad_period', `the period must be at least 1000 ms, got ${p}`, {
        field: 'period',
      });
    return { name: `${p}ms`, ms: p };
  }
  if (p in PERIOD_MS) return { name: p, ms: PERIOD_MS[p as keyof typeof PERIOD_MS] };
  const m = /^(\d+)([smhdw])$/.exec(p.trim());
  if (!m || Number(m[1]) === 0 || Number(m[1]) * UNIT_MS[m[2]] < 1000)
    throw new InputError(
      'bad_period',
      `the period must be hour, day, week or a length like 6h, 2d, 1w (units s, m, h, d, w), got '${p}'`,
      { field: 'period' },
    );
  return { name: p.trim(), ms: Number(m[1]) * UNIT_MS[m[2]] };
}

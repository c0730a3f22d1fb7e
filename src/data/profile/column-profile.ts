import type { Column } from '../frame.js';
import type { ColumnRole } from '../schema.js';
import { labelCounts, textLengths, topValues } from './label-stats.js';
import { numberStats } from './number-stats.js';
import type { ResolvedOptions } from './options.js';
import type { ColumnProfile } from './types.js';

/** One column's profile: counts, then by kind the numeric statistics or the most frequent values. */
export function profileColumn(name: string, c: Column, role: ColumnRole, o: ResolvedOptions): ColumnProfile {
  const rows = c.values.length;
  if (c.kind === 'number' || c.kind === 'datetime') {
    const s = numberStats(c.values, {
      quantiles: o.quantiles,
      full: o.level === 'full',
      bins: o.bins,
      iqrK: o.iqrK,
      zThreshold: o.zThreshold,
      zeros: c.kind === 'number',
    });
    const missing = rows - s.count;
    return {
      name,
      kind: c.kind,
      role,
      count: s.count,
      missing,
      missingShare: rows > 0 ? missing / rows : 0,
      distinct: s.distinct,
      constant: s.distinct !== null ? s.distinct <= 1 : s.count === 0 || s.stats.min === s.stats.max,
      numeric: s.stats,
    };
  }
  const lc = labelCounts(c);
  const count = rows - lc.missing;
  return {
    name,
    kind: c.kind,
    role,
    count,
    missing: lc.missing,
    missingShare: rows > 0 ? lc.missing / rows : 0,
    distinct: lc.labels.length,
    constant: lc.labels.length <= 1,
    top: topValues(lc, o.topValues),
    ...(c.kind === 'text' ? { length: textLengths(c) } : {}),
  };
}

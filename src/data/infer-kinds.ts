import type { TypeClass } from './duck-types.js';
import type { ColumnKind } from './frame.js';

/**
 * What inference knows about a column of strings, counted over all its rows (`loadFrame`) or over a
 * leading sample (`scanFrames`).
 */
export interface StringEvidence {
  /** Values that are not missing. */
  readonly nonNull: number;
  /** Distinct non-missing values. */
  readonly distinct: number;
  /** Longest value, in characters. */
  readonly maxLength: number;
  /** Values that read `true` or `false` in any letter case. */
  readonly booleanLike: number;
  /** Values that look like ISO 8601 dates or date-times and parse as one. */
  readonly isoLike: number;
}

/**
 * When strings make a category: short labels (longest at most `maxLength` characters) that repeat,
 * having at most `maxDistinct` distinct values or at most `maxDistinctFraction` of the non-missing
 * rows. `datasets/penguins.csv` species (3 of 344) is a category; `cars.csv` name (312 of 406) is text.
 */
export const CATEGORY_RULE = {
  maxDistinct: 50,
  maxDistinctFraction: 0.05,
  maxLength: 100,
} as const;

/** ISO 8601 date or date-time, optionally with fractional seconds and a zone: what `isoLike` counts. */
export const ISO_DATETIME_PATTERN =
  '^\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?)?(Z|[+-]\\d{2}(:?\\d{2})?)?$';

/**
 * The kind of a column from its DuckDB type class and, for strings, the evidence:
 * - numbers are 'number'; DuckDB BOOLEAN is 'boolean'; DATE and TIMESTAMP (which DuckDB also gives
 *   to ISO-looking CSV and JSON strings it sniffs) are 'datetime', in epoch milliseconds UTC;
 * - strings that are all missing are 'number' (all NaN), as pandas reads them;
 * - strings that are all `true`/`false` are 'boolean'; all ISO dates/date-times are 'datetime';
 * - short repeating strings are 'category' (see `CATEGORY_RULE`); all other strings are 'text'.
 */
export function inferKind(cls: TypeClass, evidence?: StringEvidence): ColumnKind {
  switch (cls) {
    case 'numeric':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'temporal':
      return 'datetime';
    case 'string':
      return evidence ? inferStringKind(evidence) : 'text';
  }
}

function inferStringKind(e: StringEvidence): ColumnKind {
  if (e.nonNull === 0) return 'number';
  if (e.booleanLike === e.nonNull) return 'boolean';
  if (e.isoLike === e.nonNull) return 'datetime';
  const repeats =
    e.distinct <= CATEGORY_RULE.maxDistinct || e.distinct <= CATEGORY_RULE.maxDistinctFraction * e.nonNull;
  return repeats && e.maxLength <= CATEGORY_RULE.maxLength ? 'category' : 'text';
}

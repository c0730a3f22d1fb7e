import { InputError } from '../util/errors.js';
import type { TypeClass } from './duck-types.js';
import type { ColumnKind } from './frame.js';
import { quoteIdent, quoteString } from './sql-text.js';

/** One output column: its source name and DuckDB type class, and the kind it becomes. */
export interface ColumnPlan {
  readonly name: string;
  readonly cls: TypeClass;
  readonly kind: ColumnKind;
}

/** Texts (any letter case, trimmed) that a boolean override accepts. Inference only takes true/false. */
export const TRUE_WORDS = ['true', 't', 'yes', 'y', '1'] as const;
export const FALSE_WORDS = ['false', 'f', 'no', 'n', '0'] as const;

const words = (ws: readonly string[]) => ws.map(quoteString).join(', ');

/** What a value must be for each kind, for error messages. */
export const EXPECTED: Record<ColumnKind, string> = {
  number: 'a number',
  datetime: 'an ISO 8601 date or date-time',
  boolean: `one of ${[...TRUE_WORDS, ...FALSE_WORDS].join('/')}`,
  category: 'a label',
  text: 'text',
};

/**
 * A SQL predicate that holds for a value the kind cannot take (strings that are not numbers, and so
 * on), or undefined when every value converts. Throws when no value of this type class ever could.
 */
export function badValuePredicate(plan: ColumnPlan, where: string): string | undefined {
  const c = quoteIdent(plan.name);
  const { cls, kind } = plan;
  if (kind === 'category' || kind === 'text' || cls === kindClass(kind)) return undefined;
  if (kind === 'number')
    return cls === 'string' ? `${c} IS NOT NULL AND TRY_CAST(${c} AS DOUBLE) IS NULL` : undefined;
  if (kind === 'datetime' && cls === 'string')
    return `${c} IS NOT NULL AND TRY_CAST(${c} AS TIMESTAMPTZ) IS NULL`;
  if (kind === 'boolean' && cls === 'string')
    return `${c} IS NOT NULL AND lower(trim(${c})) NOT IN (${words(TRUE_WORDS)}, ${words(FALSE_WORDS)})`;
  if (kind === 'boolean' && cls === 'numeric') return `${c} IS NOT NULL AND ${c} NOT IN (0, 1)`;
  throw new InputError(
    'kind_override',
    `${where}: column '${plan.name}' holds ${cls === 'numeric' ? 'numbers' : cls === 'temporal' ? 'dates' : 'booleans'}; it cannot be read as ${kind} (${EXPECTED[kind]})`,
    { column: plan.name, kind },
  );
}

function kindClass(kind: ColumnKind): TypeClass | undefined {
  return kind === 'number'
    ? 'numeric'
    : kind === 'boolean'
      ? 'boolean'
      : kind === 'datetime'
        ? 'temporal'
        : undefined;
}

/**
 * The DuckDB type a CSV column is read as when its kind is given: the CSV reader then checks every
 * value and names the line of a bad one. Datetimes are left to the sniffer (which knows many date
 * formats) and checked afterwards: DuckDB's CSV reader turns a bad TIMESTAMPTZ into NULL silently.
 */
export function csvTypeForKind(kind: ColumnKind): string | undefined {
  switch (kind) {
    case 'number':
      return 'DOUBLE';
    case 'boolean':
      return 'BOOLEAN';
    case 'datetime':
      return undefined;
    case 'category':
    case 'text':
      return 'VARCHAR';
  }
}

/**
 * The SQL expression that yields the Frame's own representation, so that copying out of DuckDB is a
 * typed-array copy: DOUBLE with NaN for missing (number, datetime as epoch ms), INTEGER codes with -1
 * (category, when `categories` are given), TINYINT 1/0/-1 (boolean), VARCHAR (text, and categories
 * encoded later, chunk by chunk).
 */
export function valueExpression(plan: ColumnPlan, categories?: readonly string[]): string {
  const c = quoteIdent(plan.name);
  const orNaN = (e: string) => `coalesce(CAST(${e} AS DOUBLE), 'NaN'::DOUBLE)`;
  switch (plan.kind) {
    case 'number':
      if (plan.cls === 'numeric') return orNaN(c);
      if (plan.cls === 'boolean') return orNaN(`CAST(${c} AS TINYINT)`);
      if (plan.cls === 'temporal') return orNaN(`epoch_ms(${c})`);
      return orNaN(`TRY_CAST(${c} AS DOUBLE)`);
    case 'datetime':
      return orNaN(plan.cls === 'temporal' ? `epoch_ms(${c})` : `epoch_ms(TRY_CAST(${c} AS TIMESTAMPTZ))`);
    case 'boolean': {
      if (plan.cls === 'boolean') return `coalesce(CAST(${c} AS TINYINT), -1::TINYINT)`;
      const test = plan.cls === 'string' ? `lower(trim(${c}))` : c;
      const yes = plan.cls === 'string' ? words(TRUE_WORDS) : '1';
      const no = plan.cls === 'string' ? words(FALSE_WORDS) : '0';
      return `CAST(CASE WHEN ${test} IN (${yes}) THEN 1 WHEN ${test} IN (${no}) THEN 0 ELSE -1 END AS TINYINT)`;
    }
    case 'category': {
      const label = `CAST(${c} AS VARCHAR)`;
      if (!categories) return label;
      if (categories.length === 0) return 'CAST(-1 AS INTEGER)';
      // A dictionary cast done by DuckDB, in parallel: codes come out as integers, no strings reach JS.
      const enumType = `ENUM(${categories.map(quoteString).join(', ')})`;
      return `coalesce(CAST(enum_code(CAST(${label} AS ${enumType})) AS INTEGER), -1)`;
    }
    case 'text':
      return `CAST(${c} AS VARCHAR)`;
  }
}

/** The category labels of a column as DuckDB spells them, for `list(DISTINCT ...)`. */
export function categoryLabel(plan: ColumnPlan): string {
  return `CAST(${quoteIdent(plan.name)} AS VARCHAR)`;
}

/** Prefix of the errors that `guardedExpression` raises inside DuckDB, followed by JSON `{column, value}`. */
export const BAD_VALUE_MARKER = 'cairn:bad_value:';

/**
 * `valueExpression`, but a value the kind cannot take stops the query with an error naming the
 * column and the value (`translateDuckDBError` turns it into an InputError). For streaming reads,
 * where no earlier pass has checked the data.
 */
export function guardedExpression(plan: ColumnPlan, where: string): string {
  const value = valueExpression(plan);
  const bad = badValuePredicate(plan, where);
  if (!bad) return value;
  const payload = `json_object('column', ${quoteString(plan.name)}, 'value', CAST(${quoteIdent(plan.name)} AS VARCHAR))`;
  return `CASE WHEN ${bad} THEN error(${quoteString(BAD_VALUE_MARKER)} || ${payload}) ELSE ${value} END`;
}

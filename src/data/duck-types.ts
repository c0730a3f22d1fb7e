import { quoteIdent } from './sql-text.js';

/**
 * How Cairn sees a DuckDB column type. Everything that is not a number, a boolean or a date/time is
 * read as text first (JSON, ENUM, UUID, TIME, lists, structs) and then inferred like any string.
 */
export type TypeClass = 'numeric' | 'boolean' | 'temporal' | 'string';

const NUMERIC = new Set([
  'TINYINT',
  'SMALLINT',
  'INTEGER',
  'BIGINT',
  'HUGEINT',
  'UTINYINT',
  'USMALLINT',
  'UINTEGER',
  'UBIGINT',
  'UHUGEINT',
  'FLOAT',
  'DOUBLE',
  'VARINT',
  'BIGNUM',
]);
const TEMPORAL = new Set([
  'DATE',
  'TIMESTAMP',
  'TIMESTAMP_S',
  'TIMESTAMP_MS',
  'TIMESTAMP_NS',
  'TIMESTAMP WITH TIME ZONE',
]);

export function typeClass(duckType: string): TypeClass {
  if (NUMERIC.has(duckType) || duckType.startsWith('DECIMAL')) return 'numeric';
  if (duckType === 'BOOLEAN') return 'boolean';
  if (TEMPORAL.has(duckType)) return 'temporal';
  return 'string';
}

/**
 * The select-list item that brings a source column into its class: JSON values as their plain text
 * (`"a"` becomes `a`), other non-native types as their text form, the rest unchanged.
 */
export function normalizedColumn(name: string, duckType: string): string {
  const id = quoteIdent(name);
  if (typeClass(duckType) !== 'string' || duckType === 'VARCHAR') return id;
  if (duckType === 'JSON') return `json_extract_string(${id}, '$') AS ${id}`;
  return `CAST(${id} AS VARCHAR) AS ${id}`;
}

import type { ColumnSchema } from '../data/schema.js';
import { describeValue, InputError } from '../util/errors.js';

/** The parts of an Ajv error this module reads. */
export interface SchemaError {
  readonly instancePath: string;
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly message?: string;
}

/** How the checked value was laid out: a list of rows, or one list per column. */
export type Layout = 'rows' | 'columns';

/**
 * Turns the first schema error of a request into an InputError that names the row and column and
 * says what was expected, in words a client can act on (`rows[3].bill_length_mm must be a finite
 * number, got "NaN"`). `label` is how the client named the value (`rows`, `dataframe_split`, ...).
 */
export function schemaErrorToInput(
  error: SchemaError,
  data: unknown,
  layout: Layout,
  label: string,
  features: readonly ColumnSchema[],
): InputError {
  const path = error.instancePath.split('/').slice(1).map(unescapePointer);
  const { row, column } = locate(path, layout);
  const at = where(label, layout, row, column);
  const got = valueAt(data, path);
  const feature = column === undefined ? undefined : features.find((f) => f.name === column);
  const details = { ...(row === undefined ? {} : { row }), ...(column === undefined ? {} : { column }) };
  switch (error.keyword) {
    case 'required': {
      const missing = String(error.params.missingProperty);
      const f = features.find((x) => x.name === missing);
      return new InputError(
        'missing_column',
        `${at} lacks column '${missing}': the model needs it (${f ? expectedOf(f) : 'a value'})`,
        { ...details, column: missing, expected: f ? expectedOf(f) : undefined },
      );
    }
    case 'type':
      if (path.length === 0 || (layout === 'columns' && path.length === 1))
        return new InputError(
          'wrong_type',
          `${at} must be ${path.length === 0 ? (layout === 'rows' ? 'a list of row objects' : 'an object of columns') : 'a list of values'}, got ${describeValue(got)}`,
          { ...details, expected: error.params.type },
        );
      if (layout === 'rows' && path.length === 1)
        return new InputError(
          'wrong_type',
          `${at} must be an object of column values, got ${describe(got)}`,
          {
            ...details,
            expected: 'object',
          },
        );
      return new InputError(
        typeof got === 'number' && !Number.isFinite(got) ? 'not_finite' : 'wrong_type',
        `${at} must be ${feature ? expectedOf(feature) : String(error.params.type)}, got ${describe(got)}`,
        { ...details, expected: feature ? expectedOf(feature) : error.params.type },
      );
    case 'enum':
      return new InputError(
        'unknown_category',
        `${at} must be one of ${shortList((error.params.allowedValues as unknown[]) ?? [])} (the model cannot take other categories), got ${describe(got)}`,
        { ...details, expected: error.params.allowedValues },
      );
    case 'minItems':
      return new InputError('empty_rows', `${at} is empty: send at least one row`, details);
    case 'maxItems':
      return new InputError(
        'too_many_rows',
        `${at} has more than ${error.params.limit} rows: split the request (the server's --max-rows)`,
        { ...details, expected: error.params.limit },
      );
    default:
      return new InputError('invalid_request', `${at} ${error.message ?? 'is not valid'}`, details);
  }
}

function locate(path: string[], layout: Layout): { row?: number; column?: string } {
  const [a, b] = path;
  if (layout === 'rows') return { row: a === undefined ? undefined : Number(a), column: b };
  return { column: a, row: b === undefined ? undefined : Number(b) };
}

function where(label: string, layout: Layout, row?: number, column?: string): string {
  if (layout === 'rows') {
    if (row === undefined) return label;
    return column === undefined ? `${label}[${row}]` : `${label}[${row}].${column}`;
  }
  if (column === undefined) return label;
  return row === undefined ? `${label}.${column}` : `${label}.${column}[${row}]`;
}

/** What a feature's cells must be, in words. */
export function expectedOf(f: ColumnSchema): string {
  const orNull = f.nullable ? ' or null' : '';
  switch (f.kind) {
    case 'number':
      return `a finite number${orNull}`;
    case 'category':
      return `a category label (string)${orNull}`;
    case 'boolean':
      return `true or false${orNull}`;
    case 'datetime':
      return `an ISO 8601 date-time string or epoch milliseconds${orNull}`;
    case 'text':
      return `a string${orNull}`;
  }
}

function shortList(values: readonly unknown[]): string {
  const shown = values.slice(0, 20).map((v) => JSON.stringify(v));
  return values.length > 20 ? `${shown.join(', ')}, ...` : shown.join(', ');
}

function describe(v: unknown): string {
  if (typeof v === 'number' && !Number.isFinite(v))
    return 'a number too large for a double (it reads as infinity)';
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) return 'an object';
  return describeValue(v);
}

function valueAt(data: unknown, path: readonly string[]): unknown {
  let v = data;
  for (const key of path) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, key)) return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

function unescapePointer(s: string): string {
  return s.replace(/~1/g, '/').replace(/~0/g, '~');
}

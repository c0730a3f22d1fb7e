import type { ColumnSchema } from '../data/schema.js';

/** A JSON Schema document (draft-07, as Fastify's Ajv and OpenAPI 3 read it). */
export type JsonSchema = { readonly [key: string]: unknown };

export interface SignatureSchemaOptions {
  /** Most rows one request may carry. */
  readonly maxRows: number;
  /** Category columns whose unknown labels the model refuses: only these get an `enum`. */
  readonly strictCategories: ReadonlySet<string>;
  /**
   * Any JSON scalar in every cell: the shape of the request is checked (rows or columns, every
   * feature present, row counts) but not its values, which request-validation.ts then judges
   * under the validation policy. Used only after the exact schema refused a request.
   */
  readonly lenient?: boolean;
}

const ANY_SCALAR: JsonSchema = { type: ['string', 'number', 'boolean', 'null'] };

/**
 * The JSON Schema of one cell of a feature, from the model's signature: the kind gives the type,
 * `nullable` allows null, and a category gets an `enum` of its training labels only when the
 * model cannot take an unknown one (our one-hot encoder ignores unknowns, so usually a string).
 * Numbers must be finite: JSON has no NaN, and Ajv's strictNumbers refuses the Infinity that
 * `1e999` parses to.
 */
export function cellSchema(f: ColumnSchema, strictCategory: boolean): JsonSchema {
  const base = baseSchema(f, strictCategory);
  if (!f.nullable) return base;
  if ('enum' in base) return { ...base, enum: [...(base.enum as unknown[]), null] };
  return { ...base, type: [...[base.type].flat(), 'null'] };
}

function baseSchema(f: ColumnSchema, strictCategory: boolean): JsonSchema {
  switch (f.kind) {
    case 'number': {
      const range =
        f.min !== undefined && f.max !== undefined ? ` (training range ${f.min} to ${f.max})` : '';
      return { type: 'number', description: `a finite number${range}` };
    }
    case 'category': {
      const labels = f.categories ?? [];
      if (strictCategory) return { enum: [...labels], description: 'one of the training categories' };
      const shown = labels.length > 20 ? `${labels.slice(0, 20).join(', ')}, ...` : labels.join(', ');
      return {
        type: 'string',
        description: `a category label; seen in training: ${shown} (others are taken as unknown)`,
      };
    }
    case 'boolean':
      return { type: 'boolean' };
    case 'datetime':
      return {
        type: ['string', 'number'],
        description: 'an ISO 8601 date-time string, or milliseconds since the Unix epoch',
      };
    case 'text':
      return { type: 'string' };
  }
}

/** One row: an object with every feature (extra keys are allowed and ignored). */
export function rowSchema(features: readonly ColumnSchema[], opts: SignatureSchemaOptions): JsonSchema {
  return {
    type: 'object',
    required: features.map((f) => f.name),
    properties: Object.fromEntries(features.map((f) => [f.name, cellOf(f, opts)])),
  };
}

function cellOf(f: ColumnSchema, opts: SignatureSchemaOptions): JsonSchema {
  return opts.lenient ? ANY_SCALAR : cellSchema(f, opts.strictCategories.has(f.name));
}

/** `rows`: a non-empty list of row objects. */
export function rowsSchema(features: readonly ColumnSchema[], opts: SignatureSchemaOptions): JsonSchema {
  return { type: 'array', minItems: 1, maxItems: opts.maxRows, items: rowSchema(features, opts) };
}

/** `columns`: one non-empty list of values per feature (equal lengths are checked in code). */
export function columnsSchema(features: readonly ColumnSchema[], opts: SignatureSchemaOptions): JsonSchema {
  return {
    type: 'object',
    required: features.map((f) => f.name),
    properties: Object.fromEntries(
      features.map((f) => [
        f.name,
        {
          type: 'array',
          minItems: 1,
          maxItems: opts.maxRows,
          items: cellOf(f, opts),
        },
      ]),
    ),
  };
}

/** The whole predict body, for the OpenAPI document: rows or columns, exactly one. */
export function predictBodySchema(
  features: readonly ColumnSchema[],
  opts: SignatureSchemaOptions,
): JsonSchema {
  return {
    type: 'object',
    properties: { rows: rowsSchema(features, opts), columns: columnsSchema(features, opts) },
    oneOf: [{ required: ['rows'] }, { required: ['columns'] }],
  };
}

import type { ColumnSchema } from '../data/schema.js';
import { PREDICT_RESPONSE } from './routes/predict.js';
import type { ServedVersion } from './served-version.js';

/** The error body every 4xx and 5xx carries, as a schema. */
export const ERROR_SCHEMA = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        details: { type: 'object', additionalProperties: true },
      },
    },
  },
} as const;

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: ERROR_SCHEMA } },
});

/**
 * One `POST /v1/models/<name>/predict` path per served model, its request body the JSON Schema
 * compiled from that model's signature, with an example row, so the document (and the UI's "try
 * it out") shows every column a client must send.
 */
export function modelPaths(models: readonly ServedVersion[]): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  for (const v of models) {
    const example = exampleRow(v.features);
    paths[`/v1/models/${v.name}/predict`] = {
      post: {
        summary: `Predict ${v.model.info.target} with ${v.name}${v.version === null ? '' : ` v${v.version}`} (${v.model.info.task})`,
        description: `Send {"rows": [{...}]} or {"columns": {column: [...]}} with the ${v.features.length} input columns below. Extra columns are ignored. Values unlike the training data are handled by the validation policy '${v.policy}' (reject: 400; warn: scored, listed in "warnings"; coerce: converted, clipped or set missing, listed in "warnings").`,
        tags: ['predict'],
        operationId: `predict_${v.name.replace(/[^A-Za-z0-9_]/g, '_')}`,
        requestBody: {
          required: true,
          content: { 'application/json': { schema: v.schemas.body, example: { rows: [example] } } },
        },
        responses: {
          200: {
            description: 'One prediction per row',
            content: { 'application/json': { schema: PREDICT_RESPONSE } },
          },
          400: errorResponse(
            'The body does not fit the model signature, or the validation policy refuses its values (the error names the row and column; details.findings lists what validation found)',
          ),
          401: errorResponse('Missing or wrong bearer token'),
          404: errorResponse('No model by that name'),
          413: errorResponse('Body larger than the server accepts'),
          415: errorResponse('Content type other than application/json'),
        },
      },
    };
  }
  return paths;
}

/** A plausible row: the middle of each number's training range, the first category. */
export function exampleRow(features: readonly ColumnSchema[]): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const f of features) {
    switch (f.kind) {
      case 'number':
        row[f.name] =
          f.min !== undefined && f.max !== undefined ? Number(((f.min + f.max) / 2).toPrecision(4)) : 0;
        break;
      case 'category':
        row[f.name] = f.categories?.[0] ?? 'a';
        break;
      case 'boolean':
        row[f.name] = false;
        break;
      case 'datetime':
        row[f.name] = new Date(f.max ?? Date.now()).toISOString();
        break;
      case 'text':
        row[f.name] = '';
        break;
    }
  }
  return row;
}

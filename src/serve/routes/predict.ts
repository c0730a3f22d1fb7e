import type { FastifyInstance } from 'fastify';
import { InputError } from '../../util/errors.js';
import { answerRows } from '../answer.js';
import { has, jsonObjectBody } from '../request-body.js';
import type { ServerContext } from '../server-context.js';

/** How the answer is written: compiled once by fast-json-stringify. */
export const PREDICT_RESPONSE = {
  type: 'object',
  properties: {
    model: { type: 'string' },
    version: { type: ['integer', 'null'] },
    predictions: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'prediction'],
        properties: {
          id: { type: 'string', format: 'uuid', description: 'send it back with POST /v1/feedback' },
          prediction: { type: ['string', 'number', 'null'] },
          proba: { type: 'object', additionalProperties: { type: 'number' } },
        },
      },
    },
  },
} as const;

/**
 * `POST /v1/models/:name/predict` with `{ "rows": [{...}] }` or `{ "columns": {col: [...]} }`.
 * The body is checked by the version's compiled signature schema, not a route schema, because an
 * alias move may bring a version with another signature (the OpenAPI document shows it per model).
 */
export function registerPredict(app: FastifyInstance, ctx: ServerContext): void {
  app.post<{ Params: { name: string } }>(
    '/v1/models/:name/predict',
    { schema: { hide: true, response: { 200: PREDICT_RESPONSE } } },
    (request, reply) => {
      const v = ctx.models.require(request.params.name);
      const body = jsonObjectBody(request.body, `POST /v1/models/${v.name}/predict`);
      const rows = has(body, 'rows');
      if (rows === has(body, 'columns'))
        throw new InputError(
          'bad_body',
          `send exactly one of {"rows": [{column: value, ...}, ...]} or {"columns": {column: [values], ...}}${rows ? ', not both' : ''}`,
          { field: rows ? 'rows' : 'body', expected: 'rows|columns' },
        );
      const input = rows ? v.checkRows(body.rows) : v.checkColumns(body.columns);
      const predictions = answerRows(ctx, v, input, reply);
      reply.send({ model: v.name, version: v.version, predictions });
    },
  );
}

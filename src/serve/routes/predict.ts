import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { InputError } from '../../util/errors.js';
import { answerRows } from '../answer.js';
import type { ParsedRequest } from '../body-parsers.js';
import { has, jsonObjectBody } from '../request-body.js';
import { INLINE_METRICS, recordResponse } from '../response-metrics.js';
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
    warnings: {
      type: 'array',
      description:
        'what validation found and the policy let through (type converted, new category, out of range, missing), one entry per column and kind; absent when the request is like the training data',
      items: { type: 'object', additionalProperties: true },
    },
  },
} as const;

/**
 * `POST /v1/models/:name/predict` with `{ "rows": [{...}] }` or `{ "columns": {col: [...]} }`.
 * Each served name gets a static route (find-my-way matches those faster than a parametric one;
 * names never change while the server runs, only versions do), and the parametric route answers
 * the names not served with a 404. The body is checked by the version's compiled signature
 * schema, not a route schema, because an alias move may bring a version with another signature
 * (the OpenAPI document shows it per model).
 */
export function registerPredict(app: FastifyInstance, ctx: ServerContext, names: readonly string[]): void {
  const options = { schema: { hide: true, response: { 200: PREDICT_RESPONSE } }, config: INLINE_METRICS };
  for (const name of names)
    app.post(`/v1/models/${name}/predict`, options, (request, reply) => {
      answer(ctx, name, request.body, request, reply);
    });
  app.post<{ Params: { name: string } }>('/v1/models/:name/predict', options, (request, reply) => {
    answer(ctx, request.params.name, request.body, request, reply);
  });
}

function answer(
  ctx: ServerContext,
  name: string,
  raw: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const v = ctx.models.require(name);
  const body = jsonObjectBody(raw, `POST /v1/models/${v.name}/predict`);
  const rows = has(body, 'rows');
  if (rows === has(body, 'columns'))
    throw new InputError(
      'bad_body',
      `send exactly one of {"rows": [{column: value, ...}, ...]} or {"columns": {column: [values], ...}}${rows ? ', not both' : ''}`,
      { field: rows ? 'rows' : 'body', expected: 'rows|columns' },
    );
  const input = rows ? v.checkRows(body.rows) : v.checkColumns(body.columns);
  const startedAt = (request as unknown as ParsedRequest).cairnBodyAt;
  const predictions = answerRows(ctx, v, input, startedAt);
  const warnings = input.findings;
  if (warnings === null) reply.send({ model: v.name, version: v.version, predictions });
  else {
    reply.send({ model: v.name, version: v.version, predictions, warnings });
    ctx.metrics.warned(v.name, v.version, warnings);
  }
  recordResponse(ctx, request, reply, startedAt);
}

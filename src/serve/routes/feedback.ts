import type { FastifyInstance } from 'fastify';
import { InputError } from '../../util/errors.js';
import type { FeedbackValue } from '../prediction-sink.js';
import { CsvBody, jsonObjectBody } from '../request-body.js';
import type { ServerContext } from '../server-context.js';

const FEEDBACK_ITEM = {
  type: 'object',
  required: ['id', 'value'],
  properties: {
    id: {
      type: 'string',
      minLength: 1,
      maxLength: 100,
      description: 'the prediction id the server answered',
    },
    value: { type: ['string', 'number', 'boolean'], description: 'the ground truth for that prediction' },
  },
} as const;

/** Most feedback items one request may carry. */
const MAX_FEEDBACK = 10_000;

/**
 * `POST /v1/feedback` with `{ "id", "value" }` or a list of them: attaches ground truth to logged
 * predictions. An id the log does not know is a 404 naming it (after the others were attached).
 */
export function registerFeedback(app: FastifyInstance, ctx: ServerContext): void {
  app.post(
    '/v1/feedback',
    {
      attachValidation: true,
      schema: {
        summary: 'Attach ground truth to predictions by id',
        tags: ['feedback'],
        body: {
          oneOf: [
            FEEDBACK_ITEM,
            { type: 'array', minItems: 1, maxItems: MAX_FEEDBACK, items: FEEDBACK_ITEM },
          ],
        },
      },
    },
    async (request) => {
      const body = request.body;
      if (body instanceof CsvBody) jsonObjectBody(body, 'POST /v1/feedback'); // 415
      if (request.validationError) throw feedbackShapeError(body);
      const items = (Array.isArray(body) ? body : [jsonObjectBody(body, 'POST /v1/feedback')]) as {
        id: string;
        value: FeedbackValue;
      }[];
      for (const { value } of items)
        if (typeof value === 'number' && !Number.isFinite(value))
          throw new InputError(
            'not_finite',
            'feedback value must be a finite number, a string or a boolean',
            {
              field: 'value',
            },
          );
      // all at once: the log commits them together instead of one flush each
      const found = await Promise.all(items.map(({ id, value }) => ctx.sink.addFeedback(id, value)));
      const unknown = items.filter((_, i) => !found[i]).map((it) => it.id);
      if (unknown.length > 0)
        throw new InputError(
          'unknown_prediction',
          `no logged prediction has id ${unknown
            .slice(0, 5)
            .map((id) => JSON.stringify(id))
            .join(', ')}${unknown.length > 5 ? ` (and ${unknown.length - 5} more)` : ''}`,
          { field: 'id', unknown: unknown.slice(0, 100), accepted: items.length - unknown.length },
        );
      return { accepted: items.length };
    },
  );
}

function feedbackShapeError(body: unknown): InputError {
  const items = Array.isArray(body) ? body : [body];
  const expected = '{"id": "<prediction id>", "value": <ground truth: string, number or boolean>}';
  const i = items.findIndex(
    (it) =>
      it === null ||
      typeof it !== 'object' ||
      typeof (it as { id?: unknown }).id !== 'string' ||
      !Object.hasOwn(it, 'value') ||
      typeof (it as { value?: unknown }).value === 'object',
  );
  const where = Array.isArray(body) ? (i >= 0 ? `feedback[${i}]` : 'the feedback list') : 'the feedback';
  const why = Array.isArray(body) ? (i >= 0 ? '' : ` (1 to ${MAX_FEEDBACK} items)`) : '';
  return new InputError('bad_feedback', `${where} must be ${expected}, or a list of them${why}`, {
    field: 'body',
    ...(Array.isArray(body) && i >= 0 ? { row: i } : {}),
    expected,
  });
}

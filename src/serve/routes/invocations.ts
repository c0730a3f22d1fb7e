import type { FastifyInstance } from 'fastify';
import { describeValue, InputError } from '../../util/errors.js';
import { answerRows } from '../answer.js';
import { csvColumns } from '../csv-body.js';
import { CsvBody, jsonObjectBody } from '../request-body.js';
import type { RequestInput } from '../request-frame.js';
import type { ServedVersion } from '../served-version.js';
import type { ServerContext } from '../server-context.js';

/** MLflow's four JSON input fields; a body must carry exactly one (`params` may come beside it). */
export const MLFLOW_FORMATS = ['dataframe_split', 'dataframe_records', 'instances', 'inputs'] as const;
type MlflowFormat = (typeof MLFLOW_FORMATS)[number];

/**
 * MLflow's scoring protocol (`mlflow models serve`), so MLflow clients and tools work unchanged:
 * `POST /invocations` with one of `dataframe_split`, `dataframe_records`, `instances`, `inputs`,
 * or a `text/csv` body, answered with `{ "predictions": [...] }` (labels for classifiers, values
 * for regressors). Cairn adds `model`, `version` and the prediction `ids` beside `predictions`,
 * as MLflow's own metadata keys sit there. With several models served, `?model=<name>` picks one.
 */
export function registerInvocations(app: FastifyInstance, ctx: ServerContext): void {
  app.post<{ Querystring: { model?: string } }>(
    '/invocations',
    {
      schema: {
        summary: 'Predict, MLflow scoring protocol',
        description:
          'Body: {"dataframe_split": {"columns": [...], "data": [[...]]}}, {"dataframe_records": [{...}]}, {"instances": [{...}]}, {"inputs": {column: [...]}}, or text/csv with a header line. With several models served, pick one with ?model=<name>.',
        tags: ['predict'],
      },
    },
    (request, reply) => {
      const v = pickModel(ctx, request.query.model);
      const input =
        request.body instanceof CsvBody
          ? v.checkColumns(
              // Under reject a bad cell is refused as the CSV is read; else validation judges it.
              csvColumns(request.body.text, v.features, { keepBad: v.policy !== 'reject' }),
              'csv',
            )
          : mlflowInput(v, jsonObjectBody(request.body, 'POST /invocations'));
      const answers = answerRows(ctx, v, input, performance.now() - reply.elapsedTime);
      reply.send({
        predictions: answers.map((a) => a.prediction),
        model: v.name,
        version: v.version,
        ids: answers.map((a) => a.id),
        ...(input.findings ? { warnings: input.findings } : {}),
      });
      if (input.findings) ctx.metrics.warned(v.name, v.version, input.findings);
    },
  );
}

function pickModel(ctx: ServerContext, name: string | undefined): ServedVersion {
  if (typeof name === 'string') return ctx.models.require(name);
  if (ctx.models.size === 1) return ctx.models.all()[0];
  throw new InputError(
    'model_required',
    `this server serves several models (${ctx.models.names().join(', ')}): name one with /invocations?model=<name>`,
    { field: 'model' },
  );
}

function mlflowInput(v: ServedVersion, body: Record<string, unknown>): RequestInput {
  const present = MLFLOW_FORMATS.filter((k) => Object.hasOwn(body, k));
  if (present.length !== 1)
    throw new InputError(
      'bad_body',
      `the input must be a JSON object with exactly one of the fields ${MLFLOW_FORMATS.join(', ')}; got ${present.length === 0 ? `fields ${JSON.stringify(Object.keys(body).slice(0, 10))}` : present.join(' and ')}`,
      { field: 'body', expected: MLFLOW_FORMATS.join('|') },
    );
  const format: MlflowFormat = present[0];
  const value = body[format];
  switch (format) {
    case 'dataframe_split':
      return v.checkColumns(splitToColumns(v, value), format);
    case 'dataframe_records':
      return v.checkRows(value, format);
    case 'instances':
    case 'inputs':
      if (Array.isArray(value) && value.length > 0 && value.every(Array.isArray))
        return v.checkColumns(
          splitToColumns(v, { columns: v.features.map((f) => f.name), data: value }, format),
          format,
        );
      return Array.isArray(value) ? v.checkRows(value, format) : v.checkColumns(value, format);
  }
}

/** pandas' split orient, `{ columns, data: [[row values]] }`, as the model's columns. */
function splitToColumns(
  v: ServedVersion,
  split: unknown,
  label = 'dataframe_split',
): Record<string, unknown[]> {
  if (split === null || typeof split !== 'object' || Array.isArray(split))
    throw new InputError(
      'wrong_type',
      `${label} must be an object {"columns": [...], "data": [[...], ...]}, got ${describeValue(split)}`,
      {
        field: label,
      },
    );
  const { columns, data } = split as { columns?: unknown; data?: unknown };
  if (!Array.isArray(columns) || !columns.every((c) => typeof c === 'string'))
    throw new InputError('wrong_type', `${label}.columns must be a list of column names`, {
      field: `${label}.columns`,
    });
  if (!Array.isArray(data))
    throw new InputError('wrong_type', `${label}.data must be a list of rows (lists of values)`, {
      field: `${label}.data`,
    });
  data.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== columns.length)
      throw new InputError(
        'wrong_type',
        `${label}.data[${i}] must be a list of ${columns.length} values (one per column), got ${describeValue(row)}`,
        { field: `${label}.data`, row: i },
      );
  });
  const out: Record<string, unknown[]> = {};
  for (const f of v.features) {
    const j = columns.indexOf(f.name);
    if (j >= 0) out[f.name] = (data as unknown[][]).map((row) => row[j]);
  }
  return out;
}

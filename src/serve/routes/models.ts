import type { FastifyInstance } from 'fastify';
import type { ServedVersion } from '../served-version.js';
import type { ServerContext } from '../server-context.js';

/** What `GET /v1/models` says about a model: enough for a client to build requests. */
export function describeModel(v: ServedVersion) {
  const info = v.model.info;
  return {
    name: v.name,
    version: v.version,
    uri: v.source.uri,
    task: info.task,
    target: info.target,
    ...(info.classes ? { classes: info.classes } : {}),
    family: info.model,
    primaryMetric: info.primaryMetric,
    metrics: info.metrics,
    signature: v.features.map((f) => ({
      name: f.name,
      kind: f.kind,
      nullable: f.nullable,
      ...(f.categories ? { categories: f.categories } : {}),
      ...(f.min !== undefined ? { min: f.min, max: f.max } : {}),
    })),
    validation: { policy: v.policy },
    predictor: v.predictor,
    ...(v.predictorNote ? { predictorNote: v.predictorNote } : {}),
    createdAt: info.createdAt,
    ...(info.runId ? { runId: info.runId } : {}),
  };
}

export function registerModels(app: FastifyInstance, ctx: ServerContext): void {
  app.get(
    '/v1/models',
    {
      schema: {
        summary: 'The models served, with their versions, tasks and input signatures',
        tags: ['models'],
      },
    },
    () => ({ models: ctx.models.all().map(describeModel) }),
  );
  app.get<{ Params: { name: string } }>(
    '/v1/models/:name',
    { schema: { summary: 'One served model', tags: ['models'] } },
    (request) => describeModel(ctx.models.require(request.params.name)),
  );
}

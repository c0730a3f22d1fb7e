import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { CAIRN_VERSION } from '../version.js';
import { modelPaths } from './openapi.js';
import type { ServerContext } from './server-context.js';

/** Refreshes the per-model paths of the OpenAPI document after a version swap. */
export type RefreshDocs = () => void;

/**
 * `/docs` (Swagger UI, its assets served from the package: no CDN) and `/docs/json` (OpenAPI 3).
 * @fastify/swagger builds the document from the routes' schemas; the predict paths are added per
 * model from the signatures. The plugin caches the document it built, so a swap edits that one
 * object in place.
 */
export async function registerDocs(
  app: FastifyInstance,
  ctx: ServerContext,
  withToken: boolean,
): Promise<RefreshDocs> {
  let doc: { paths?: Record<string, unknown> } | undefined;
  let added: string[] = [];
  const addModelPaths = (target: { paths?: Record<string, unknown> }) => {
    const paths = (target.paths ??= {});
    for (const p of added) delete paths[p];
    const fresh = modelPaths(ctx.models.all());
    Object.assign(paths, fresh);
    added = Object.keys(fresh);
  };
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Cairn model server',
        version: CAIRN_VERSION,
        description: `Serving ${ctx.models.names().join(', ')}. Errors are {"error": {"code", "message", "details"}}.`,
      },
      ...(withToken
        ? {
            components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
            security: [{ bearer: [] }],
          }
        : {}),
    },
    transformObject: (document) => {
      const openapi = 'openapiObject' in document ? document.openapiObject : document.swaggerObject;
      doc = openapi as typeof doc;
      addModelPaths(doc!);
      return openapi;
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
  return () => {
    if (doc) addModelPaths(doc);
  };
}

import type { FastifyInstance } from 'fastify';
import { errorBody } from '../http-errors.js';
import type { ServerContext } from '../server-context.js';

/**
 * `/healthz`: the process answers (liveness). `/readyz`: every model is loaded and the server is
 * not shutting down (readiness); it turns 503 first thing on SIGTERM, so a load balancer stops
 * sending traffic while the requests already accepted are answered.
 */
export function registerHealth(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/healthz', { schema: { summary: 'Liveness', tags: ['health'] } }, () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { summary: 'Readiness', tags: ['health'] } }, (_request, reply) => {
    if (ctx.state.draining)
      return reply
        .code(503)
        .send(
          errorBody('not_ready', 'the server is shutting down: it answers only requests already accepted'),
        );
    if (!ctx.state.ready) return reply.code(503).send(errorBody('not_ready', 'models are still loading'));
    return reply.send({
      status: 'ready',
      models: ctx.models.all().map((v) => ({ name: v.name, version: v.version })),
    });
  });
}

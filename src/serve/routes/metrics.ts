import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../server-context.js';

/** Prometheus text exposition of the server's registry. */
export function registerMetrics(app: FastifyInstance, ctx: ServerContext): void {
  app.get(
    '/metrics',
    { schema: { summary: 'Prometheus metrics', tags: ['health'] } },
    async (_request, reply) => {
      const text = await ctx.metrics.text();
      return reply.type(ctx.metrics.contentType).send(text);
    },
  );
}

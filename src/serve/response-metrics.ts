import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ServerContext } from './server-context.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route records its own metrics after sending (no onResponse hook on the hot path). */
    inlineMetrics?: boolean;
  }
}

/** Route config of the routes that record their own metrics. */
export const INLINE_METRICS = { inlineMetrics: true } as const;

/** The error code of a failed answer, kept on the reply for the metrics. */
export type WithCode = { cairnError: string };

/**
 * Counts one answered request (route pattern, status, latency, error code). The latency runs from
 * Fastify's routing (routes with the onResponse hook) or from `startedAt`, performance.now() when
 * the body had been read (the predict routes, which keep hooks off their path).
 */
export function recordResponse(
  ctx: ServerContext,
  request: FastifyRequest,
  reply: FastifyReply,
  startedAt?: number,
): void {
  const ms = startedAt === undefined ? reply.elapsedTime : startedAt > 0 ? performance.now() - startedAt : 0;
  ctx.metrics.requestDone(
    request.routeOptions.url ?? 'unmatched',
    request.method,
    reply.statusCode,
    ms / 1000,
    (reply as unknown as WithCode).cairnError,
  );
}

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { bearerCheck, OPEN_ROUTES } from './auth.js';
import { jsonParseError, type ParsedRequest } from './body-parsers.js';
import { errorBody, toHttpFailure } from './http-errors.js';
import { recordResponse, type WithCode } from './response-metrics.js';
import type { ServerContext } from './server-context.js';
import type { ServerLog } from './server-log.js';

/**
 * Auth, errors, 404s and metrics. Metrics come from a route-level onResponse hook on every route
 * but the predict routes, which record inline after sending: a hook costs the hot path about as
 * much as the whole prediction. Errors of those routes are recorded by the error handler.
 */
export function installHooks(
  app: FastifyInstance,
  ctx: ServerContext,
  token: string | undefined,
  log: ServerLog,
): void {
  app.decorateReply('cairnError', '');
  if (token !== undefined) {
    const check = bearerCheck(token);
    app.addHook('onRequest', (request, _reply, done) => {
      if (!OPEN_ROUTES.has(request.routeOptions.url ?? ''))
        try {
          check(request.headers.authorization);
        } catch (err) {
          return done(err as Error);
        }
      done();
    });
  }
  const onResponse = (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    recordResponse(ctx, request, reply);
    done();
  };
  app.addHook('onRoute', (route) => {
    if (route.config?.inlineMetrics) return;
    const own = route.onResponse === undefined ? [] : [route.onResponse].flat();
    route.onResponse = [...own, onResponse] as typeof route.onResponse;
  });
  app.setErrorHandler((err, request, reply) => {
    const failure = toHttpFailure(jsonParseError(request, err) ?? err);
    if (failure.bug) log.error(`bug while answering ${request.method} ${request.url.slice(0, 200)}`, err);
    (reply as unknown as WithCode).cairnError = failure.body.error.code;
    if (failure.status === 401) reply.header('www-authenticate', 'Bearer');
    const body =
      request.routeOptions.url === '/invocations' ? mlflowError(failure.status, failure.body) : failure.body;
    reply.code(failure.status).send(body);
    if (request.routeOptions.config.inlineMetrics)
      recordResponse(ctx, request, reply, (request as unknown as ParsedRequest).cairnBodyAt);
  });
  app.setNotFoundHandler((request, reply) => {
    (reply as unknown as WithCode).cairnError = 'not_found';
    reply
      .code(404)
      .send(
        errorBody(
          'not_found',
          `no route ${request.method} ${request.url.split('?')[0].slice(0, 200)}: see GET /docs`,
        ),
      );
    recordResponse(ctx, request, reply, 0);
  });
}

/** MLflow clients read `error_code` and `message`; Cairn's `error` object stays beside them. */
function mlflowError(status: number, body: ReturnType<typeof errorBody>) {
  const error_code =
    status >= 500 ? 'INTERNAL_ERROR' : status === 404 ? 'RESOURCE_DOES_NOT_EXIST' : 'BAD_REQUEST';
  return { error_code, message: body.error.message, ...body };
}

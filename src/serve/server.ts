import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import type { ValidationPolicy } from '../data/validate/index.js';
import type { TrainedModel } from '../train/trained-model.js';
import { type AliasWatcher, watchAliases } from './alias-watcher.js';
import { registerBodyParsers } from './body-parsers.js';
import { registerDocs } from './docs.js';
import { toHttpFailure } from './http-errors.js';
import { ServerMetrics } from './metrics.js';
import type { ModelLocation, ModelSource } from './model-source.js';
import { discardSink, type PredictionSink } from './prediction-sink.js';
import { registerFeedback } from './routes/feedback.js';
import { registerHealth } from './routes/health.js';
import { registerInvocations } from './routes/invocations.js';
import { registerMetrics } from './routes/metrics.js';
import { registerModels } from './routes/models.js';
import { registerPredict } from './routes/predict.js';
import { ServedModels } from './served-models.js';
import { type CompileSchema, type ServedVersion, servedVersion } from './served-version.js';
import type { ServerContext } from './server-context.js';
import { installHooks } from './server-hooks.js';
import { type ServerLog, silentLog } from './server-log.js';

/** A loaded model and where it came from. */
export interface ServableModel {
  readonly model: TrainedModel;
  readonly source: ModelLocation;
}

export interface ServerOptions {
  /** Bearer token required on every route but /healthz and /readyz. Default: none. */
  token?: string;
  /** Largest request body in bytes (413 above). Default 1 MiB. */
  bodyLimit?: number;
  /** Most rows per request. Default 10,000. */
  maxRows?: number;
  /**
   * What a request unlike the training data gets (reject | warn | coerce, see
   * src/data/validate/policy.ts), for every model. Default: each model's own policy (the spec's
   * `validation.policy` at training), else 'warn'.
   */
  onInvalid?: ValidationPolicy;
  /** Where predictions are logged. Default: nowhere. */
  sink?: PredictionSink;
  /** Re-resolves movable URIs (aliases) and loads new versions; without it models never move. */
  source?: ModelSource;
  /** Loads a model directory (for alias moves). Required with `source`. */
  loadModel?: (path: string) => Promise<TrainedModel>;
  /** How often aliases are polled, ms. Default 1000. */
  reloadIntervalMs?: number;
  /** Where startup, alias moves, failed reloads and bugs are told. Default: silent. */
  log?: ServerLog;
  /** Node process metrics (heap, event loop lag) in /metrics. Default true. */
  processMetrics?: boolean;
}

export interface CairnServer {
  readonly app: FastifyInstance;
  readonly log: ServerLog;
  readonly models: ServedModels;
  readonly metrics: ServerMetrics;
  /** Polls aliases now (tests use it instead of the timer). */
  checkAliases(): Promise<void>;
  /** Starts listening; returns the URL (`http://127.0.0.1:PORT`). */
  listen(opts?: { host?: string; port?: number }): Promise<string>;
  /** Turns /readyz to 503 and stops polling; requests keep being answered. */
  drain(): Promise<void>;
  /** Drains, stops accepting, answers every accepted request, then flushes the prediction log. */
  close(): Promise<void>;
}

export const SERVER_DEFAULTS = {
  bodyLimit: 1024 * 1024,
  maxRows: 10_000,
  reloadIntervalMs: 1000,
} as const;

/**
 * A ready Fastify server for some loaded models (use `serve` to resolve URIs, listen and handle
 * signals). Every route and hook is registered here; request schemas are compiled once per
 * model version by Fastify's Ajv, never per request.
 *
 *   const server = await createServer([{ model, source: { uri: dir, path: dir, movable: false } }]);
 *   const url = await server.listen({ port: 0 });
 */
export async function createServer(
  models: readonly ServableModel[],
  options: ServerOptions = {},
): Promise<CairnServer> {
  const bodyLimit = options.bodyLimit ?? SERVER_DEFAULTS.bodyLimit;
  const maxRows = options.maxRows ?? SERVER_DEFAULTS.maxRows;
  const sink = options.sink ?? discardSink;
  const metrics = new ServerMetrics({ defaultMetrics: options.processMetrics });
  const log = options.log ?? silentLog;
  const app = Fastify({
    bodyLimit,
    // Off: see ServerLog. Requests are counted by the metrics, not logged one by one.
    logger: false,
    return503OnClosing: true,
    // Bad URLs and over-long path parameters fail before routing: the same JSON errors for them.
    frameworkErrors: (err, _request, reply) => {
      const failure = toHttpFailure(err);
      (reply as unknown as { cairnError: string }).cairnError = failure.body.error.code;
      (reply as unknown as FastifyReply).code(failure.status).send(failure.body);
      metrics.requestDone('unmatched', _request.method, failure.status, 0, failure.body.error.code);
    },
    // Requests are checked as sent: no coercion ("12" stays a string), nothing removed or defaulted.
    ajv: {
      customOptions: {
        coerceTypes: false,
        removeAdditional: false,
        useDefaults: false,
        allErrors: false,
        allowUnionTypes: true,
      },
    },
  });
  registerBodyParsers(app);

  // Versions are compiled with Fastify's validator compiler, which exists once the app is ready.
  let compile: CompileSchema | undefined;
  const prepare = (m: ServableModel, name?: string): ServedVersion => {
    if (!compile) throw new Error('createServer: validator compiler used before the app was ready');
    const v = servedVersion(m.model, m.source, compile, {
      maxRows,
      ...(options.onInvalid ? { policy: options.onInvalid } : {}),
    });
    return name === undefined || v.name === name ? v : { ...v, name };
  };
  // The models are checked for names before any route exists; they are compiled after ready.
  const pending = new ServedModels(models.map((m) => placeholder(m)));
  let served = pending;
  const ctx: ServerContext = {
    get models() {
      return served;
    },
    metrics,
    sink,
    state: { ready: false, draining: false },
    maxRows,
  };

  installHooks(app, ctx, options.token, log);
  const refreshDocs = await registerDocs(app, ctx, options.token !== undefined);
  registerHealth(app, ctx);
  registerMetrics(app, ctx);
  registerModels(app, ctx);
  registerPredict(app, ctx, pending.names());
  registerInvocations(app, ctx);
  registerFeedback(app, ctx);
  await app.ready();
  metrics.countConnections(
    () => new Promise((resolve) => app.server.getConnections((_e, n) => resolve(n ?? 0))),
  );

  const validatorCompiler = app.validatorCompiler;
  if (!validatorCompiler) throw new Error('createServer: Fastify did not set up its validator compiler');
  compile = (schema) =>
    validatorCompiler({ schema, method: 'POST', url: '/v1/models/:name/predict', httpPart: 'body' }) as never;
  served = new ServedModels(models.map((m) => prepare(m)));
  for (const v of served.all()) {
    metrics.served(v.name, v.version, false);
    if (v.predictorNote) log.warn(`${v.name}: predicting through the pipeline as it is (${v.predictorNote})`);
  }
  ctx.state.ready = true;

  let watcher: AliasWatcher | undefined;
  if (options.source) {
    const load = options.loadModel;
    if (!load) throw new Error('createServer: options.source needs options.loadModel');
    watcher = watchAliases({
      models: served,
      source: options.source,
      intervalMs: options.reloadIntervalMs ?? SERVER_DEFAULTS.reloadIntervalMs,
      load: async (resolved, name) => prepare({ model: await load(resolved.path), source: resolved }, name),
      onSwap: (prev, next) => {
        metrics.served(next.name, next.version, true);
        if (next.predictorNote)
          log.warn(`${next.name}: predicting through the pipeline as it is (${next.predictorNote})`);
        refreshDocs();
        log.info(
          `${next.name}: alias ${next.source.uri} moved from version ${prev.version} to ${next.version}; now serving ${next.version}`,
        );
      },
      onError: (err, uri) =>
        log.warn(`${uri}: could not check or load a new version; still serving the current one`, err),
    });
  }

  let closing: Promise<void> | undefined;
  const drain = async () => {
    ctx.state.draining = true;
    await watcher?.stop();
  };
  return {
    app,
    log,
    get models() {
      return served;
    },
    metrics,
    checkAliases: () => watcher?.check() ?? Promise.resolve(),
    async listen(opts = {}) {
      await app.listen({ host: opts.host ?? '127.0.0.1', port: opts.port ?? 0 });
      const addr = app.server.address();
      if (addr === null || typeof addr === 'string') return String(addr);
      const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
      return `http://${host}:${addr.port}`;
    },
    drain,
    close() {
      closing ??= (async () => {
        await drain();
        await app.close();
        await sink.close();
      })();
      return closing;
    },
  };
}

/** A stand-in used only to check names before the validator compiler exists. */
function placeholder(m: ServableModel): ServedVersion {
  return { name: m.source.name ?? m.model.info.name, source: m.source } as ServedVersion;
}

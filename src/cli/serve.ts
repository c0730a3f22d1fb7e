/**
 * `cairn serve <model-uri>...`: the models over HTTP (see src/serve). Runs until SIGTERM or
 * SIGINT, then answers what it accepted, flushes the prediction log and exits 0.
 */
import { join } from 'node:path';
import { needsStore, parseModelUri } from '../registry/model-uri.js';
import {
  DEFAULT_PORT,
  discardSink,
  lineLog,
  predictionLogSink,
  registrySource,
  serve,
} from '../serve/index.js';
import { openStore } from '../track/open-store.js';
import { openPredictionLog } from '../track/prediction-log/index.js';
import type { Store } from '../track/store.js';
import { InputError } from '../util/errors.js';
import { ON_INVALID_HELP, parsePolicyFlag } from './batch-validation.js';
import type { RegisterCommand } from './commands.js';
import { CAIRN_DIR, emit, parseNumberFlag, storeUri } from './common.js';
import { MODEL_ARG_HELP } from './model-ref.js';

export const registerServe: RegisterCommand = (program, ctx) =>
  program
    .command('serve')
    .description(
      'Serve models over HTTP: predict (rows or columns), MLflow /invocations, feedback, health, Prometheus metrics and OpenAPI docs',
    )
    .argument('<models...>', `one or more: ${MODEL_ARG_HELP}; each is served under its registered name`)
    .option('--host <host>', 'interface to listen on (0.0.0.0 for every one)', '127.0.0.1')
    .option('--port <port>', `port; 0 picks a free one (default ${DEFAULT_PORT})`)
    .option(
      '--token <token>',
      'bearer token required on every route but /healthz and /readyz (or $CAIRN_SERVE_TOKEN)',
    )
    .option('--body-limit <size>', 'largest request body: bytes, or with k/m (413 above)', '1m')
    .option('--max-rows <n>', 'most rows in one request', '10000')
    .option(
      '--reload-interval <seconds>',
      'how often models:/<name>@<alias> and /latest are checked for a move',
      '1',
    )
    .option(
      '--store <uri>',
      'tracking store: the registry, runs and the prediction log (default $CAIRN_STORE or .cairn/cairn.db)',
    )
    .option('--no-log', 'do not record predictions in the prediction log')
    .option('--on-invalid <policy>', `for every model: ${ON_INVALID_HELP}`)
    .option('--json', 'print {"url", "models"} as one JSON line once listening')
    .action(async (uris, opts) => {
      const io = ctx.io;
      const port =
        parseNumberFlag(
          'port',
          opts.port,
          (v) => Number.isInteger(v) && v >= 0 && v <= 65535,
          'a port number (0 to 65535)',
        ) ?? DEFAULT_PORT;
      const maxRows = parseNumberFlag(
        'max-rows',
        opts.maxRows,
        (v) => Number.isInteger(v) && v > 0,
        'a whole number > 0',
      )!;
      const reload = parseNumberFlag(
        'reload-interval',
        opts.reloadInterval,
        (v) => v >= 0.01 && v <= 86400,
        'seconds between 0.01 and 86400',
      )!;
      const bodyLimit = parseSize(opts.bodyLimit);
      const onInvalid = parsePolicyFlag(opts.onInvalid);
      const token = opts.token ?? io.env.CAIRN_SERVE_TOKEN;
      if (token !== undefined && token.trim() === '')
        throw new InputError(
          'bad_flag',
          '--token (or CAIRN_SERVE_TOKEN) is empty: give a token or leave it out',
          { field: 'token' },
        );
      const store = storeUri(io, opts.store);
      let registry: Store | undefined;
      let log: Awaited<ReturnType<typeof openPredictionLog>> | undefined;
      try {
        if (uris.map(parseModelUri).some(needsStore)) registry = await openStore(store);
        if (opts.log)
          log = await openPredictionLog(store, {
            cwd: io.cwd,
            onError: (e) => io.err(`cairn serve: prediction log: ${e.message}\n`),
          });
        const running = await serve(uris, {
          host: opts.host,
          port,
          bodyLimit,
          maxRows,
          reloadIntervalMs: Math.round(reload * 1000),
          ...(token !== undefined ? { token } : {}),
          ...(onInvalid ? { onInvalid } : {}),
          source: registrySource(registry, {
            cwd: io.cwd,
            artifactsDir: join(io.cwd, CAIRN_DIR, 'artifacts'),
          }),
          sink: log ? predictionLogSink(log) : discardSink,
          handleSignals: true,
          log: lineLog((line) => io.err(line)),
        });
        log = undefined; // the server owns it now and closes it after the last answer
        const models = running.server.models
          .all()
          .map((v) => ({ name: v.name, version: v.version, uri: v.source.uri, onInvalid: v.policy }));
        emit(io, opts.json, { url: running.url, models }, () =>
          [
            ...models.map(
              (m) =>
                `serving ${m.name}${m.version === null ? '' : ` version ${m.version}`} (${m.uri}): POST ${running.url}/v1/models/${m.name}/predict (invalid requests: ${m.onInvalid})`,
            ),
            `docs ${running.url}/docs, metrics ${running.url}/metrics; SIGTERM or Ctrl-C stops it`,
            '',
          ].join('\n'),
        );
        await running.closed;
      } finally {
        await log?.close();
        await registry?.close();
      }
    });

/** `1048576`, `512k`, `1m` (binary units) as bytes. */
export function parseSize(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kKmM]?)[bB]?\s*$/.exec(text);
  const bytes = m
    ? Number(m[1]) * (m[2] === '' ? 1 : m[2].toLowerCase() === 'k' ? 1024 : 1024 * 1024)
    : Number.NaN;
  if (!(Number.isFinite(bytes) && bytes >= 1 && bytes <= 1024 ** 3))
    throw new InputError(
      'bad_flag',
      `--body-limit must be a size like 1048576, 512k or 1m (at most 1024m), got '${text}'`,
      {
        field: 'body-limit',
      },
    );
  return Math.floor(bytes);
}

import { loadModel as loadArtifact } from '../track/artifact/model-io.js';
import type { TrainedModel } from '../train/trained-model.js';
import { InputError } from '../util/errors.js';
import { directorySource } from './directory-source.js';
import type { ModelSource } from './model-source.js';
import { type CairnServer, createServer, type ServerOptions } from './server.js';

export interface ServeOptions extends Omit<ServerOptions, 'source' | 'loadModel'> {
  /** Default 127.0.0.1: reachable from this machine only. */
  host?: string;
  /** Default 8080; 0 picks a free port. */
  port?: number;
  /** Resolves the URIs (directories, runs:/, models:/). Default: directories only. */
  source?: ModelSource;
  loadModel?: (path: string) => Promise<TrainedModel>;
  /** Close on SIGTERM and SIGINT (what `cairn serve` does). Default false. */
  handleSignals?: boolean;
}

export interface RunningServer {
  readonly url: string;
  readonly server: CairnServer;
  /** Settles when the server has closed (after close() or a signal) and the log is flushed. */
  readonly closed: Promise<void>;
  close(): Promise<void>;
}

export const DEFAULT_PORT = 8080;

/**
 * Resolves and loads every model, then listens. With `handleSignals`, SIGTERM or SIGINT turns
 * /readyz to 503, stops accepting connections, answers every request already accepted, flushes
 * the prediction log, and settles `closed`.
 *
 *   const { url, close } = await serve(['models/penguins'], { port: 0 });
 */
export async function serve(uris: readonly string[], options: ServeOptions = {}): Promise<RunningServer> {
  if (uris.length === 0)
    throw new InputError('no_models', 'name at least one model to serve', { field: 'models' });
  const source = options.source ?? directorySource;
  const load = options.loadModel ?? loadArtifact;
  const models = [];
  for (const uri of uris) {
    const resolved = await source.resolve(uri);
    models.push({ model: await load(resolved.path), source: resolved });
  }
  const server = await createServer(models, { ...options, source, loadModel: load });
  let url: string;
  try {
    url = await server.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? DEFAULT_PORT });
  } catch (err) {
    await server.close();
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'EADDRINUSE' || e.code === 'EACCES' || e.code === 'EADDRNOTAVAIL')
      throw new InputError(
        'cannot_listen',
        `cannot listen on ${options.host ?? '127.0.0.1'}:${options.port ?? DEFAULT_PORT}: ${e.code}`,
        {
          field: 'port',
        },
      );
    throw err;
  }
  let resolveClosed!: () => void;
  let rejectClosed!: (e: unknown) => void;
  const closed = new Promise<void>((res, rej) => {
    resolveClosed = res;
    rejectClosed = rej;
  });
  closed.catch(() => {}); // whoever awaits `closed` sees the failure; nobody must
  const onSignal = (signal: NodeJS.Signals) => {
    server.log.info(`${signal}: draining (readyz 503), answering accepted requests, then exiting`);
    void close();
  };
  const close = () => {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
    return server.close().then(resolveClosed, (e) => {
      rejectClosed(e);
      throw e;
    });
  };
  if (options.handleSignals) {
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
  }
  return { url, server, closed, close };
}

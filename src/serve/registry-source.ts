import { needsStore, parseModelUri, type ResolveOptions, resolveModelUri } from '../registry/model-uri.js';
import type { Store } from '../track/store.js';
import type { ModelSource } from './model-source.js';

/**
 * Every model URI Cairn knows (directories, `runs:/`, `models:/name/3`, `models:/name/latest`,
 * `models:/name@alias`) through the registry, on one open store. `@alias` and `/latest` are
 * movable: a promotion or a new registration changes what they resolve to, and the server polls
 * them. `store` may be undefined when every URI is a directory.
 */
export function registrySource(store: Store | undefined, opts: ResolveOptions = {}): ModelSource {
  return {
    async resolve(uri) {
      const parsed = parseModelUri(uri);
      const r = await resolveModelUri(needsStore(parsed) ? store : undefined, uri, opts);
      return {
        uri,
        path: r.path,
        ...(r.name !== undefined ? { name: r.name } : {}),
        ...(r.version !== undefined ? { version: r.version } : {}),
        movable: parsed.kind === 'alias' || parsed.kind === 'latest',
      };
    },
  };
}

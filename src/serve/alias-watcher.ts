import { hasMoved, type ModelLocation, type ModelSource } from './model-source.js';
import type { ServedModels } from './served-models.js';
import type { ServedVersion } from './served-version.js';

export interface AliasWatcherOptions {
  readonly models: ServedModels;
  readonly source: ModelSource;
  /** Loads and prepares a version under the given served name (off the request path). */
  readonly load: (resolved: ModelLocation, name: string) => Promise<ServedVersion>;
  readonly intervalMs: number;
  readonly onSwap?: (prev: ServedVersion, next: ServedVersion) => void;
  /** A resolve or load that failed: the old version keeps serving, and the next poll retries. */
  readonly onError?: (err: unknown, uri: string) => void;
}

export interface AliasWatcher {
  /** One poll now (tests call it instead of waiting for the timer). */
  check(): Promise<void>;
  /** Stops polling and waits for a poll in progress. */
  stop(): Promise<void>;
}

/**
 * Polls the URIs that name an alias and, when one moved, loads the new version in the background
 * and swaps it in. Polls never overlap: the next one is scheduled when the last has finished.
 * The timer is unref'd, so it never keeps a process alive on its own.
 */
export function watchAliases(opts: AliasWatcherOptions): AliasWatcher {
  let stopped = false;
  // the last failure per URI: a failure that repeats every poll is reported once
  const failing = new Map<string, string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const pollOnce = async (): Promise<void> => {
    for (const current of opts.models.all()) {
      if (stopped) return;
      if (!current.source.movable) continue;
      try {
        const resolved = await opts.source.resolve(current.source.uri);
        if (hasMoved(current.source, resolved)) {
          const next = await opts.load(resolved, current.name);
          if (stopped) return;
          const prev = opts.models.swap(next);
          opts.onSwap?.(prev, next);
        }
        failing.delete(current.source.uri);
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        if (failing.get(current.source.uri) === message) continue;
        failing.set(current.source.uri, message);
        opts.onError?.(err, current.source.uri);
      }
    }
  };

  const check = (): Promise<void> => {
    running = running.then(pollOnce);
    return running;
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      check().finally(schedule);
    }, opts.intervalMs);
    timer.unref();
  };

  if (opts.models.all().some((v) => v.source.movable)) schedule();

  return {
    check,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

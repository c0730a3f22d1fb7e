import { InputError } from '../util/errors.js';
import type { ServedVersion } from './served-version.js';

/**
 * The models a server answers for, by name, each pointing at its current version. Swapping is
 * one Map write: a request reads its version once when it starts and keeps it to the end, so an
 * alias move never mixes two versions within one answer, and no request waits for it.
 */
export class ServedModels {
  readonly #byName = new Map<string, ServedVersion>();

  constructor(versions: readonly ServedVersion[]) {
    for (const v of versions) {
      if (this.#byName.has(v.name))
        throw new InputError(
          'duplicate_model',
          `two models would be served as '${v.name}' (${this.#byName.get(v.name)!.source.uri} and ${v.source.uri}): serve them from separate servers or register them under different names`,
          { field: 'models' },
        );
      if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(v.name))
        throw new InputError(
          'bad_model_name',
          `model name '${v.name}' cannot be a URL path segment: use letters, digits, '.', '_' and '-'`,
          { field: 'name' },
        );
      this.#byName.set(v.name, v);
    }
  }

  get size(): number {
    return this.#byName.size;
  }

  get(name: string): ServedVersion | undefined {
    return this.#byName.get(name);
  }

  /** The model by name, or a 404 InputError listing the names served. */
  require(name: string): ServedVersion {
    const v = this.#byName.get(name);
    if (v) return v;
    throw new InputError(
      'unknown_model',
      `no model named '${name}' here (serving: ${this.names().join(', ')})`,
      {
        field: 'name',
        value: name,
        known: this.names(),
      },
    );
  }

  names(): string[] {
    return [...this.#byName.keys()];
  }

  all(): ServedVersion[] {
    return [...this.#byName.values()];
  }

  /** Makes `next` the current version of its name; returns the one it replaces. */
  swap(next: ServedVersion): ServedVersion {
    const prev = this.require(next.name);
    this.#byName.set(next.name, next);
    return prev;
  }
}

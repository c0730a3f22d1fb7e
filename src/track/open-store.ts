/**
 * Opens a store from a URI, the backend chosen by its scheme:
 *
 *   await openStore()                          // .cairn/cairn.db under the working directory
 *   await openStore('sqlite:runs/cairn.db')    // a SQLite file, relative to the working directory
 *   await openStore('sqlite:///srv/cairn.db')  // an absolute path, URL style
 *   await openStore('/srv/cairn.db')           // a bare path is a SQLite file too
 *
 * Missing directories are created. PostgreSQL (`postgres://`) follows with the `pg` dialect.
 * Node-only (it touches the file system).
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Kysely } from 'kysely';
import { InputError } from '../util/errors.js';
import { KyselyStore } from './kysely-store/kysely-store.js';
import { type SqliteOptions, sqliteDialect } from './kysely-store/sqlite-dialect.js';
import type { TrackDatabase } from './kysely-store/tables.js';
import type { Store } from './store.js';

export const DEFAULT_STORE_PATH = '.cairn/cairn.db';
export const SUPPORTED_SCHEMES = ['sqlite:'] as const;

export type OpenStoreOptions = SqliteOptions & {
  /** Base for relative paths (default: process.cwd()). */
  readonly cwd?: string;
};

/** What a URI names, before anything is opened. */
export type StoreTarget = { readonly kind: 'sqlite'; readonly file: string };

/** Hides a password in a URI (`postgres://me:***@host/db`), for messages. */
export function redactUri(uri: string): string {
  return uri.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*):[^@/]*@/i, '$1:***@');
}

export function parseStoreUri(uri: string | undefined, cwd: string = process.cwd()): StoreTarget {
  if (uri === undefined || uri === '') return { kind: 'sqlite', file: resolve(cwd, DEFAULT_STORE_PATH) };
  if (typeof uri !== 'string')
    throw new InputError('unsupported_uri', `store URI must be a string, got ${typeof uri}`, {
      field: 'store',
    });
  // a scheme is two or more letters, so that a Windows drive (C:\...) stays a path
  const scheme = /^([a-z][a-z0-9+.-]+):/i.exec(uri)?.[1]?.toLowerCase();
  if (scheme === undefined) return { kind: 'sqlite', file: resolve(cwd, uri) };
  if (scheme === 'sqlite') {
    let rest = uri.slice('sqlite:'.length);
    if (rest === ':memory:') return { kind: 'sqlite', file: ':memory:' };
    if (rest.startsWith('//')) rest = rest.slice(2); // sqlite:///abs/path, like file:///abs/path
    if (rest === '')
      throw new InputError(
        'unsupported_uri',
        `store URI '${uri}' names no file; write sqlite:path/to/cairn.db`,
        {
          field: 'store',
          uri,
        },
      );
    return { kind: 'sqlite', file: resolve(cwd, rest) };
  }
  const shown = redactUri(uri);
  const later =
    scheme === 'postgres' || scheme === 'postgresql' ? ' (PostgreSQL support is not in this build yet)' : '';
  throw new InputError(
    'unsupported_uri',
    `store URI '${shown}' has an unsupported scheme '${scheme}:'${later}; supported: ` +
      `${SUPPORTED_SCHEMES.join(', ')} or a bare file path (default ${DEFAULT_STORE_PATH})`,
    { field: 'store', uri: shown, supported: [...SUPPORTED_SCHEMES] },
  );
}

export async function openStore(uri?: string, opts: OpenStoreOptions = {}): Promise<Store> {
  const target = parseStoreUri(uri, opts.cwd);
  const { file } = target;
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  let dialect: ReturnType<typeof sqliteDialect>;
  try {
    dialect = sqliteDialect(file, opts);
  } catch (e) {
    throw sqliteOpenError(e, file);
  }
  try {
    return await KyselyStore.open(new Kysely<TrackDatabase>({ dialect }), {
      location: file,
      ...(file === ':memory:' ? {} : { folder: dirname(file) }),
    });
  } catch (e) {
    throw sqliteOpenError(e, file);
  }
}

/** SQLite's own errors about the file itself become InputErrors naming the file. */
export function sqliteOpenError(e: unknown, file: string): unknown {
  const code = (e as { code?: unknown })?.code;
  if (
    code === 'SQLITE_NOTADB' ||
    code === 'SQLITE_CANTOPEN' ||
    code === 'SQLITE_READONLY' ||
    code === 'SQLITE_CORRUPT'
  )
    return new InputError('bad_store', `cannot open store ${file}: ${(e as Error).message} (${code})`, {
      file,
    });
  return e;
}

/**
 * Brings a store's schema up to this version of Cairn, on open. Applied migrations are recorded by
 * name in `cairn_migrations`; the pending ones run in order inside one write transaction, so two
 * processes opening a fresh store at once migrate it once. A store that records a migration this
 * version does not know was made by a newer Cairn and is refused rather than misread.
 */
import type { Kysely, Transaction } from 'kysely';
import { InputError } from '../../util/errors.js';
import { MIGRATIONS, type Migration } from '../migrations/index.js';
import { MIGRATIONS_TABLE, type TrackDatabase } from './tables.js';

export interface MigrateOptions {
  /** Where the store is, for messages (a path or a URI without its password). */
  readonly location: string;
  /** Defaults to every migration this version knows. */
  readonly migrations?: readonly Migration[];
  /** Engine-specific lock taken first in the migration transaction (PostgreSQL: an advisory lock). */
  readonly lock?: (trx: Transaction<TrackDatabase>) => Promise<void>;
}

/** Applies the pending migrations; returns the names applied now (empty when up to date). */
export async function migrate(db: Kysely<TrackDatabase>, opts: MigrateOptions): Promise<string[]> {
  const migrations = opts.migrations ?? MIGRATIONS;
  checkSequence(migrations);
  // cheap read first: an up-to-date store is opened without taking the write lock
  const before = await appliedNames(db, opts.location);
  if (before && pending(migrations, before, opts.location).length === 0) return [];

  return db.transaction().execute(async (trx) => {
    await opts.lock?.(trx);
    let applied = await appliedNames(trx, opts.location);
    if (!applied) {
      await trx.schema
        .createTable(MIGRATIONS_TABLE)
        .ifNotExists()
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('applied_at', 'bigint', (c) => c.notNull())
        .execute();
      applied = new Set();
    }
    const todo = pending(migrations, applied, opts.location);
    for (const m of todo) {
      await m.up(trx as unknown as Kysely<unknown>);
      await trx.insertInto(MIGRATIONS_TABLE).values({ name: m.name, applied_at: Date.now() }).execute();
    }
    return todo.map((m) => m.name);
  });
}

/** Names recorded as applied, or null for a store never migrated (which must then be empty). */
async function appliedNames(db: Kysely<TrackDatabase>, location: string): Promise<Set<string> | null> {
  const tables = (await db.introspection.getTables()).map((t) => t.name);
  if (!tables.includes(MIGRATIONS_TABLE)) {
    if (tables.length > 0)
      throw new InputError(
        'not_a_store',
        `${location} is not a Cairn store: it holds tables (${tables.slice(0, 5).join(', ')}) but no ${MIGRATIONS_TABLE}`,
        { file: location },
      );
    return null;
  }
  const rows = await db.selectFrom(MIGRATIONS_TABLE).select('name').execute();
  return new Set(rows.map((r) => r.name));
}

function pending(migrations: readonly Migration[], applied: Set<string>, location: string): Migration[] {
  const known = new Set(migrations.map((m) => m.name));
  const unknown = [...applied].filter((n) => !known.has(n)).sort();
  if (unknown.length > 0)
    throw new InputError(
      'store_too_new',
      `${location} was migrated by a newer Cairn (migration ${unknown.join(', ')} is unknown to this version); ` +
        'upgrade Cairn to open it',
      { file: location, unknownMigrations: unknown },
    );
  return migrations.filter((m) => !applied.has(m.name));
}

/** Migration names must be unique, numbered and in increasing order: `001_x`, `002_y`, ... */
function checkSequence(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (!/^\d{3}_[a-z0-9_]+$/.test(m.name))
      throw new Error(`migration name '${m.name}' must look like 001_initial`);
    if (i > 0 && m.name <= migrations[i - 1].name)
      throw new Error(`migration '${m.name}' is out of order after '${migrations[i - 1].name}'`);
  });
}

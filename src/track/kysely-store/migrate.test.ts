import { Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { InputError } from '../../util/errors.js';
import type { Migration } from '../migrations/index.js';
import { migrate } from './migrate.js';
import { sqliteDialect } from './sqlite-dialect.js';
import type { TrackDatabase } from './tables.js';

const open: Kysely<TrackDatabase>[] = [];
function memoryDb(): Kysely<TrackDatabase> {
  const db = new Kysely<TrackDatabase>({ dialect: sqliteDialect(':memory:') });
  open.push(db);
  return db;
}
afterEach(async () => {
  for (const db of open.splice(0)) await db.destroy();
});

const table = (name: string, fail = false): Migration => ({
  name,
  async up(db) {
    await db.schema.createTable(`t_${name}`).addColumn('x', 'text').execute();
    if (fail) throw new Error(`${name} broke`);
  },
});

async function tables(db: Kysely<TrackDatabase>): Promise<string[]> {
  return (await db.introspection.getTables()).map((t) => t.name).sort();
}

describe('migrate', () => {
  it('applies pending migrations in order, once', async () => {
    const db = memoryDb();
    const opts = { location: 'mem', migrations: [table('001_a'), table('002_b')] };
    expect(await migrate(db, opts)).toEqual(['001_a', '002_b']);
    expect(await migrate(db, opts)).toEqual([]);
    expect(await migrate(db, { ...opts, migrations: [...opts.migrations, table('003_c')] })).toEqual([
      '003_c',
    ]);
    expect(await tables(db)).toEqual(['cairn_migrations', 't_001_a', 't_002_b', 't_003_c']);
  });

  it('rolls every pending migration back when one fails', async () => {
    const db = memoryDb();
    const err = await migrate(db, {
      location: 'mem',
      migrations: [table('001_a'), table('002_b', true)],
    }).catch((e: unknown) => e);
    expect((err as Error).message).toBe('002_b broke');
    expect(await tables(db)).toEqual([]);
  });

  it('refuses a store that records a migration it does not know', async () => {
    const db = memoryDb();
    await migrate(db, { location: 'mem.db', migrations: [table('001_a'), table('002_b')] });
    const err = await migrate(db, { location: 'mem.db', migrations: [table('001_a')] }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).code).toBe('store_too_new');
    expect((err as InputError).details).toMatchObject({ file: 'mem.db', unknownMigrations: ['002_b'] });
  });

  it('rejects a badly named or misordered migration list (a bug, not an input error)', async () => {
    const db = memoryDb();
    await expect(migrate(db, { location: 'mem', migrations: [table('initial')] })).rejects.toThrow(
      /001_initial/,
    );
    await expect(
      migrate(db, { location: 'mem', migrations: [table('002_b'), table('001_a')] }),
    ).rejects.toThrow(/out of order/);
  });
});

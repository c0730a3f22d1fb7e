import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../util/errors.js';
import { MIGRATIONS } from './migrations/index.js';
import { openStore } from './open-store.js';
import { runStoreContract } from './store-contract.js';

const dir = mkdtempSync(join(tmpdir(), 'cairn-sqlite-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

runStoreContract({ name: 'SQLite store', open: () => openStore(`sqlite:${join(dir, 'contract.db')}`) });

describe('SQLite store on disk', () => {
  it('uses WAL and stores times as integer epoch ms and NaN as NULL', async () => {
    const file = join(dir, 'raw.db');
    const store = await openStore(file);
    const run = await store.createRun({ experiment: 'raw' });
    await store.logBatch(run.id, {
      metrics: [
        { key: 'loss', value: Number.NaN, step: 1, timestamp: 1_700_000_000_123 },
        { key: 'loss', value: Number.POSITIVE_INFINITY, step: 2, timestamp: 1_700_000_000_456 },
      ],
    });
    await store.close();
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      const r = db.prepare('select typeof(start_time) t, start_time v from runs').get() as {
        t: string;
        v: number;
      };
      expect(r.t).toBe('integer');
      expect(Math.abs(r.v - Date.now())).toBeLessThan(60_000);
      const rows = db
        .prepare('select typeof(value) tv, value, typeof(timestamp) tt from metrics order by step')
        .all();
      expect(rows).toEqual([
        { tv: 'null', value: null, tt: 'integer' },
        { tv: 'real', value: Number.POSITIVE_INFINITY, tt: 'integer' },
      ]);
    } finally {
      db.close();
    }
  });

  it('records applied migrations and applies none again on reopen', async () => {
    const file = join(dir, 'migrations.db');
    await (await openStore(file)).close();
    const db = new Database(file);
    const rows = () =>
      db.prepare('select name, applied_at from cairn_migrations').all() as {
        name: string;
        applied_at: number;
      }[];
    const first = rows();
    expect(first.map((r) => r.name)).toEqual(MIGRATIONS.map((m) => m.name));
    await (await openStore(file)).close();
    expect(rows()).toEqual(first);
    db.close();
  });

  it('refuses a store migrated by a newer Cairn, naming the unknown migration', async () => {
    const file = join(dir, 'newer.db');
    await (await openStore(file)).close();
    const db = new Database(file);
    db.prepare('insert into cairn_migrations (name, applied_at) values (?, ?)').run(
      '999_from_the_future',
      Date.now(),
    );
    db.close();
    const e = await openStore(file).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).code).toBe('store_too_new');
    expect((e as InputError).message).toContain('999_from_the_future');
    expect((e as InputError).message).toContain(file);
    expect((e as InputError).details.file).toBe(file);
  });

  it('refuses a SQLite database that is not a Cairn store, and a file that is not SQLite', async () => {
    const foreign = join(dir, 'foreign.db');
    const db = new Database(foreign);
    db.exec('create table customers (id integer)');
    db.close();
    const e1 = await openStore(foreign).catch((err: unknown) => err);
    expect((e1 as InputError).code).toBe('not_a_store');
    expect((e1 as InputError).message).toContain('customers');

    const text = join(dir, 'notes.db');
    writeFileSync(text, 'these are not the bytes of a database\n'.repeat(200));
    const e2 = await openStore(text).catch((err: unknown) => err);
    expect(e2).toBeInstanceOf(InputError);
    expect((e2 as InputError).details.file).toBe(text);
  });

  it('creates missing directories for the file', async () => {
    const file = join(dir, 'a', 'b', 'c', 'cairn.db');
    const store = await openStore(`sqlite:${file}`);
    expect(await store.listExperiments()).toEqual([]);
    await store.close();
    expect(
      new Database(file, { readonly: true }).prepare('select count(*) n from experiments').get(),
    ).toEqual({ n: 0 });
  });
});

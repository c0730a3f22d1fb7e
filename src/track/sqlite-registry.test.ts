/** How a SQLite store keeps registered model sources: relative to its folder when inside it. */
import { mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { fromStoredSource, toStoredSource } from './kysely-store/registry-source.js';
import { openStore } from './open-store.js';

const dir = mkdtempSync(join(tmpdir(), 'cairn-sqlite-registry-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('registered model sources', () => {
  it('are relative to the store folder inside it, absolute outside it', () => {
    const folder = join(dir, 'proj', '.cairn');
    expect(toStoredSource(folder, join(folder, 'artifacts', 'r1', 'model'))).toBe('artifacts/r1/model');
    expect(toStoredSource(folder, join(dir, 'elsewhere', 'model'))).toBe(join(dir, 'elsewhere', 'model'));
    expect(toStoredSource(folder, folder)).toBe(folder);
    expect(toStoredSource(undefined, join(folder, 'm'))).toBe(join(folder, 'm'));
    expect(fromStoredSource(folder, 'artifacts/r1/model')).toBe(join(folder, 'artifacts', 'r1', 'model'));
    expect(fromStoredSource(folder, join(dir, 'x'))).toBe(join(dir, 'x'));
  });

  it('follow a .cairn folder that is moved whole', async () => {
    const home = join(dir, 'before', '.cairn');
    const inside = join(home, 'artifacts', 'run1', 'model');
    const outside = join(dir, 'shared-models', 'm');
    const store = await openStore(`sqlite:${join(home, 'cairn.db')}`);
    await store.registerModelVersion({ name: 'churn', source: inside });
    await store.registerModelVersion({ name: 'churn', source: outside });
    expect((await store.getModelVersion('churn', 1)).source).toBe(inside);
    await store.close();

    const db = new Database(join(home, 'cairn.db'), { readonly: true });
    expect(db.prepare('select source from model_versions order by version').all()).toEqual([
      { source: 'artifacts/run1/model' },
      { source: outside },
    ]);
    db.close();

    const moved = join(dir, 'after', '.cairn');
    renameSync(join(dir, 'before'), join(dir, 'after'));
    const reopened = await openStore(join(moved, 'cairn.db'));
    expect((await reopened.getModelVersion('churn', 1)).source).toBe(
      join(moved, 'artifacts', 'run1', 'model'),
    );
    expect((await reopened.getModelVersion('churn', 2)).source).toBe(outside);
    await reopened.close();
  });

  it('stay absolute in an in-memory store', async () => {
    const store = await openStore('sqlite::memory:');
    const v = await store.registerModelVersion({ name: 'm', source: join(dir, 'm') });
    expect(v.source).toBe(join(dir, 'm'));
    await store.close();
  });
});

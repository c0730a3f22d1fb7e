import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../util/errors.js';
import { DEFAULT_STORE_PATH, openStore, parseStoreUri, redactUri } from './open-store.js';

describe('parseStoreUri', () => {
  const cwd = '/home/ana/project';
  it('defaults to .cairn/cairn.db under the working directory', () => {
    expect(parseStoreUri(undefined, cwd)).toEqual({ kind: 'sqlite', file: resolve(cwd, DEFAULT_STORE_PATH) });
    expect(parseStoreUri('', cwd).file).toBe('/home/ana/project/.cairn/cairn.db');
  });

  it('reads sqlite: URIs, URL-style absolute ones, bare paths and :memory:', () => {
    expect(parseStoreUri('sqlite:runs/x.db', cwd).file).toBe('/home/ana/project/runs/x.db');
    expect(parseStoreUri('sqlite:/srv/x.db', cwd).file).toBe('/srv/x.db');
    expect(parseStoreUri('sqlite:///srv/x.db', cwd).file).toBe('/srv/x.db');
    expect(parseStoreUri('SQLite:x.db', cwd).file).toBe('/home/ana/project/x.db');
    expect(parseStoreUri('data/x.db', cwd).file).toBe('/home/ana/project/data/x.db');
    expect(parseStoreUri('/abs/x.db', cwd).file).toBe('/abs/x.db');
    expect(parseStoreUri('sqlite::memory:', cwd).file).toBe(':memory:');
  });

  it('refuses unknown schemes, naming the URI and the supported schemes, without the password', () => {
    const err = (uri: string) => {
      try {
        parseStoreUri(uri, cwd);
      } catch (e) {
        return e as InputError;
      }
      throw new Error(`${uri} was accepted`);
    };
    const e = err('mysql://db.example/cairn');
    expect(e).toBeInstanceOf(InputError);
    expect(e.code).toBe('unsupported_uri');
    expect(e.message).toContain('mysql://db.example/cairn');
    expect(e.message).toContain('sqlite:');
    expect(e.details.field).toBe('store');
    const pg = err('postgres://ana:s3cret@db.example:5432/cairn');
    expect(pg.message).toContain('postgres://ana:***@db.example:5432/cairn');
    expect(pg.message).not.toContain('s3cret');
    expect(pg.message).toContain('PostgreSQL');
    expect(err('sqlite:').code).toBe('unsupported_uri');
  });

  it('redacts only the password', () => {
    expect(redactUri('postgresql://u:p@h/db')).toBe('postgresql://u:***@h/db');
    expect(redactUri('postgresql://u@h/db')).toBe('postgresql://u@h/db');
    expect(redactUri('sqlite:a:b@c')).toBe('sqlite:a:b@c');
  });
});

describe('openStore', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-open-store-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('opens the default store under cwd, creating .cairn/', async () => {
    const a = await openStore(undefined, { cwd: dir });
    const exp = await a.createExperiment('default-store');
    await a.close();
    const b = await openStore(`sqlite:${join(dir, DEFAULT_STORE_PATH)}`);
    expect(await b.getExperimentByName('default-store')).toEqual(exp);
    await b.close();
  });

  it('opens an in-memory store', async () => {
    const s = await openStore('sqlite::memory:');
    const run = await s.createRun({ experiment: 'mem' });
    expect((await s.getRun(run.id)).status).toBe('running');
    await s.close();
  });
});

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { parseStoreUri } from '../open-store.js';
import { openPredictionLog, type PredictionLog } from './open.js';
import type { PredictionRecord } from './records.js';
import { record, tempStore } from './testing/fixtures.js';

const opened: PredictionLog[] = [];
async function open(uri: string, opts: Parameters<typeof openPredictionLog>[1] = {}): Promise<PredictionLog> {
  const log = await openPredictionLog(uri, opts);
  opened.push(log);
  return log;
}
afterEach(async () => {
  await Promise.allSettled(opened.splice(0).map((l) => l.close()));
});

const tick = () => new Promise((r) => setImmediate(r));

describe('PredictionLogWriter', () => {
  it('logs 100,000 records with flushes in between, losing none and keeping their order', async () => {
    const log = await open(await tempStore());
    const ids: string[] = [];
    for (let i = 0; i < 100_000; i++) {
      const r = record(i);
      ids.push(r.id);
      log.writer.log(r);
      if (i % 7919 === 0)
        await log.writer.flush(); // a partial batch now and then
      else if (i % 1013 === 0) await tick(); // let full batches go meanwhile
    }
    await log.writer.flush();
    const stats = log.writer.stats();
    expect(stats).toMatchObject({ logged: 100_000, written: 100_000, dropped: 0, rejected: 0, pending: 0 });
    expect(stats.batches).toBeGreaterThan(100); // full batches and the partial ones
    expect(await log.reader.count({ model: 'churn' })).toBe(100_000);
    const back = await log.reader.query({ model: 'churn' });
    expect(back.map((r) => r.id)).toEqual(ids);
    expect(back[12_345]).toEqual({ ...record(12_345, { id: ids[12_345] }), feedback: null });
  });

  it('can be read while it logs', async () => {
    const log = await open(await tempStore(), { flushMs: 5, maxBatch: 300 });
    const seen: number[] = [];
    for (let i = 0; i < 20_000; i++) {
      log.writer.log(record(i));
      if (i % 500 === 0) {
        seen.push(await log.reader.count({ model: 'churn' }));
        await tick();
      }
    }
    await log.writer.flush();
    seen.push(await log.reader.count({ model: 'churn' }));
    expect(seen.at(-1)).toBe(20_000);
    expect(seen).toEqual([...seen].sort((a, b) => a - b)); // never goes back
    expect(new Set(seen).size).toBeGreaterThan(5); // rows arrived while we read
  });

  it('shares a database with another writer: both logs complete, each in its own order', async () => {
    const uri = await tempStore();
    const [a, b] = [await open(uri, { maxBatch: 250 }), await open(uri, { maxBatch: 400 })];
    const ids = { a: [] as string[], b: [] as string[] };
    for (let i = 0; i < 10_000; i++) {
      const ra = record(i, { model: 'a' });
      const rb = record(i, { model: 'b' });
      ids.a.push(ra.id);
      ids.b.push(rb.id);
      a.writer.log(ra);
      b.writer.log(rb);
      if (i % 500 === 0) await tick();
    }
    await Promise.all([a.writer.flush(), b.writer.flush()]);
    expect(a.writer.stats().failures + b.writer.stats().failures).toBe(0);
    expect((await a.reader.query({ model: 'a' })).map((r) => r.id)).toEqual(ids.a);
    expect((await a.reader.query({ model: 'b' })).map((r) => r.id)).toEqual(ids.b);
  });

  it('drops the oldest records under overload and counts them', async () => {
    const log = await open(await tempStore(), { maxBuffer: 1000 });
    const ids: string[] = [];
    for (let i = 0; i < 10_000; i++) {
      const r = record(i);
      ids.push(r.id);
      log.writer.log(r); // in one turn of the event loop: nothing can be written meanwhile
    }
    expect(log.writer.dropped).toBe(9000);
    expect(log.writer.stats().pending).toBe(1000);
    await log.writer.flush();
    expect((await log.reader.query({ model: 'churn' })).map((r) => r.id)).toEqual(ids.slice(9000));
    expect(log.writer.stats()).toMatchObject({ logged: 10_000, written: 1000, dropped: 9000 });
  });

  it('never throws into the caller, and counts what it refused', async () => {
    const log = await open(await tempStore());
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    const bad: unknown[] = [
      null,
      undefined,
      42,
      {},
      { ...record(0), id: 7 },
      { ...record(0), inputs: circular },
      { ...record(0), inputs: { big: 10n } },
      { ...record(0), outputs: null },
      { ...record(0), version: -1 },
      { ...record(0), model: 'a\nb' },
    ];
    for (const b of bad) expect(() => log.writer.log(b as PredictionRecord)).not.toThrow();
    const good = record(1);
    log.writer.log(good);
    log.writer.log({ ...good }); // the same id again: kept once
    await log.writer.flush();
    expect(log.writer.stats()).toMatchObject({ logged: 2, rejected: bad.length, written: 1, duplicates: 1 });
    expect(log.writer.stats().lastRejection).toMatch(/prediction record: model must be/);
    await log.close();
    expect(() => log.writer.log(record(2))).not.toThrow();
    expect(log.writer.dropped).toBe(1);
  });

  it('keeps a batch whose write failed, reports it, and writes it once the store works again', async () => {
    const uri = await tempStore();
    const errors: Error[] = [];
    const log = await open(uri, {
      flushMs: 20,
      onError: (e) => {
        errors.push(e);
        throw new Error('a broken error handler is not our problem');
      },
    });
    const other = new Database(parseStoreUri(uri).file);
    other.exec('alter table predictions rename to predictions_away');
    const ids = Array.from({ length: 50 }, (_, i) => {
      const r = record(i);
      log.writer.log(r);
      return r.id;
    });
    await expect(log.writer.flush()).rejects.toThrow(/a batch of 50 records failed: .*no such table/);
    expect(errors.length).toBeGreaterThan(0);
    expect(log.writer.stats()).toMatchObject({ failures: errors.length, pending: 50, dropped: 0 });
    other.exec('alter table predictions_away rename to predictions');
    other.close();
    // tried again after flushMs
    await new Promise((r) => setTimeout(r, 100));
    await log.writer.flush();
    expect((await log.reader.query({ model: 'churn' })).map((r) => r.id)).toEqual(ids);
    expect(log.writer.stats()).toMatchObject({ written: 50, dropped: 0, pending: 0 });
  });

  it('lets the process exit after close(), and without close() once everything is written', () => {
    const src = (p: string) => JSON.stringify(new URL(p, import.meta.url).href);
    const script = (close: boolean) => `
      const { register } = await import('tsx/esm/api');
      register();
      const { openPredictionLog } = await import(${src('./open.ts')});
      const { record, tempStore } = await import(${src('./testing/fixtures.ts')});
      const uri = await tempStore();
      const log = await openPredictionLog(uri);
      for (let i = 0; i < 2500; i++) log.writer.log(record(i));
      ${close ? 'await log.close();' : ''}
      console.log(uri);
    `;
    const repo = fileURLToPath(new URL('../../../', import.meta.url));
    for (const close of [true, false]) {
      const child = spawnSync(process.execPath, ['--input-type=module', '-e', script(close)], {
        cwd: repo,
        encoding: 'utf8',
        timeout: 50_000,
      });
      expect(child.stderr).toBe('');
      expect(child.signal).toBeNull(); // not killed by the timeout
      expect(child.status).toBe(0);
      const db = new Database(parseStoreUri(child.stdout.trim()).file, { readonly: true });
      const { n } = db.prepare('select count(*) as n from predictions').get() as { n: number };
      db.close();
      expect(n, close ? 'with close()' : 'without close()').toBe(2500);
    }
  });
});

import { writeFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { InputError } from '../../util/errors.js';
import { parseStoreUri } from '../open-store.js';
import { openPredictionLog, openPredictionLogReader, type PredictionLog } from './open.js';
import { record, tempStore } from './testing/fixtures.js';

/** A column's values as a plain array (typed or not). */
const values = (v: ArrayLike<unknown>) => Array.from(v);

const opened: PredictionLog[] = [];
async function open(uri: string): Promise<PredictionLog> {
  const log = await openPredictionLog(uri);
  opened.push(log);
  return log;
}
afterEach(async () => {
  await Promise.allSettled(opened.splice(0).map((l) => l.close()));
});

async function refusal(p: Promise<unknown>): Promise<InputError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(InputError);
  return e as InputError;
}

describe('prediction log: feedback', () => {
  it('joins ground truth to its prediction, even one still waiting in the buffer', async () => {
    const log = await open(await tempStore());
    const [a, b, c] = [record(0), record(1), record(2)];
    for (const r of [a, b, c]) log.writer.log(r);
    // nothing is written yet: addFeedback flushes before it looks for the id
    expect(log.writer.stats().pending).toBe(3);
    expect(await log.addFeedback(a.id, 'yes', 1_700_000_100_000)).toEqual({
      predictionId: a.id,
      value: 'yes',
      time: 1_700_000_100_000,
    });
    await log.addFeedback(c.id, 'no', 5);
    await log.addFeedback(c.id, true, 6); // a correction replaces the earlier value
    const rows = await log.reader.query({ model: 'churn' });
    expect(rows.map((r) => r.feedback)).toEqual([
      { predictionId: a.id, value: 'yes', time: 1_700_000_100_000 },
      null,
      { predictionId: c.id, value: true, time: 6 },
    ]);
    expect(rows[0]).toMatchObject({ id: a.id, inputs: a.inputs, outputs: a.outputs, latencyMs: a.latencyMs });
  });

  it('refuses an unknown id, naming it, and a value that is not ground truth', async () => {
    const log = await open(await tempStore());
    const e = await refusal(log.addFeedback('no-such-id', 'yes'));
    expect(e.code).toBe('unknown_prediction');
    expect(e.message).toMatch(/no prediction with id 'no-such-id'/);
    expect(e.details).toMatchObject({ field: 'predictionId', predictionId: 'no-such-id' });
    const r = record(0);
    log.writer.log(r);
    expect((await refusal(log.addFeedback(r.id, null))).details.field).toBe('value');
    expect((await refusal(log.addFeedback(r.id, Number.NaN))).details.field).toBe('value');
    expect((await refusal(log.addFeedback('', 1))).details.field).toBe('predictionId');
    expect((await refusal(log.addFeedback(r.id, 1, Number.NaN))).details.field).toBe('time');
  });
});

describe('prediction log: reading', () => {
  it('survives a restart: records and feedback are in the database, and new ones follow', async () => {
    const uri = await tempStore();
    const first = await openPredictionLog(uri);
    const before = Array.from({ length: 1500 }, (_, i) => record(i));
    for (const r of before) first.writer.log(r);
    await first.addFeedback(before[7].id, 'no');
    await first.close();
    await first.close(); // twice is harmless

    const again = await open(uri);
    const after = Array.from({ length: 10 }, (_, i) => record(2000 + i));
    for (const r of after) again.writer.log(r);
    await again.writer.flush();
    const rows = await again.reader.query({ model: 'churn' });
    expect(rows.map((r) => r.id)).toEqual([...before, ...after].map((r) => r.id));
    expect(rows[7].feedback?.value).toBe('no');
  });

  it('opens for reading alone, without a writer thread', async () => {
    const uri = await tempStore();
    const log = await open(uri);
    const r = record(0);
    log.writer.log(r);
    await log.addFeedback(r.id, 'no');
    const only = await openPredictionLogReader(uri);
    try {
      expect(only.location).toBe(log.location);
      expect(await only.reader.query({ model: 'churn' })).toMatchObject([
        { id: r.id, feedback: { value: 'no' } },
      ]);
    } finally {
      await only.close();
    }
  });

  it('filters by model, version and time, and limits from either end', async () => {
    const log = await open(await tempStore());
    const rs = [
      record(0, { time: 1000 }),
      record(1, { time: 2000, version: 2 }),
      record(2, { time: 3000, version: null, source: 'batch' }),
      record(3, { time: 4000, model: 'other' }),
      record(4, { time: 5000 }),
    ];
    for (const r of rs) log.writer.log(r);
    await log.writer.flush();
    const ids = async (q: Parameters<typeof log.reader.query>[0]) =>
      (await log.reader.query(q)).map((r) => rs.findIndex((x) => x.id === r.id));
    expect(await ids({ model: 'churn' })).toEqual([0, 1, 2, 4]);
    expect(await ids({ model: 'churn', version: 1 })).toEqual([0, 4]);
    expect(await ids({ model: 'churn', version: null })).toEqual([2]);
    expect(await ids({ model: 'churn', since: 2000, until: new Date(5000) })).toEqual([1, 2]);
    expect(await ids({ model: 'churn', limit: 2 })).toEqual([0, 1]);
    expect(await ids({ model: 'churn', limit: 2, order: 'newest' })).toEqual([4, 2]);
    expect(await log.reader.count({ model: 'churn', since: 2000 })).toBe(3);
    expect(await log.reader.count({ model: 'nobody' })).toBe(0);
    expect((await log.reader.query({ model: 'churn', version: null }))[0].source).toBe('batch');
  });

  it('refuses a malformed query, naming the field', async () => {
    const log = await open(await tempStore());
    const q = log.reader;
    expect((await refusal(q.query({} as never))).details.field).toBe('model');
    expect((await refusal(q.query({ model: 'm', since: Number.NaN }))).details.field).toBe('since');
    expect((await refusal(q.query({ model: 'm', until: new Date('nope') }))).details.field).toBe('until');
    expect((await refusal(q.query({ model: 'm', limit: -1 }))).details.field).toBe('limit');
    expect((await refusal(q.query({ model: 'm', version: 'one' as never }))).details.field).toBe('version');
    expect((await refusal(q.query({ model: 'm', order: 'up' as never }))).details.field).toBe('order');
    expect((await refusal(q.window({ model: 'm' } as never))).details.field).toBe('features');
  });

  it('gives the monitor a window of typed columns, in the signature kinds', async () => {
    const log = await open(await tempStore());
    const rs = Array.from({ length: 6 }, (_, i) =>
      record(i, {
        time: 1000 * (i + 1),
        inputs: {
          tenure: i,
          plan: ['pro', 'basic', 'gold'][i % 3],
          paperless: i % 2 === 0,
          extra: 'ignored',
        },
      }),
    );
    for (const r of rs) log.writer.log(r);
    await log.addFeedback(rs[1].id, 'yes');
    await log.addFeedback(rs[2].id, 'maybe');
    const features = [
      { name: 'tenure', kind: 'number' as const },
      { name: 'plan', kind: 'category' as const, categories: ['basic', 'pro'] },
      { name: 'paperless', kind: 'boolean' as const },
      { name: 'charges', kind: 'number' as const },
    ];
    const w = await log.reader.window({ model: 'churn', features, classes: ['no', 'yes'], since: 2000 });
    expect(w.rows).toBe(5);
    expect(w.ids).toEqual(rs.slice(1).map((r) => r.id));
    expect(Array.from(w.times)).toEqual([2000, 3000, 4000, 5000, 6000]);
    expect(w.versions).toEqual([1, 1, 1, 1, 1]);
    expect(w.inputs.names).toEqual(['tenure', 'plan', 'paperless', 'charges']);
    expect(Array.from(w.inputs.columnOf('tenure', 'number').values)).toEqual([1, 2, 3, 4, 5]);
    expect(w.inputs.columnOf('plan', 'category').categories).toEqual(['basic', 'pro', 'gold']);
    expect(w.inputs.toRecords(0, 2)).toEqual([
      { tenure: 1, plan: 'basic', paperless: false, charges: null },
      { tenure: 2, plan: 'gold', paperless: true, charges: null },
    ]);
    // predictions as labels in the model's class order; feedback coded alike, with a new label
    expect(w.predictions).toMatchObject({ kind: 'category', categories: ['no', 'yes', 'maybe'] });
    expect(values(w.predictions.values)).toEqual([0, 0, 1, 0, 0]);
    expect(values(w.feedback.values)).toEqual([1, 2, -1, -1, -1]);
    expect(w.withFeedback).toBe(2);
    const latest = await log.reader.window({ model: 'churn', features, limit: 2 });
    expect(latest.ids).toEqual(rs.slice(4).map((r) => r.id));
  });

  it('gives regression predictions and feedback as numbers', async () => {
    const log = await open(await tempStore());
    const rs = [2.5, null, 7].map((p, i) => record(i, { outputs: { prediction: p } }));
    for (const r of rs) log.writer.log(r);
    await log.addFeedback(rs[0].id, 3);
    const w = await log.reader.window({ model: 'churn', features: [] });
    expect(w.predictions.kind).toBe('number');
    expect(values(w.predictions.values)).toEqual([2.5, Number.NaN, 7]);
    expect(values(w.feedback.values)).toEqual([3, Number.NaN, Number.NaN]);
    expect(w.inputs.nRows).toBe(3);
  });
});

describe('openPredictionLog', () => {
  it('refuses an in-memory store and a file that is not a database, naming it', async () => {
    expect((await refusal(openPredictionLog('sqlite::memory:'))).details.field).toBe('store');
    const uri = await tempStore();
    const file = parseStoreUri(uri).file;
    await writeFile(file, 'this is not a database, just text that is long enough to have a header page');
    const e = await refusal(openPredictionLog(uri));
    expect(e.code).toBe('bad_store');
    expect(e.details.file).toBe(file);
  });
});

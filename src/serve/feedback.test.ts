import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPredictionLog } from '../track/prediction-log/index.js';
import { memorySink, predictionLogSink } from './prediction-sink.js';
import { penguinRow, penguinsServer } from './testing/penguins.js';

describe('POST /v1/feedback', () => {
  it('attaches ground truth by prediction id, one or a list; 404 names unknown ids', async () => {
    const sink = memorySink();
    const server = await penguinsServer({ sink });
    const res = await server.app.inject({
      method: 'POST',
      url: '/v1/models/penguins/predict',
      payload: { rows: [penguinRow(), penguinRow()] },
    });
    const [p, q] = res.json().predictions;
    const one = await server.app.inject({
      method: 'POST',
      url: '/v1/feedback',
      payload: { id: p.id, value: 'Adelie' },
    });
    expect(one.statusCode).toBe(200);
    expect(one.json()).toEqual({ accepted: 1 });
    const list = await server.app.inject({
      method: 'POST',
      url: '/v1/feedback',
      payload: [
        { id: q.id, value: 'Gentoo' },
        { id: 'no-such-id', value: 'Adelie' },
      ],
    });
    expect(list.statusCode).toBe(404);
    expect(list.json().error).toMatchObject({
      code: 'unknown_prediction',
      details: { unknown: ['no-such-id'], accepted: 1 },
    });
    expect(sink.feedback.get(p.id)).toBe('Adelie');
    expect(sink.feedback.get(q.id)).toBe('Gentoo');
    for (const bad of [
      { id: p.id },
      { value: 1 },
      { id: 7, value: 1 },
      { id: p.id, value: { a: 1 } },
      [],
      [{ id: p.id }],
    ]) {
      const r = await server.app.inject({ method: 'POST', url: '/v1/feedback', payload: bad as object });
      expect(r.statusCode, JSON.stringify(bad)).toBe(400);
      expect(r.json().error.code).toBe('bad_feedback');
    }
    await server.close();
  });
});

describe('the prediction log in the tracking store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-serve-log-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('records served predictions and takes feedback for a prediction still buffered', async () => {
    const log = await openPredictionLog(`sqlite:${join(dir, 'cairn.db')}`);
    const server = await penguinsServer({ sink: predictionLogSink(log) });
    const res = await server.app.inject({
      method: 'POST',
      url: '/v1/models/penguins/predict',
      payload: { rows: [penguinRow(), penguinRow({ sex: null })] },
    });
    const ids = res.json().predictions.map((p: { id: string }) => p.id);
    // at once: the record may still wait in the writer's buffer
    const fb = await server.app.inject({
      method: 'POST',
      url: '/v1/feedback',
      payload: { id: ids[1], value: 'Adelie' },
    });
    expect(fb.statusCode).toBe(200);
    const unknown = await server.app.inject({
      method: 'POST',
      url: '/v1/feedback',
      payload: { id: 'nope', value: 'Adelie' },
    });
    expect(unknown.statusCode).toBe(404);
    await server.close(); // flushes and closes the log
    const again = await openPredictionLog(`sqlite:${join(dir, 'cairn.db')}`);
    const logged = await again.reader.query({ model: 'penguins' });
    expect(logged.map((r) => r.id)).toEqual(ids);
    expect(logged[0]).toMatchObject({
      version: null,
      source: 'http',
      inputs: penguinRow(),
      outputs: { prediction: 'Adelie' },
    });
    expect(logged[1].inputs.sex).toBeNull();
    expect(logged[1].feedback?.value).toBe('Adelie');
    expect(logged[0].latencyMs).toBeGreaterThan(0);
    await again.close();
  });
});

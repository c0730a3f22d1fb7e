import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memorySink } from './prediction-sink.js';
import type { CairnServer } from './server.js';
import { createServer } from './server.js';
import { diabetesModel, fixed, frameOfRows, penguinRow, penguinsModel } from './testing/penguins.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('serving routes', () => {
  let server: CairnServer;
  const sink = memorySink();

  beforeAll(async () => {
    server = await createServer([fixed(await penguinsModel()), fixed(await diabetesModel(), 'diabetes', 3)], {
      sink,
      processMetrics: false,
    });
  });
  afterAll(() => server.close());

  const post = (url: string, payload: unknown) =>
    server.app.inject({ method: 'POST', url, payload: payload as object });

  it('predicts rows with ids, labels and probabilities equal to the model', async () => {
    const rows = [
      penguinRow(),
      penguinRow({
        island: 'Biscoe',
        beak_length_mm: 50,
        flipper_length_mm: 220,
        body_mass_g: 5200,
        sex: null,
      }),
    ];
    const res = await post('/v1/models/penguins/predict', { rows });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.model).toBe('penguins');
    expect(body.version).toBeNull();
    expect(body.predictions).toHaveLength(2);
    const model = await penguinsModel();
    const expected = model.predict(frameOfRows(model, rows));
    body.predictions.forEach(
      (p: { id: string; prediction: string; proba: Record<string, number> }, i: number) => {
        expect(p.id).toMatch(UUID);
        expect(p.prediction).toBe(expected.labels![i]);
        expect(Object.keys(p.proba)).toEqual(model.classes);
        model.classes.forEach((c, j) => {
          expect(p.proba[c]).toBe(expected.proba!.data[i * 3 + j]);
        });
      },
    );
    expect(new Set(body.predictions.map((p: { id: string }) => p.id)).size).toBe(2);
  });

  it('answers the columns layout exactly as the rows layout', async () => {
    const rows = [penguinRow(), penguinRow({ island: 'Torgersen', sex: 'FEMALE' })];
    const columns = Object.fromEntries(Object.keys(rows[0]).map((k) => [k, rows.map((r) => r[k])]));
    const a = (await post('/v1/models/penguins/predict', { rows })).json();
    const b = (await post('/v1/models/penguins/predict', { columns })).json();
    const strip = (x: { predictions: { id: string }[] }) => x.predictions.map(({ id: _, ...rest }) => rest);
    expect(strip(b)).toEqual(strip(a));
  });

  it('takes unknown categories (the one-hot encoder ignores them) and extra columns', async () => {
    const res = await post('/v1/models/penguins/predict', {
      rows: [penguinRow({ island: 'Atlantis', note: 'x' })],
    });
    expect(res.statusCode).toBe(200);
  });

  it('serves a regressor under its registered name and version', async () => {
    const model = await diabetesModel();
    const row = Object.fromEntries(model.info.features.map((f) => [f.name, 0.01]));
    const res = await post('/v1/models/diabetes/predict', { rows: [row] });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.version).toBe(3);
    expect(body.predictions[0].proba).toBeUndefined();
    const want = model.predict(frameOfRows(model, [row])).values[0];
    expect(body.predictions[0].prediction).toBe(want);
  });

  it('logs every prediction with its inputs, outputs, version and latency', async () => {
    const before = sink.records.length;
    const res = await post('/v1/models/penguins/predict', { rows: [penguinRow({ extra: 1 })] });
    const p = res.json().predictions[0];
    expect(sink.records.length).toBe(before + 1);
    const r = sink.records.at(-1)!;
    expect(r).toMatchObject({
      id: p.id,
      model: 'penguins',
      version: null,
      source: 'http',
      outputs: { prediction: p.prediction, proba: p.proba },
    });
    expect(r.inputs).toEqual(penguinRow()); // the features only, not the extra column
    expect(r.latencyMs).toBeGreaterThan(0);
    expect(Math.abs(r.time - Date.now())).toBeLessThan(60_000);
  });

  it('lists the models with task, version and signature', async () => {
    const res = await server.app.inject({ url: '/v1/models' });
    expect(res.statusCode).toBe(200);
    const { models } = res.json();
    expect(models.map((m: { name: string }) => m.name)).toEqual(['penguins', 'diabetes']);
    const p = models[0];
    expect(p).toMatchObject({
      task: 'classification',
      target: 'species',
      classes: ['Adelie', 'Chinstrap', 'Gentoo'],
      predictor: 'compiled',
    });
    expect(p.signature.map((c: { name: string }) => c.name)).toEqual([
      'island',
      'beak_length_mm',
      'beak_depth_mm',
      'flipper_length_mm',
      'body_mass_g',
      'sex',
    ]);
    expect(p.signature[0]).toMatchObject({
      kind: 'category',
      nullable: false,
      categories: ['Biscoe', 'Dream', 'Torgersen'],
    });
    expect(models[1]).toMatchObject({ name: 'diabetes', version: 3, task: 'regression' });
    const one = await server.app.inject({ url: '/v1/models/diabetes' });
    expect(one.json().name).toBe('diabetes');
    expect((await server.app.inject({ url: '/v1/models/nope' })).statusCode).toBe(404);
  });

  it('says live and ready, then not ready while draining', async () => {
    expect((await server.app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await server.app.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json().models).toEqual([
      { name: 'penguins', version: null },
      { name: 'diabetes', version: 3 },
    ]);
  });

  it('exports Prometheus metrics: requests, latency, errors, predictions by class', async () => {
    await post('/v1/models/nope/predict', { rows: [] });
    const res = await server.app.inject({ url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    const text = res.body;
    expect(text).toMatch(
      /cairn_http_requests_total\{route="\/v1\/models\/penguins\/predict",method="POST",status="200"\} \d+/,
    );
    expect(text).toMatch(
      /cairn_http_request_duration_seconds_bucket\{route="\/v1\/models\/penguins\/predict",le="0.005"\} \d+/,
    );
    expect(text).toMatch(
      /cairn_http_request_duration_seconds_count\{route="\/v1\/models\/diabetes\/predict"\} \d+/,
    );
    expect(text).toContain(
      'cairn_http_errors_total{route="/v1/models/:name/predict",status="404",code="unknown_model"} 1',
    );
    expect(text).toMatch(
      /cairn_predictions_total\{model="penguins",version="0",class="(Adelie|Gentoo|Chinstrap)"\} \d+/,
    );
    expect(text).toMatch(/cairn_predictions_total\{model="diabetes",version="3",class="value"\} \d+/);
    expect(text).toContain('cairn_model_version{model="diabetes"} 3');
    expect(text).toContain('cairn_http_connections_open 0'); // inject uses no socket
  });

  it('publishes an OpenAPI 3 document with each model’s columns, and the UI without a CDN', async () => {
    const doc = (await server.app.inject({ url: '/docs/json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    const op = doc.paths['/v1/models/penguins/predict'].post;
    const schema = op.requestBody.content['application/json'].schema;
    expect(Object.keys(schema.properties.rows.items.properties)).toEqual([
      'island',
      'beak_length_mm',
      'beak_depth_mm',
      'flipper_length_mm',
      'body_mass_g',
      'sex',
    ]);
    expect(schema.properties.rows.items.required).toHaveLength(6);
    expect(schema.properties.rows.items.properties.sex.type).toEqual(['string', 'null']);
    expect(op.requestBody.content['application/json'].example.rows[0].island).toBe('Biscoe');
    expect(doc.paths['/v1/models/diabetes/predict']).toBeDefined();
    expect(doc.paths['/invocations'].post).toBeDefined();
    const ui = await server.app.inject({ url: '/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toContain('swagger-ui-bundle.js');
    expect(ui.body).not.toMatch(/(src|href)="https?:/);
    const bundle = await server.app.inject({ url: '/docs/static/swagger-ui-bundle.js' });
    expect(bundle.statusCode).toBe(200);
  });

  it('answers unknown routes and models with JSON 404s', async () => {
    const res = await server.app.inject({ url: '/nowhere' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
    const model = await post('/v1/models/nope/predict', { rows: [penguinRow()] });
    expect(model.statusCode).toBe(404);
    expect(model.json().error).toMatchObject({
      code: 'unknown_model',
      details: { known: ['penguins', 'diabetes'] },
    });
  });
});

describe('readiness while draining', () => {
  it('turns /readyz to 503 first, and keeps answering predictions', async () => {
    const server = await createServer([fixed(await penguinsModel())], { processMetrics: false });
    await server.drain();
    const ready = await server.app.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json().error.code).toBe('not_ready');
    expect((await server.app.inject({ url: '/healthz' })).statusCode).toBe(200);
    const p = await server.app.inject({
      method: 'POST',
      url: '/v1/models/penguins/predict',
      payload: { rows: [penguinRow()] },
    });
    expect(p.statusCode).toBe(200);
    await server.close();
  });

  it('refuses two models under one name', async () => {
    const m = await penguinsModel();
    await expect(createServer([fixed(m), fixed(m)], { processMetrics: false })).rejects.toMatchObject({
      code: 'duplicate_model',
    });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CairnServer } from './server.js';
import { createServer } from './server.js';
import { diabetesModel, fixed, penguinRow, penguinsModel, penguinsServer } from './testing/penguins.js';

/**
 * MLflow's scoring protocol as its docs show it (`mlflow models serve`, MLflow 2.x): one of four
 * JSON fields, or CSV with a header; answers `{"predictions": [...]}`; errors carry `error_code`
 * and `message`.
 */
describe('POST /invocations (MLflow-compatible)', () => {
  let server: CairnServer;
  const a = penguinRow();
  const b = penguinRow({
    island: 'Biscoe',
    beak_length_mm: 49.9,
    beak_depth_mm: 16.1,
    flipper_length_mm: 213,
    body_mass_g: 5400,
    sex: null,
  });
  let expected: string[];

  beforeAll(async () => {
    server = await penguinsServer();
    const res = await server.app.inject({
      method: 'POST',
      url: '/v1/models/penguins/predict',
      payload: { rows: [a, b] },
    });
    expected = res.json().predictions.map((p: { prediction: string }) => p.prediction);
    expect(expected).toEqual(['Adelie', 'Gentoo']);
  });
  afterAll(() => server.close());

  const invoke = (payload: unknown, contentType = 'application/json', url = '/invocations') =>
    server.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': contentType },
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });
  const names = Object.keys(penguinRow());

  it('dataframe_split: pandas split orient, any column order, index ignored', async () => {
    const columns = [...names].reverse();
    const res = await invoke({
      dataframe_split: { index: [7, 8], columns, data: [a, b].map((r) => columns.map((c) => r[c])) },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.predictions).toEqual(expected);
    expect(body.model).toBe('penguins');
    expect(body.ids).toHaveLength(2);
  });

  it('dataframe_records, instances (records) and inputs (columns or records)', async () => {
    for (const payload of [
      { dataframe_records: [a, b] },
      { instances: [a, b] },
      { inputs: Object.fromEntries(names.map((n) => [n, [a[n], b[n]]])) },
      { inputs: [a, b] },
      { inputs: [a, b].map((r) => names.map((n) => r[n])) },
      { dataframe_records: [a, b], params: { anything: 1 } },
    ]) {
      const res = await invoke(payload);
      expect(res.statusCode, JSON.stringify(payload).slice(0, 60)).toBe(200);
      expect(res.json().predictions).toEqual(expected);
    }
  });

  it('text/csv with a header line, quotes, CRLF and missing values', async () => {
    const csv = `${names.join(',')}\r\n"Dream",39.1,18.7,181,3750,MALE\r\nBiscoe,49.9,16.1,213,5400,\r\n`;
    const res = await invoke(csv, 'text/csv');
    expect(res.statusCode).toBe(200);
    expect(res.json().predictions).toEqual(expected);
    const withCharset = await invoke(csv.replace('MALE', 'NA'), 'text/csv; charset=utf-8');
    expect(withCharset.statusCode).toBe(200);
  });

  it('refuses what MLflow refuses, with error_code and message beside Cairn’s error', async () => {
    for (const payload of [{ dataframe_records: [a], instances: [a] }, { rows: [a] }]) {
      const res = await invoke(payload);
      expect(res.statusCode).toBe(400);
      const body = res.json();
      expect(body.error_code).toBe('BAD_REQUEST');
      expect(body.message).toContain(
        'exactly one of the fields dataframe_split, dataframe_records, instances, inputs',
      );
      expect(body.error.code).toBe('bad_body');
    }
    expect((await invoke([a])).statusCode).toBe(400);
    expect((await invoke('a,b', 'text/plain')).statusCode).toBe(415);
    const split = await invoke({ dataframe_split: { columns: names, data: [[1, 2]] } });
    expect(split.json().error).toMatchObject({ code: 'wrong_type', details: { row: 0 } });
  });

  it('names the CSV row and column of a bad cell, and a missing column', async () => {
    const bad = await invoke(`${names.join(',')}\nDream,39.1,18.7,oops,3750,MALE\n`, 'text/csv');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({
      code: 'wrong_type',
      details: { row: 0, column: 'flipper_length_mm' },
    });
    const missing = await invoke('island,sex\nDream,MALE\n', 'text/csv');
    expect(missing.json().error).toMatchObject({ code: 'missing_column' });
    const ragged = await invoke(`${names.join(',')}\nDream,39.1\n`, 'text/csv');
    expect(ragged.json().error.code).toBe('ragged_csv');
    const unclosed = await invoke(`${names.join(',')}\n"Dream,39.1,18.7,181,3750,MALE\n`, 'text/csv');
    expect(unclosed.json().error.code).toBe('bad_csv');
    expect((await invoke(names.join(','), 'text/csv')).json().error.code).toBe('empty_rows');
  });
});

describe('/invocations with several models', () => {
  it('needs ?model=<name>, and answers regressors with numbers', async () => {
    const server = await createServer([fixed(await penguinsModel()), fixed(await diabetesModel())], {
      processMetrics: false,
    });
    const features = (await diabetesModel()).info.features.map((f) => f.name);
    const payload = { dataframe_records: [Object.fromEntries(features.map((f) => [f, 0.02]))] };
    const without = await server.app.inject({ method: 'POST', url: '/invocations', payload });
    expect(without.statusCode).toBe(400);
    expect(without.json().error.code).toBe('model_required');
    const res = await server.app.inject({ method: 'POST', url: '/invocations?model=diabetes', payload });
    expect(res.statusCode).toBe(200);
    expect(typeof res.json().predictions[0]).toBe('number');
    const unknown = await server.app.inject({ method: 'POST', url: '/invocations?model=nope', payload });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error_code).toBe('RESOURCE_DOES_NOT_EXIST');
    await server.close();
  });
});

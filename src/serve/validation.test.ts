import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LogisticRegression } from '../models/linear/logistic-regression.js';
import { OneHotEncoder } from '../prep/one-hot-encoder.js';
import { SelectColumns } from '../prep/select-columns.js';
import { SimpleImputer } from '../prep/simple-imputer.js';
import type { CairnServer } from './server.js';
import { createServer } from './server.js';
import { fixed, penguinRow, penguinsServer, penguinsWith } from './testing/penguins.js';

/**
 * Every rejection is a 4xx JSON error naming where and what was expected. Under the 'reject'
 * policy the signature's exact types hold (the other policies are in validation-policy.test.ts).
 */
describe('request validation from the signature (policy reject)', () => {
  let server: CairnServer;
  beforeAll(async () => {
    server = await penguinsServer({ maxRows: 50, onInvalid: 'reject' });
  });
  afterAll(() => server.close());

  const predict = async (payload: unknown) => {
    const res = await server.app.inject({
      method: 'POST',
      url: '/v1/models/penguins/predict',
      headers: { 'content-type': 'application/json' },
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });
    return { status: res.statusCode, error: res.json().error };
  };

  it('names a missing column with its row and kind', async () => {
    const row = penguinRow();
    delete row.beak_depth_mm;
    const { status, error } = await predict({ rows: [penguinRow(), row] });
    expect(status).toBe(400);
    expect(error.code).toBe('missing_column');
    expect(error.details).toMatchObject({ row: 1, column: 'beak_depth_mm' });
    expect(error.message).toContain("rows[1] lacks column 'beak_depth_mm'");
    expect(error.message).toContain('a finite number');
  });

  it('names a wrong type, and refuses strings for numbers ("12", "NaN")', async () => {
    for (const bad of ['12', 'NaN', true, [1], { v: 1 }]) {
      const { status, error } = await predict({ rows: [penguinRow({ flipper_length_mm: bad })] });
      expect(status).toBe(400);
      expect(error.code).toBe('wrong_type');
      expect(error.details).toMatchObject({ row: 0, column: 'flipper_length_mm' });
      expect(error.message).toMatch(/^rows\[0\]\.flipper_length_mm must be a finite number or null, got /);
    }
    const cat = await predict({ rows: [penguinRow({ island: 3 })] });
    expect(cat.error).toMatchObject({ code: 'wrong_type', details: { column: 'island' } });
  });

  it('refuses numbers too large for a double (JSON reads 1e999 as Infinity)', async () => {
    const { status, error } = await predict(
      `{"rows":[${JSON.stringify(penguinRow()).replace('3750', '1e999')}]}`,
    );
    expect(status).toBe(400);
    expect(error.code).toBe('not_finite');
    expect(error.message).toContain('body_mass_g must be a finite number');
    expect(error.message).toContain('infinity');
  });

  it('allows null only where the signature is nullable', async () => {
    expect((await predict({ rows: [penguinRow({ sex: null, beak_length_mm: null })] })).status).toBe(200);
    const { status, error } = await predict({ rows: [penguinRow({ island: null })] });
    expect(status).toBe(400);
    expect(error).toMatchObject({ code: 'wrong_type', details: { column: 'island', row: 0 } });
  });

  it('refuses empty, oversized, both-layouts and neither-layout bodies', async () => {
    expect((await predict({ rows: [] })).error.code).toBe('empty_rows');
    expect((await predict({ rows: Array.from({ length: 51 }, () => penguinRow()) })).error.code).toBe(
      'too_many_rows',
    );
    expect((await predict({ rows: [penguinRow()], columns: {} })).error.code).toBe('bad_body');
    expect((await predict({ data: [] })).error.code).toBe('bad_body');
    expect((await predict([penguinRow()])).error).toMatchObject({
      code: 'wrong_type',
      details: { expected: 'object' },
    });
    expect((await predict({ rows: {} })).error.message).toContain('rows must be a list of row objects');
    expect((await predict({ rows: [1] })).error.message).toContain('rows[0] must be an object');
  });

  it('checks the columns layout: missing, ragged, empty and typed', async () => {
    const columns = Object.fromEntries(Object.entries(penguinRow()).map(([k, v]) => [k, [v, v]]));
    expect((await predict({ columns })).status).toBe(200);
    const { sex: _, ...lacking } = columns;
    expect((await predict({ columns: lacking })).error).toMatchObject({
      code: 'missing_column',
      details: { column: 'sex' },
    });
    const ragged = await predict({ columns: { ...columns, sex: ['MALE'] } });
    expect(ragged.error).toMatchObject({ code: 'ragged_columns', details: { column: 'sex' } });
    const typed = await predict({ columns: { ...columns, body_mass_g: [1, 'x'] } });
    expect(typed.error).toMatchObject({ code: 'wrong_type', details: { column: 'body_mass_g', row: 1 } });
    expect(typed.error.message).toContain('columns.body_mass_g[1]');
    expect((await predict({ columns: { ...columns, island: [] } })).error.code).toBe('empty_rows');
  });
});

describe('categories the model cannot take', () => {
  it('get an enum in the schema and a 400 naming the allowed labels', async () => {
    const model = await penguinsWith([
      new SelectColumns({ columns: ['island', 'beak_length_mm', 'sex'] }),
      new SimpleImputer({ strategy: 'median', columns: ['beak_length_mm'] }),
      new OneHotEncoder({ handleUnknown: 'error', columns: ['island'] }),
      new OneHotEncoder({ columns: ['sex'] }),
      new LogisticRegression(),
    ]);
    const server = await createServer([fixed(model)], { processMetrics: false });
    const res = await server.app.inject({
      method: 'POST',
      url: '/v1/models/penguins/predict',
      payload: { rows: [penguinRow(), penguinRow({ island: 'Atlantis' })] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'unknown_category',
      details: { row: 1, column: 'island' },
    });
    expect(res.json().error.message).toContain('"Biscoe", "Dream", "Torgersen"');
    // sex is one-hot encoded ignoring unknowns: any label goes
    const ok = await server.app.inject({
      method: 'POST',
      url: '/v1/models/penguins/predict',
      payload: { rows: [penguinRow({ sex: 'UNKNOWN' })] },
    });
    expect(ok.statusCode).toBe(200);
    const doc = (await server.app.inject({ url: '/docs/json' })).json();
    const props =
      doc.paths['/v1/models/penguins/predict'].post.requestBody.content['application/json'].schema.properties
        .rows.items.properties;
    expect(props.island.enum).toEqual(['Biscoe', 'Dream', 'Torgersen']);
    expect(props.sex.type).toEqual(['string', 'null']);
    await server.close();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ValidationPolicy } from '../data/validate/index.js';
import { TrainedModel } from '../train/trained-model.js';
import { type CairnServer, createServer } from './server.js';
import { fixed, penguinRow, penguinsModel } from './testing/penguins.js';

/** Requests unlike the training data under each policy: 4xx on reject, warnings on warn, coerced values on coerce. */
describe('validation policies in the server', () => {
  const servers = new Map<ValidationPolicy | 'model', CairnServer>();
  let bodyMax = 0;
  beforeAll(async () => {
    const model = await penguinsModel();
    bodyMax = model.info.features.find((f) => f.name === 'body_mass_g')!.max!;
    for (const policy of ['reject', 'warn', 'coerce'] as const)
      servers.set(policy, await createServer([fixed(model)], { processMetrics: false, onInvalid: policy }));
    // a model trained with `validation: { policy: reject }` in its spec, served without the flag
    const strict = new TrainedModel(
      { ...model.info, validation: { policy: 'reject' } },
      model.pipeline,
      model.profile,
    );
    servers.set('model', await createServer([fixed(strict)], { processMetrics: false }));
  });
  afterAll(async () => {
    for (const s of servers.values()) await s.close();
  });

  const predict = async (policy: ValidationPolicy | 'model', payload: unknown) => {
    const res = await servers.get(policy)!.app.inject({
      method: 'POST',
      url: '/v1/models/penguins/predict',
      payload: payload as object,
    });
    expect(res.statusCode).toBeLessThan(500);
    return { status: res.statusCode, body: res.json() };
  };
  const rows = (...patches: Record<string, unknown>[]) => ({ rows: patches.map((p) => penguinRow(p)) });
  const proba = (body: { predictions: { proba: Record<string, number> }[] }, i = 0) =>
    body.predictions[i].proba;

  it('answers a request like the training data with no warnings under every policy', async () => {
    for (const policy of ['reject', 'warn', 'coerce'] as const) {
      const { status, body } = await predict(policy, rows({}));
      expect(status).toBe(200);
      expect(body.warnings).toBeUndefined();
    }
  });

  it('warn: converts lossless types, takes new categories, out-of-range and unexpected missing values, and says so', async () => {
    const { status, body } = await predict(
      'warn',
      rows({ flipper_length_mm: '181' }, { body_mass_g: 9000, sex: 'UNKNOWN' }, { island: null }),
    );
    expect(status).toBe(200);
    expect(body.predictions).toHaveLength(3);
    const byKind = Object.fromEntries(body.warnings.map((w: { kind: string }) => [w.kind, w]));
    expect(byKind.type_change).toMatchObject({
      column: 'flipper_length_mm',
      severity: 'warning',
      converted: 1,
      unconvertible: 0,
      got: ['string'],
      examples: [{ row: 0, value: '181' }],
    });
    expect(byKind.out_of_range).toMatchObject({ column: 'body_mass_g', row: 1, above: 1, trainMax: bodyMax });
    expect(byKind.out_of_range.message).toContain('rows[1].body_mass_g is 9000, outside the training range');
    expect(byKind.new_category).toMatchObject({
      column: 'sex',
      categories: [{ label: 'UNKNOWN', count: 1 }],
    });
    expect(byKind.missing_share).toMatchObject({ column: 'island', row: 2, trainShare: 0 });
    // the string "181" was read as the number 181
    expect(proba(body, 0)).toEqual(proba((await predict('warn', rows({}))).body));
    // counted in /metrics by kind
    const metrics = await servers.get('warn')!.app.inject({ url: '/metrics' });
    expect(metrics.body).toMatch(
      /cairn_validation_warnings_total\{model="penguins",version="0",kind="out_of_range"\} 1/,
    );
    expect(metrics.body).toMatch(/cairn_validation_warnings_total\{[^}]*kind="type_change"\} 1/);
  });

  it('warn: still refuses a value that does not convert, naming the cell, with the findings in details', async () => {
    const { status, body } = await predict('warn', rows({}, { flipper_length_mm: 'abc', body_mass_g: 9000 }));
    expect(status).toBe(400);
    expect(body.error.code).toBe('wrong_type');
    expect(body.error.message).toMatch(/^rows\[1\]\.flipper_length_mm must be a number, got "abc"/);
    expect(body.error.details).toMatchObject({ column: 'flipper_length_mm', row: 1, policy: 'warn' });
    expect(body.error.details.findings.map((f: { kind: string }) => f.kind).sort()).toEqual([
      'out_of_range',
      'type_change',
    ]);
  });

  it('reject: refuses anything unlike training, naming the column and first row, findings in details', async () => {
    const range = await predict('reject', rows({}, { body_mass_g: 9000 }, { body_mass_g: 100 }));
    expect(range.status).toBe(400);
    expect(range.body.error).toMatchObject({
      code: 'out_of_range',
      details: { column: 'body_mass_g', row: 1, policy: 'reject' },
    });
    expect(range.body.error.message).toContain('rows[1].body_mass_g is 9000, outside the training range');
    expect(range.body.error.details.findings[0]).toMatchObject({ kind: 'out_of_range', below: 1, above: 1 });
    const typed = await predict('reject', rows({ flipper_length_mm: '181' }));
    expect(typed.body.error).toMatchObject({
      code: 'wrong_type',
      details: { column: 'flipper_length_mm', row: 0, policy: 'reject' },
    });
    expect(typed.body.error.details.findings[0]).toMatchObject({ kind: 'type_change', converted: 1 });
    const label = await predict('reject', { columns: { ...columnsOf(penguinRow()), sex: ['UNKNOWN'] } });
    expect(label.body.error).toMatchObject({ code: 'unknown_category', details: { column: 'sex', row: 0 } });
    expect(label.body.error.message).toContain(
      'columns.sex[0] is "UNKNOWN", a category not seen in training',
    );
  });

  it('coerce: clips, sets bad values and new categories to missing, and reports what it changed', async () => {
    const { status, body } = await predict(
      'coerce',
      rows(
        { body_mass_g: 9000 },
        { flipper_length_mm: 'abc' },
        { island: 'Atlantis' },
        { beak_depth_mm: '18.7' },
      ),
    );
    expect(status).toBe(200);
    const byKind = Object.fromEntries(body.warnings.map((w: { kind: string }) => [w.kind, w]));
    expect(byKind.out_of_range).toMatchObject({ clipped: 1, severity: 'warning' });
    expect(byKind.type_change).toMatchObject({
      column: 'flipper_length_mm',
      unconvertible: 1,
      setMissing: 1,
    });
    expect(byKind.new_category).toMatchObject({ column: 'island', setMissing: 1 });
    // each answer equals the answer to the coerced row sent as it is
    const same = await predict(
      'warn',
      rows({ body_mass_g: bodyMax }, { flipper_length_mm: null }, { island: null }, { beak_depth_mm: 18.7 }),
    );
    for (let i = 0; i < 4; i++) expect(proba(body, i)).toEqual(proba(same.body, i));
  });

  it('the model’s own policy applies without the flag, and /v1/models says which', async () => {
    const refused = await predict('model', rows({ body_mass_g: 9000 }));
    expect(refused.body.error.details.policy).toBe('reject');
    const doc = await servers.get('model')!.app.inject({ url: '/v1/models/penguins' });
    expect(doc.json().validation).toEqual({ policy: 'reject' });
    const warn = await servers.get('warn')!.app.inject({ url: '/v1/models/penguins' });
    expect(warn.json().validation).toEqual({ policy: 'warn' });
  });

  it('/invocations: CSV cells are judged by the policy too, and warnings come beside the predictions', async () => {
    const names = Object.keys(penguinRow());
    const csv = `${names.join(',')}\nDream,39.1,18.7,oops,3750,MALE\nDream,39.1,18.7,181,9000,MALE\n`;
    const invoke = (policy: ValidationPolicy) =>
      servers.get(policy)!.app.inject({
        method: 'POST',
        url: '/invocations',
        headers: { 'content-type': 'text/csv' },
        payload: csv,
      });
    const warn = await invoke('warn');
    expect(warn.statusCode).toBe(400);
    expect(warn.json().error).toMatchObject({
      code: 'wrong_type',
      details: { row: 0, column: 'flipper_length_mm' },
    });
    expect(warn.json().error.message).toMatch(/^csv\.flipper_length_mm\[0\] must be a number, got "oops"/);
    const coerce = await invoke('coerce');
    expect(coerce.statusCode).toBe(200);
    expect(coerce.json().predictions).toHaveLength(2);
    expect(
      coerce
        .json()
        .warnings.map((w: { kind: string }) => w.kind)
        .sort(),
    ).toEqual(['out_of_range', 'type_change']);
    const reject = await invoke('reject');
    expect(reject.json().error).toMatchObject({
      code: 'wrong_type',
      details: { row: 0, column: 'flipper_length_mm' },
    });
  });
});

function columnsOf(row: Record<string, unknown>): Record<string, unknown[]> {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, [v]]));
}

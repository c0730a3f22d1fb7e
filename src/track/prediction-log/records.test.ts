import { describe, expect, it } from 'vitest';
import { InputError } from '../../util/errors.js';
import { checkFeedbackValue, decodeLine, encodeRecord, type PredictionRecord } from './records.js';

const record: PredictionRecord = {
  id: '4c9e1f0a-8a1e-4d7e-9c61-2f6f2b1f3a10',
  time: 1_700_000_000_123.4,
  model: 'penguins',
  version: 3,
  source: 'http',
  inputs: { bill: 39.1, island: 'Torg\tersen\n', male: true, mass: null },
  outputs: { prediction: 'Adelie', proba: { Adelie: 0.9, Gentoo: 0.1 } },
  latencyMs: 0.25,
};

function refusal(r: unknown): InputError {
  try {
    encodeRecord(r as PredictionRecord);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('accepted');
}

describe('prediction records', () => {
  it('travel as one line and come back as the row to insert', () => {
    const line = encodeRecord(record);
    expect(line).not.toMatch(/\n/);
    const row = decodeLine(line);
    expect(row).toEqual({
      id: record.id,
      time: 1_700_000_000_123,
      model: 'penguins',
      version: 3,
      source: 'http',
      latency_ms: 0.25,
      inputs: JSON.stringify(record.inputs),
      outputs: JSON.stringify(record.outputs),
    });
    expect(JSON.parse(row.inputs).island).toBe('Torg\tersen\n');
    expect(
      decodeLine(encodeRecord({ ...record, version: null, outputs: { prediction: null } })),
    ).toMatchObject({
      version: null,
      outputs: '{"prediction":null}',
    });
  });

  it('keep only the output fields the log knows', () => {
    const outputs = { prediction: 2.5, extra: 'x' } as unknown as PredictionRecord['outputs'];
    expect(decodeLine(encodeRecord({ ...record, outputs })).outputs).toBe('{"prediction":2.5}');
  });

  it('are refused with the field named when the log cannot store them', () => {
    expect(refusal(null).details.field).toBe('record');
    expect(refusal({ ...record, id: '' }).details.field).toBe('id');
    expect(refusal({ ...record, id: 'a\tb' }).details.field).toBe('id');
    expect(refusal({ ...record, model: 7 }).details.field).toBe('model');
    expect(refusal({ ...record, time: Number.NaN }).details.field).toBe('time');
    expect(refusal({ ...record, version: 1.5 }).details.field).toBe('version');
    expect(refusal({ ...record, source: 'kafka' }).details.field).toBe('source');
    expect(refusal({ ...record, latencyMs: -1 }).details.field).toBe('latencyMs');
    expect(refusal({ ...record, inputs: [1] }).details.field).toBe('inputs');
    const nested = refusal({ ...record, inputs: { a: { b: 1 } } });
    expect(nested.details.field).toBe('inputs.a');
    expect(nested.message).toMatch(/inputs\.a must be a number, string, boolean or null, got object/);
    expect(refusal({ ...record, outputs: { prediction: true } }).details.field).toBe('outputs.prediction');
    expect(refusal({ ...record, outputs: { prediction: 'a', proba: { a: 'x' } } }).details.field).toBe(
      'outputs.proba.a',
    );
  });

  it('take feedback values that are finite numbers, strings or booleans', () => {
    expect(checkFeedbackValue(1)).toBe(1);
    expect(checkFeedbackValue('yes')).toBe('yes');
    expect(checkFeedbackValue(false)).toBe(false);
    for (const v of [null, undefined, Number.NaN, Number.POSITIVE_INFINITY, {}, [1]])
      expect(() => checkFeedbackValue(v)).toThrow(/feedback value must be/);
  });
});

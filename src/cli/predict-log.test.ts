import { copyFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { openPredictionLog } from '../track/prediction-log/index.js';
import { cairn } from './testing/run-cli.js';

const penguins = fileURLToPath(new URL('../../datasets/penguins.csv', import.meta.url));

describe('cairn predict --log', () => {
  let dir: string;
  let runId: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cairn-predict-log-'));
    await copyFile(penguins, join(dir, 'penguins.csv'));
    const r = await cairn(
      dir,
      'train',
      '--data',
      'penguins.csv',
      '--target',
      'species',
      '--out',
      'model',
      '--json',
    );
    expect(r.code, r.err).toBe(0);
    runId = r.json().runId;
  });

  it('logs every scored row as a batch prediction, in file order, with inputs and outputs', async () => {
    const r = await cairn(
      dir,
      'predict',
      'model',
      '--input',
      'penguins.csv',
      '--output',
      'p.csv',
      '--batch-rows',
      '100',
      '--log',
      '--json',
    );
    expect(r.code, r.err).toBe(0);
    expect(r.json()).toMatchObject({
      rows: 344,
      chunks: 4,
      logged: 344,
      store: join(dir, '.cairn', 'cairn.db'),
    });

    const log = await openPredictionLog(undefined, { cwd: dir });
    try {
      const rows = await log.reader.query({ model: 'penguins' });
      expect(rows).toHaveLength(344);
      expect(new Set(rows.map((x) => x.id)).size).toBe(344);
      expect(rows.every((x) => x.source === 'batch' && x.version === null && x.feedback === null)).toBe(true);
      // the first row of penguins.csv, as the model saw it
      expect(rows[0].inputs).toEqual({
        island: 'Torgersen',
        beak_length_mm: 39.1,
        beak_depth_mm: 18.7,
        flipper_length_mm: 181,
        body_mass_g: 3750,
        sex: 'MALE',
      });
      expect(rows[0].outputs.prediction).toBe('Adelie');
      const proba = rows[0].outputs.proba!;
      expect(Object.keys(proba)).toEqual(['Adelie', 'Chinstrap', 'Gentoo']);
      expect(proba.Adelie).toBeGreaterThan(0.5);
      // a row with missing measurements is logged with nulls
      expect(Object.values(rows[3].inputs)).toContain(null);
      expect(rows.every((x) => x.latencyMs >= 0)).toBe(true);
    } finally {
      await log.close();
    }
  });

  it('logs under the registered name and version when the model comes from the registry', async () => {
    const reg = await cairn(dir, 'models', 'register', runId, '--name', 'penguin-species', '--json');
    expect(reg.code, reg.err).toBe(0);
    const r = await cairn(
      dir,
      'predict',
      'models:/penguin-species/1',
      '--input',
      'penguins.csv',
      '--output',
      'p2.csv',
      '--log',
    );
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/logged 344 predictions in \.cairn\/cairn\.db/);
    const log = await openPredictionLog(undefined, { cwd: dir });
    try {
      expect(await log.reader.count({ model: 'penguin-species', version: 1 })).toBe(344);
    } finally {
      await log.close();
    }
  });

  it('logs nothing without --log', async () => {
    const log = await openPredictionLog(undefined, { cwd: dir });
    const before = await log.reader.count({ model: 'penguins' });
    await log.close();
    const r = await cairn(dir, 'predict', 'model', '--input', 'penguins.csv', '--output', 'p3.csv', '--json');
    expect(r.code, r.err).toBe(0);
    expect(r.json()).not.toHaveProperty('logged');
    const again = await openPredictionLog(undefined, { cwd: dir });
    expect(await again.reader.count({ model: 'penguins' })).toBe(before);
    await again.close();
  });
});

import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { trainModel } from '../../train/train-model.js';
import type { TrainedModel } from '../../train/trained-model.js';
import { col, type Frame } from '../frame.js';
import { loadFrame } from '../load.js';
import { conformBatch, validateBatch } from './batch-validator.js';
import type { Finding } from './findings.js';

const DATASETS = fileURLToPath(new URL('../../../datasets/', import.meta.url));

/** Validation on the shipped datasets: cars split by model year, penguins with a column gone. */
describe('validateBatch on real data', () => {
  let early: TrainedModel;
  let late: Frame;
  let penguins: Frame;
  let penguinsModel: TrainedModel;
  beforeAll(async () => {
    const cars = await loadFrame(`${DATASETS}cars.csv`);
    const years = cars.columnOf('year', 'datetime').values;
    const where = (keep: (y: number) => boolean) =>
      Int32Array.from([...years.keys()].filter((i) => keep(new Date(years[i]).getUTCFullYear())));
    early = trainModel(cars.take(where((y) => y < 1976)), { target: 'origin' }).model;
    late = cars.take(where((y) => y >= 1980));
    penguins = await loadFrame(`${DATASETS}penguins.csv`);
    penguinsModel = trainModel(penguins, { target: 'species' }).model;
  });
  const check = (frame: Frame, model: TrainedModel, policy: 'reject' | 'warn' | 'coerce' = 'warn') =>
    validateBatch(frame, model.info.features, model.profile, { policy, expected: [model.info.target] });
  const kinds = (findings: readonly Finding[]) => findings.map((f) => `${f.kind} ${f.column} ${f.severity}`);

  it('cars of the 1980s run past the 1970s range: economy up, a few accelerations too', () => {
    const r = check(late, early);
    expect(r.ok).toBe(true);
    // (name and year are extra columns or features, as the automatic preprocessing decides)
    expect(kinds(r.findings.filter((f) => f.kind !== 'extra_column'))).toEqual([
      'out_of_range mpg warning',
      'out_of_range acceleration warning',
    ]);
    expect(r.findings[0]).toMatchObject({ above: 27, below: 0, trainMax: 35, max: 46.6 });
    expect(kinds(check(late, early, 'reject').findings).slice(0, 2)).toEqual([
      'out_of_range mpg error',
      'out_of_range acceleration error',
    ]);
    const clipped = conformBatch(late, early.info.features, early.profile, { policy: 'coerce' }).frame;
    expect(Math.max(...clipped.columnOf('mpg', 'number').values.filter((v) => !Number.isNaN(v)))).toBe(35);
  });

  it("horsepower as the UCI file writes it ('?' for unknown): a type change, refused by warn, set missing by coerce", () => {
    const hp = late.columnOf('horsepower', 'number').values;
    const text = late.with(
      'horsepower',
      col.text(Array.from(hp, (v, i) => (i % 10 === 3 ? '?' : Number.isNaN(v) ? null : String(v)))),
    );
    const warned = check(text, early);
    const change = warned.findings.find((f) => f.kind === 'type_change');
    expect(change).toMatchObject({
      column: 'horsepower',
      severity: 'error',
      unconvertible: 9,
      converted: 77, // 90 rows: 9 question marks, 4 missing
      examples: [
        { row: 3, value: '?' },
        { row: 13, value: '?' },
        { row: 23, value: '?' },
        { row: 33, value: '?' },
        { row: 43, value: '?' },
      ],
    });
    const coerced = conformBatch(text, early.info.features, early.profile, { policy: 'coerce' });
    expect(coerced.frame.column('horsepower').kind).toBe('number');
    expect(Number.isNaN(coerced.frame.columnOf('horsepower', 'number').values[3])).toBe(true);
    expect(early.predict(coerced.frame).values).toHaveLength(90);
  });

  it('penguins with a column removed or renamed: a missing column, refused under every policy', () => {
    const removed = penguins.drop(['sex']);
    for (const policy of ['reject', 'warn', 'coerce'] as const)
      expect(kinds(check(removed, penguinsModel, policy).findings)).toEqual(['missing_column sex error']);
    const renamed = removed.with('gender', penguins.column('sex'));
    expect(kinds(check(renamed, penguinsModel).findings)).toEqual([
      'missing_column sex error',
      'extra_column gender warning',
    ]);
    expect(() =>
      conformBatch(renamed, penguinsModel.info.features, penguinsModel.profile, { source: 'penguins.csv' }),
    ).toThrow("penguins.csv: column 'sex' is missing: the model needs it (category)");
    // the training data itself is clean
    expect(check(penguins, penguinsModel).findings).toEqual([]);
  });
});

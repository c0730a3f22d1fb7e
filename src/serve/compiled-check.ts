import type { ColumnSchema } from '../data/schema.js';
import type { TrainedModel } from '../train/trained-model.js';
import { Rng } from '../util/random.js';
import type { CompiledPredictor } from './compiled-predictor.js';
import { type FramePlan, inputFrame, rowsInput } from './request-frame.js';

/**
 * Proves a compiled predictor builds exactly the pipeline's matrix, bit for bit, on probe rows
 * that cover every feature's training categories, an unseen label, missing values where the
 * signature allows them, and numbers inside and far outside the training range. A predictor that
 * differs anywhere is not used: the server falls back to the pipeline and says why.
 */
export function checkCompiled(
  model: TrainedModel,
  compiled: CompiledPredictor,
  plan: FramePlan,
  strict: ReadonlySet<string>,
): { ok: true } | { ok: false; reason: string } {
  const rows = probeRows(model.info.features, strict);
  const input = rowsInput(rows);
  const want = model.pipeline.transformToMatrix(inputFrame(plan, input));
  const got = compiled.matrix(input);
  if (got.rows !== want.rows || got.cols !== want.cols)
    return {
      ok: false,
      reason: `matrix ${got.rows}×${got.cols}, the pipeline's is ${want.rows}×${want.cols}`,
    };
  for (let i = 0; i < want.data.length; i++)
    if (!Object.is(got.data[i], want.data[i])) {
      const row = Math.floor(i / want.cols);
      const col = model.pipeline.state.featureNames[i % want.cols];
      return {
        ok: false,
        reason: `row ${row}, column '${col}': ${got.data[i]}, the pipeline gives ${want.data[i]}`,
      };
    }
  return { ok: true };
}

/** Seeded probe rows within what the request schema accepts. */
export function probeRows(
  features: readonly ColumnSchema[],
  strict: ReadonlySet<string>,
  n = 64,
): Record<string, unknown>[] {
  const rng = new Rng(20261127);
  const choices = features.map((f) => probeValues(f, strict.has(f.name)));
  const rows: Record<string, unknown>[] = [];
  for (let r = 0; r < n; r++) {
    const row: Record<string, unknown> = {};
    features.forEach((f, k) => {
      const values = choices[k];
      // the first rows walk every value of every feature; the rest mix them at random
      row[f.name] = values[r < values.length ? r : rng.int(values.length)];
    });
    rows.push(row);
  }
  return rows;
}

function probeValues(f: ColumnSchema, strict: boolean): unknown[] {
  const nulls = f.nullable ? [null] : [];
  switch (f.kind) {
    case 'number': {
      const lo = f.min ?? 0;
      const hi = f.max ?? 1;
      return [lo, hi, (lo + hi) / 2, 0, -1.5, lo - 1e6, hi * 1e3 + 7.25, ...nulls];
    }
    case 'category':
      return [
        ...(f.categories ?? []).slice(0, 50),
        ...(strict ? [] : ['\u0000unseen label', '']),
        ...(strict ? [] : nulls),
      ];
    case 'boolean':
      return [true, false, ...nulls];
    case 'datetime':
      return ['2001-01-31T08:30:00Z', 0, ...nulls];
    case 'text':
      return ['a', '', ...nulls];
  }
}

import type { Matrix } from '../data/matrix.js';
import { matrix } from '../data/matrix.js';
import type { ColumnSchema } from '../data/schema.js';
import { isClassifier } from '../models/estimator.js';
import type { Predictions, TrainedModel } from '../train/trained-model.js';
import { type OneHotPart, type Sym, step, Unsupported } from './compiled-steps.js';
import type { RequestInput } from './request-frame.js';

/**
 * A fitted pipeline flattened for small requests: each matrix column the model reads becomes one
 * closure over the request's cells (impute, scale, encode composed), and each one-hot group one
 * label lookup, so a row goes from JSON values to the model's matrix with no Frame, Map of columns
 * or intermediate arrays. Only Cairn's own transformers are compiled; for anything else `compile`
 * returns null and the server uses the pipeline itself. `checkCompiled` proves the two agree.
 */
export interface CompiledPredictor {
  /** The model's input matrix for these rows (exactly what the pipeline would build). */
  matrix(input: RequestInput): Matrix;
  predict(input: RequestInput): Predictions;
}

export function compilePredictor(model: TrainedModel): CompiledPredictor | null {
  try {
    return build(model);
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
}

function build(model: TrainedModel): CompiledPredictor {
  const features = model.info.features;
  const { transformers, model: final, featureNames } = model.pipeline.state;
  // The row being computed: its feature values, written before the closures run.
  const cells: unknown[] = new Array(features.length).fill(null);
  let columns = new Map<string, Sym>(features.map((f, k) => [f.name, inputSym(f, k, cells)]));
  for (const t of transformers) columns = step(t, columns);
  const writers: ((out: Float64Array, base: number) => void)[] = [];
  const groups = new Map<OneHotPart['group'], number[]>();
  featureNames.forEach((name, j) => {
    const s = columns.get(name);
    if (!s) throw new Unsupported(`no column ${name}`);
    if (s.kind === 'category' || s.kind === 'opaque')
      throw new Unsupported(`${s.kind} column reaches the model`);
    if (s.kind === 'number' && s.onehot) {
      let cols = groups.get(s.onehot.group);
      if (!cols) groups.set(s.onehot.group, (cols = []));
      cols[s.onehot.slot] = j;
      return;
    }
    const get = s.get;
    writers.push(
      s.kind === 'boolean'
        ? (out, base) => {
            const v = get();
            out[base + j] = v < 0 ? Number.NaN : v;
          }
        : (out, base) => {
            out[base + j] = get();
          },
    );
  });
  for (const [group, slots] of groups) {
    const cols = Int32Array.from({ length: slots.length }, (_, slot) => slots[slot] ?? -1);
    writers.push((out, base) => {
      const slot = group.slot();
      if (slot >= 0 && slot < cols.length && cols[slot] >= 0) out[base + cols[slot]] = 1;
    });
  }
  const names = features.map((f) => f.name);
  const width = featureNames.length;
  // One row (the common request) reuses one buffer: a typed array this small would otherwise be
  // a fresh off-heap allocation per request. Predicting is synchronous and models keep no input.
  const one = matrix(1, width, new Float64Array(width));
  const toMatrix = (input: RequestInput): Matrix => {
    const m = input.n === 1 ? one : matrix(input.n, width, new Float64Array(input.n * width));
    const data = m.data;
    if (m === one) data.fill(0);
    for (let i = 0; i < input.n; i++) {
      for (let k = 0; k < names.length; k++) cells[k] = input.at(names[k], i);
      for (let w = 0; w < writers.length; w++) writers[w](data, i * width);
    }
    cells.fill(null); // keep no request's values alive
    return m;
  };
  if (model.info.task === 'regression')
    return { matrix: toMatrix, predict: (input) => ({ values: final.predict(toMatrix(input)) }) };
  if (!isClassifier(final)) throw new Unsupported('classification without predictProba');
  const classes = model.classes;
  return {
    matrix: toMatrix,
    predict(input) {
      const proba = final.predictProba(toMatrix(input));
      const k = proba.cols;
      const values = new Float64Array(proba.rows);
      const labels = new Array<string>(proba.rows);
      for (let i = 0; i < proba.rows; i++) {
        let best = 0;
        for (let j = 1; j < k; j++) if (proba.data[i * k + j] > proba.data[i * k + best]) best = j;
        values[i] = best;
        labels[i] = classes[best];
      }
      return { values, labels, proba };
    },
  };
}

/** A request feature as a symbol: numbers NaN when missing, booleans 1/0/-1, labels or null. */
function inputSym(f: ColumnSchema, k: number, cells: unknown[]): Sym {
  switch (f.kind) {
    case 'number':
      return {
        kind: 'number',
        get: () => {
          const v = cells[k];
          return v === null ? Number.NaN : (v as number);
        },
      };
    case 'boolean':
      return {
        kind: 'boolean',
        get: () => {
          const v = cells[k];
          return v === null ? -1 : v ? 1 : 0;
        },
      };
    case 'category':
      return { kind: 'category', get: () => cells[k] as string | null };
    default:
      return { kind: 'opaque' };
  }
}

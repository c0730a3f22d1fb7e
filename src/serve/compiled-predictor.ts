import type { Matrix } from '../data/matrix.js';
import { matrix } from '../data/matrix.js';
import type { ColumnSchema } from '../data/schema.js';
import { isClassifier } from '../models/estimator.js';
import { OneHotEncoder } from '../prep/one-hot-encoder.js';
import { OrdinalEncoder } from '../prep/ordinal-encoder.js';
import { SelectColumns } from '../prep/select-columns.js';
import { SimpleImputer } from '../prep/simple-imputer.js';
import { StandardScaler } from '../prep/standard-scaler.js';
import type { FrameTransformer } from '../prep/transformer.js';
import type { Predictions, TrainedModel } from '../train/trained-model.js';
import { InputError } from '../util/errors.js';
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

/** A column while compiling: how to compute its value for the row in the scratch cells. */
type Sym =
  | { readonly kind: 'number'; readonly get: () => number; readonly onehot?: OneHotPart }
  | { readonly kind: 'boolean'; readonly get: () => number }
  | { readonly kind: 'category'; readonly get: () => string | null }
  /** A datetime or text feature: only SelectColumns may pass or drop it; any other use is unsupported. */
  | { readonly kind: 'opaque' };

/** One output of a one-hot group: all outputs of a group share one lookup per row. */
interface OneHotPart {
  readonly group: { readonly slot: () => number };
  readonly slot: number;
}

class Unsupported extends Error {}

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

/** One transformer, by exact class: a subclass may change what it computes, so it is not compiled. */
function step(t: FrameTransformer, columns: Map<string, Sym>): Map<string, Sym> {
  const is = (cls: abstract new (...args: never[]) => unknown) => t.constructor === cls;
  if (t instanceof SelectColumns && is(SelectColumns))
    return new Map(t.state.columns.map((n) => [n, need(columns, n)]));
  if (t instanceof SimpleImputer && is(SimpleImputer)) return imputer(t, columns);
  if (t instanceof StandardScaler && is(StandardScaler)) {
    const s = t.state;
    return columnwise(columns, s.columns, s.kinds, (sym, i) => {
      const get = numberOf(sym);
      const m = s.center[i];
      const d = s.scale[i];
      return [[s.columns[i], { kind: 'number', get: () => (get() - m) / d }]];
    });
  }
  if (t instanceof OneHotEncoder && is(OneHotEncoder)) return oneHot(t, columns);
  if (t instanceof OrdinalEncoder && is(OrdinalEncoder)) {
    const s = t.state;
    const unknown = t.params.unknownValue;
    return columnwise(columns, s.columns, s.kinds, (sym, i) => {
      const get = labelOf(sym);
      const index = new Map(s.categories[i].map((l, p) => [l, p]));
      return [
        [
          s.columns[i],
          {
            kind: 'number',
            get: () => {
              const l = get();
              return l === null ? Number.NaN : (index.get(l) ?? unknown);
            },
          },
        ],
      ];
    });
  }
  throw new Unsupported(t.kind);
}

function imputer(t: SimpleImputer, columns: Map<string, Sym>): Map<string, Sym> {
  const s = t.state;
  const out = columnwise(columns, s.columns, s.kinds, (sym, i) => {
    const fill = s.fills[i];
    if (sym.kind === 'number') {
      const get = sym.get;
      const f = fill as number;
      return [
        [
          s.columns[i],
          {
            kind: 'number',
            get: () => {
              const v = get();
              return Number.isNaN(v) ? f : v;
            },
          },
        ],
      ];
    }
    if (sym.kind === 'boolean') {
      const get = sym.get;
      const f = fill as number;
      return [
        [
          s.columns[i],
          {
            kind: 'boolean',
            get: () => {
              const v = get();
              return v < 0 ? f : v;
            },
          },
        ],
      ];
    }
    if (sym.kind !== 'category') throw new Unsupported(`impute ${sym.kind}`);
    const get = sym.get;
    const f = fill as string;
    return [[s.columns[i], { kind: 'category', get: () => get() ?? f }]];
  });
  if (t.params.addIndicator)
    for (const name of s.withMissing) {
      const before = need(columns, name);
      if (before.kind === 'opaque') throw new Unsupported('indicator of an opaque column');
      const missing =
        before.kind === 'number'
          ? () => (Number.isNaN(before.get()) ? 1 : 0)
          : before.kind === 'boolean'
            ? () => (before.get() < 0 ? 1 : 0)
            : () => (before.get() === null ? 1 : 0);
      out.set(`missingindicator_${name}`, { kind: 'number', get: missing });
    }
  return out;
}

function oneHot(t: OneHotEncoder, columns: Map<string, Sym>): Map<string, Sym> {
  const s = t.state;
  const strict = t.params.handleUnknown === 'error';
  return columnwise(columns, s.columns, s.kinds, (sym, i) => {
    const label = labelOf(sym);
    const labels = s.categories[i];
    const index = new Map(labels.map((l, p) => [l, p]));
    const missingSlot = s.withMissing[i] ? labels.length : -1;
    const name = s.columns[i];
    const group = {
      slot: () => {
        const l = label();
        const slot = l === null ? missingSlot : (index.get(l) ?? -1);
        if (slot < 0 && strict)
          throw new InputError(
            'unknown_category',
            `${t.kind}: column '${name}' has ${l === null ? 'a missing value' : `category ${JSON.stringify(l)}`}, not seen at fit (handleUnknown is 'error')`,
            { column: name, value: l },
          );
        return slot;
      },
    };
    const names = [...labels.map((l) => `${name}=${l}`), ...(missingSlot >= 0 ? [`${name}=<missing>`] : [])];
    const out: [string, Sym][] = [];
    names.forEach((n, slot) => {
      if (slot === s.dropped[i]) return;
      out.push([n, { kind: 'number', get: () => (group.slot() === slot ? 1 : 0), onehot: { group, slot } }]);
    });
    return out;
  });
}

/** A column-wise transformer: mapped columns replaced in place, the rest passed through. */
function columnwise(
  columns: Map<string, Sym>,
  names: readonly string[],
  kinds: readonly string[],
  map: (sym: Sym, i: number) => [string, Sym][],
): Map<string, Sym> {
  const index = new Map(names.map((n, i) => [n, i]));
  names.forEach((n, i) => {
    if (need(columns, n).kind !== kinds[i]) throw new Unsupported(`kind of ${n}`);
  });
  const out = new Map<string, Sym>();
  for (const [name, sym] of columns) {
    const i = index.get(name);
    if (i === undefined) out.set(name, sym);
    else for (const [n, s] of map(sym, i)) out.set(n, s);
  }
  return out;
}

function need(columns: Map<string, Sym>, name: string): Sym {
  const s = columns.get(name);
  if (!s) throw new Unsupported(`missing ${name}`);
  return s;
}

function numberOf(sym: Sym): () => number {
  if (sym.kind !== 'number') throw new Unsupported('number expected');
  return sym.get;
}

/** Labels of a category, or of a boolean as the encoders name them ('false', 'true'). */
function labelOf(sym: Sym): () => string | null {
  if (sym.kind === 'category') return sym.get;
  if (sym.kind === 'boolean') {
    const get = sym.get;
    return () => {
      const v = get();
      return v < 0 ? null : v === 1 ? 'true' : 'false';
    };
  }
  throw new Unsupported('label expected');
}

import { OneHotEncoder } from '../prep/one-hot-encoder.js';
import { OrdinalEncoder } from '../prep/ordinal-encoder.js';
import { SelectColumns } from '../prep/select-columns.js';
import { SimpleImputer } from '../prep/simple-imputer.js';
import { StandardScaler } from '../prep/standard-scaler.js';
import type { FrameTransformer } from '../prep/transformer.js';
import { InputError } from '../util/errors.js';

/**
 * The transformer steps the compiled predictor knows, each turning the columns it reads into the
 * columns it writes as functions of the current row, with exactly the arithmetic of the
 * transformer's own transform (checked on probes by compiled-check.ts).
 */
/** A column while compiling: how to compute its value for the row in the scratch cells. */
export type Sym =
  | { readonly kind: 'number'; readonly get: () => number; readonly onehot?: OneHotPart }
  | { readonly kind: 'boolean'; readonly get: () => number }
  | { readonly kind: 'category'; readonly get: () => string | null }
  /** A datetime or text feature: only SelectColumns may pass or drop it; any other use is unsupported. */
  | { readonly kind: 'opaque' };

/** One output of a one-hot group: all outputs of a group share one lookup per row. */
export interface OneHotPart {
  readonly group: { readonly slot: () => number };
  readonly slot: number;
}

/** A step or use the compiler does not know: the pipeline is used as it is. */
export class Unsupported extends Error {}

/** One transformer, by exact class: a subclass may change what it computes, so it is not compiled. */
export function step(t: FrameTransformer, columns: Map<string, Sym>): Map<string, Sym> {
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

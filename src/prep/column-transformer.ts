import { type Column, Frame } from '../data/frame.js';
import { checkSavedHeader, Estimator, type EstimatorJSON, type FitOptions } from '../models/estimator.js';
import { type ParamSpecs, param } from '../models/params.js';
import { estimatorFromJSON, registerEstimator } from '../models/registry.js';
import { InputError, ParamError } from '../util/errors.js';
import {
  type ColumnSelector,
  describeSelector,
  resolveSelector,
  selectorProblem,
} from './column-selector.js';
import { fitTransformStep } from './fit-step.js';
import { isResampler } from './resampler.js';
import { type FrameTransformer, isTransformer, type Transformer } from './transformer.js';

/** What one part does with its columns: transformers in order, or pass them through, or drop them. */
export type PartSteps = FrameTransformer | readonly FrameTransformer[] | 'passthrough' | 'drop';

export interface ColumnTransformerPart {
  /** Names the part in output names (with `prefixNames`) and errors; distinct, without `__`. */
  readonly name: string;
  /** Templates, as in Pipeline: fit works on fresh clones, the objects given stay unfitted. */
  readonly steps: PartSteps;
  readonly columns: ColumnSelector;
}

export interface ColumnTransformerParams {
  /** The parts, each applied to its own columns of the same input. Default `[]`. */
  transformers: readonly ColumnTransformerPart[];
  /** Columns no part takes: dropped (default, as scikit-learn) or passed through unchanged, last. */
  remainder: 'drop' | 'passthrough';
  /**
   * Output names `<part>__<name>` (scikit-learn's verbose_feature_names_out) instead of Cairn's
   * plain names (`mass`, `island=Biscoe`). Default false: plain names read better in coefficients
   * and reports; two parts giving one name is then refused at fit, naming the name and the parts.
   */
  prefixNames: boolean;
}

export const COLUMN_TRANSFORMER_DEFAULTS = {
  transformers: [],
  remainder: 'drop',
  prefixNames: false,
} satisfies ColumnTransformerParams;

const SPECS: ParamSpecs<ColumnTransformerParams> = {
  transformers: param.custom(
    'The parts: { name, steps, columns } each.',
    'a list of { name, steps: a transformer, a list of them, "passthrough" or "drop", columns: names, { kind } or { pattern } } with distinct names',
    (v) => partsProblem(v) === null,
  ),
  remainder: param.oneOf('What happens to columns no part takes.', ['drop', 'passthrough']),
  prefixNames: param.boolean('Prefix output names with the part name and "__".'),
};

interface FittedPart {
  readonly columns: readonly string[];
  /** Fitted clones; empty for passthrough, null for drop. */
  readonly steps: readonly FrameTransformer[] | null;
}

export interface ColumnTransformerState {
  readonly parts: readonly FittedPart[];
  /** Columns passed through by `remainder: 'passthrough'`, in input order. */
  readonly remainder: readonly string[];
  /** Output column names, in order. */
  readonly featureNames: readonly string[];
}

interface PartJSON {
  name: string;
  steps: EstimatorJSON<unknown, unknown>[] | 'passthrough' | 'drop';
  columns: ColumnSelector;
}
interface FittedPartJSON {
  columns: string[];
  steps: EstimatorJSON<unknown, unknown>[] | null;
}

/**
 * scikit-learn's ColumnTransformer on Frames: each part fits its steps on its own columns of the
 * training rows only, and the outputs are put side by side (parts in order, then the remainder).
 * A column may feed several parts. Saved whole: every fitted step through the estimator registry.
 */
export class ColumnTransformer
  extends Estimator<ColumnTransformerParams, ColumnTransformerState>
  implements Transformer
{
  readonly kind = 'ColumnTransformer';
  protected readonly specs = SPECS;

  constructor(params: Partial<ColumnTransformerParams> = {}) {
    super(COLUMN_TRANSFORMER_DEFAULTS, {
      ...params,
      transformers: Object.freeze([...(params.transformers ?? [])]),
    });
  }

  override withParams(patch: Partial<ColumnTransformerParams>): this {
    const transformers = (patch.transformers ?? this.params.transformers).map(cloneTemplate);
    return new ColumnTransformer({ ...this.params, ...patch, transformers }) as this;
  }

  fit(frame: Frame, y?: Float64Array, opts: FitOptions = {}): this {
    const problem = partsProblem(this.params.transformers);
    if (problem !== null) throw new ParamError(this.kind, 'transformers', problem, this.params.transformers);
    this.checkParams();
    this.fitted = null;
    const taken = new Set<string>();
    const parts: FittedPart[] = [];
    const names: string[][] = [];
    for (const part of this.params.transformers) {
      const columns = resolveSelector(`${this.kind} part '${part.name}'`, part.columns, frame);
      for (const c of columns) taken.add(c);
      if (part.steps === 'drop') {
        parts.push({ columns, steps: null });
        names.push([]);
        continue;
      }
      let sub = frame.select(columns);
      const steps: FrameTransformer[] = [];
      for (const template of stepList(part.steps)) {
        const t = template.clone();
        sub = fitTransformStep(t, sub, y, { onEvent: opts.onEvent });
        steps.push(t);
      }
      parts.push({ columns, steps });
      names.push(sub.names);
    }
    const remainder = this.params.remainder === 'passthrough' ? frame.names.filter((n) => !taken.has(n)) : [];
    const featureNames = this.outputNames(names, remainder);
    this.fitted = { parts, remainder, featureNames };
    return this;
  }

  fitTransform(frame: Frame, y?: Float64Array, opts?: FitOptions): Frame {
    return this.fit(frame, y, opts).transform(frame);
  }

  transform(frame: Frame): Frame {
    const s = this.state;
    const out: [string, Column][] = [];
    s.parts.forEach((part, i) => {
      if (part.steps === null) return;
      let sub = frame.select(part.columns);
      for (const t of part.steps) sub = t.transform(sub);
      for (const [, c] of sub.columns()) out.push([s.featureNames[out.length], c]);
      if (sub.nRows !== frame.nRows) throw new Error(`${this.kind}: part ${i} changed the row count`);
    });
    for (const name of s.remainder) out.push([s.featureNames[out.length], frame.column(name)]);
    if (out.length !== s.featureNames.length)
      throw new InputError(
        'feature_count',
        `${this.kind}: the parts gave ${out.length} columns for these rows, but ${s.featureNames.length} at fit`,
      );
    return new Frame(out, frame.nRows);
  }

  featureNamesOut(inputNames: readonly string[]): string[] {
    const s = this.state;
    for (const part of s.parts)
      for (const c of part.columns)
        if (!inputNames.includes(c))
          throw new InputError('unknown_column', `${this.kind}: input names lack fitted column '${c}'`, {
            column: c,
          });
    return [...s.featureNames];
  }

  /** Each part's output names, prefixed when asked; a name given twice is refused. */
  private outputNames(parts: string[][], remainder: string[]): string[] {
    const out: string[] = [];
    const from = new Map<string, string>();
    const add = (owner: string, name: string) => {
      const full = this.params.prefixNames ? `${owner}__${name}` : name;
      const other = from.get(full);
      if (other !== undefined)
        throw new InputError(
          'duplicate_column',
          `${this.kind}: parts '${other}' and '${owner}' both output a column '${full}'; rename one, or set prefixNames: true`,
          { column: full },
        );
      from.set(full, owner);
      out.push(full);
    };
    this.params.transformers.forEach((p, i) => {
      for (const n of parts[i]) add(p.name, n);
    });
    for (const n of remainder) add('remainder', n);
    return out;
  }

  /** The parts in words: one line each, for the train output and model notes. */
  describeParts(): string[] {
    const s = this.fitted;
    return this.params.transformers.map((p, i) => {
      const cols = s ? s.parts[i].columns.join(', ') || '(none)' : describeSelector(p.columns);
      const steps =
        typeof p.steps === 'string'
          ? p.steps
          : stepList(p.steps)
              .map((t) => t.kind)
              .join(' → ') || 'passthrough';
      return `${p.name}: ${steps} on ${cols}`;
    });
  }

  override toJSON(): EstimatorJSON<ColumnTransformerParams, ColumnTransformerState> {
    const s = this.fitted;
    const json = {
      kind: this.kind,
      formatVersion: this.formatVersion,
      params: {
        transformers: this.params.transformers.map(
          (p): PartJSON => ({
            name: p.name,
            steps: typeof p.steps === 'string' ? p.steps : stepList(p.steps).map((t) => t.clone().toJSON()),
            columns: p.columns,
          }),
        ),
        remainder: this.params.remainder,
        prefixNames: this.params.prefixNames,
      },
      state: s && {
        parts: s.parts.map(
          (p): FittedPartJSON => ({
            columns: [...p.columns],
            steps: p.steps === null ? null : p.steps.map((t) => t.toJSON()),
          }),
        ),
        remainder: [...s.remainder],
        featureNames: [...s.featureNames],
      },
    };
    // Steps are saved as their JSON; fromJSON below rebuilds them through the registry.
    return json as unknown as EstimatorJSON<ColumnTransformerParams, ColumnTransformerState>;
  }

  static override fromJSON<T extends Estimator<object, unknown>>(
    this: new (
      params: never,
    ) => T,
    json: EstimatorJSON<unknown, unknown>,
  ): T {
    return restore(json) as unknown as T;
  }
}

function restore(json: EstimatorJSON<unknown, unknown>): ColumnTransformer {
  const blank = new ColumnTransformer();
  checkSavedHeader(json, blank.kind, blank.formatVersion);
  const bad = (what: string) =>
    new InputError('bad_column_transformer', `saved ColumnTransformer ${what}`, {
      field: 'params.transformers',
    });
  const params = json.params as {
    transformers?: PartJSON[];
    remainder?: string;
    prefixNames?: boolean;
  } | null;
  if (!params || !Array.isArray(params.transformers)) throw bad('has no parts list');
  const transformers = params.transformers.map(
    (p): ColumnTransformerPart => ({
      name: p.name,
      columns: p.columns,
      steps: typeof p.steps === 'string' ? p.steps : (p.steps.map(transformerFromJSON) as FrameTransformer[]),
    }),
  );
  const ct = new ColumnTransformer({
    transformers,
    remainder: params.remainder as ColumnTransformerParams['remainder'],
    prefixNames: params.prefixNames,
  });
  const state = json.state as { parts: FittedPartJSON[]; remainder: string[]; featureNames: string[] } | null;
  if (state === null) return ct;
  if (
    typeof state !== 'object' ||
    !Array.isArray(state.parts) ||
    state.parts.length !== transformers.length ||
    !Array.isArray(state.featureNames)
  )
    throw bad('state does not match its parts');
  const parts = state.parts.map((p) => {
    const steps = p.steps === null ? null : p.steps.map(transformerFromJSON);
    if (steps && !steps.every((t) => t.isFitted)) throw bad('state has unfitted steps');
    return { columns: [...p.columns], steps };
  });
  (ct as unknown as { fitted: ColumnTransformerState }).fitted = {
    parts,
    remainder: [...state.remainder],
    featureNames: [...state.featureNames],
  };
  return ct;
}

function transformerFromJSON(json: EstimatorJSON<unknown, unknown>): FrameTransformer {
  const t = estimatorFromJSON(json);
  if (!isTransformer(t))
    throw new InputError(
      'bad_column_transformer',
      `saved ColumnTransformer step '${t.kind}' is not a transformer`,
      {
        field: 'params.transformers',
      },
    );
  return t;
}

function stepList(steps: PartSteps): readonly FrameTransformer[] {
  if (typeof steps === 'string') return [];
  return isTransformer(steps) ? [steps] : (steps as readonly FrameTransformer[]);
}

function cloneTemplate(p: ColumnTransformerPart): ColumnTransformerPart {
  if (typeof p.steps === 'string') return { ...p };
  return { ...p, steps: isTransformer(p.steps) ? p.steps.clone() : stepList(p.steps).map((t) => t.clone()) };
}

/** Why the parts are malformed (the first problem, naming the part), or null. */
function partsProblem(v: unknown): string | null {
  if (!Array.isArray(v)) return 'a list of parts { name, steps, columns }';
  const seen = new Set<string>();
  for (let i = 0; i < v.length; i++) {
    const p = v[i] as Partial<ColumnTransformerPart> | null;
    const at = `part ${i}`;
    if (typeof p !== 'object' || p === null) return `${at}: a { name, steps, columns } object`;
    if (typeof p.name !== 'string' || p.name === '' || p.name.includes('__'))
      return `${at}: name must be a non-empty string without "__"`;
    if (seen.has(p.name) || p.name === 'remainder') return `${at}: name '${p.name}' is taken`;
    seen.add(p.name);
    const s = p.steps;
    const list = s === 'passthrough' || s === 'drop' ? [] : isTransformer(s) ? [s] : s;
    if (!Array.isArray(list) || !list.every(isTransformer))
      return `part '${p.name}': steps must be a transformer, a list of them, "passthrough" or "drop"`;
    if (list.some(isResampler))
      return `part '${p.name}': a step that removes or adds rows (${list.find(isResampler)!.kind}) belongs in the Pipeline, not in a ColumnTransformer part`;
    const bad = selectorProblem(p.columns);
    if (bad !== null) return `part '${p.name}': columns: ${bad}`;
  }
  return null;
}

registerEstimator('ColumnTransformer', ColumnTransformer);

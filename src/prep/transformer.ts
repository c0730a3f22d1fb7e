import { type Column, type ColumnKind, Frame } from '../data/frame.js';
import { Estimator, type FitOptions } from '../models/estimator.js';
import { InputError } from '../util/errors.js';

/**
 * A step that learns from a Frame and turns Frames into Frames. Pipelines chain these before the
 * final model; every one of them also extends `Estimator` (params, state, toJSON).
 */
export interface Transformer {
  fit(frame: Frame, y?: Float64Array, opts?: FitOptions): this;
  transform(frame: Frame): Frame;
  /** Output column names for the given input column names, in output order. */
  featureNamesOut(inputNames: readonly string[]): string[];
  /**
   * Optional: fits, then returns what the next step trains on, when that differs from
   * `transform(frame)` on the same rows. A cross-fitted TargetEncoder encodes each training row
   * with statistics of the other folds only, so no row sees its own target; `transform` of new
   * rows uses the statistics of all training rows. Pipeline.fit calls this instead of fit then
   * transform where a step has it.
   */
  fitTransformTrain?(frame: Frame, y?: Float64Array, opts?: FitOptions): Frame;
}

export type FrameTransformer = Transformer & Estimator<object, unknown>;

export function isTransformer(e: unknown): e is FrameTransformer {
  return (
    e instanceof Estimator &&
    typeof (e as unknown as Transformer).transform === 'function' &&
    typeof (e as unknown as Transformer).featureNamesOut === 'function'
  );
}

/** The `columns` param every column-wise transformer has. */
export interface ColumnsParam {
  /**
   * Columns to transform. Default `null`: every column of the kinds the transformer handles at
   * fit. Other columns always pass through unchanged.
   */
  columns: readonly string[] | null;
}

/** Learned state shared by column-wise transformers: which columns, of which kind, at fit. */
export interface ColumnsState {
  readonly columns: readonly string[];
  readonly kinds: readonly ColumnKind[];
}

/** Spec test for `columns`: null or an array of distinct strings. */
export function isColumnList(v: unknown): boolean {
  return (
    v === null || (Array.isArray(v) && v.every((c) => typeof c === 'string') && new Set(v).size === v.length)
  );
}

/**
 * The columns a transformer applies to: the named ones (each must exist and be of a handled kind)
 * or, when none are named, every column of a handled kind, in frame order.
 */
export function resolveColumns(
  kind: string,
  frame: Frame,
  named: readonly string[] | null,
  handles: readonly ColumnKind[],
): { columns: string[]; kinds: ColumnKind[] } {
  const columns: string[] = [];
  const kinds: ColumnKind[] = [];
  if (named === null) {
    for (const [name, c] of frame.columns())
      if (handles.includes(c.kind)) {
        columns.push(name);
        kinds.push(c.kind);
      }
    return { columns, kinds };
  }
  for (const name of named) {
    const c = frame.column(name);
    checkKind(kind, name, c, handles);
    columns.push(name);
    kinds.push(c.kind);
  }
  return { columns, kinds };
}

export function checkKind(kind: string, name: string, c: Column, handles: readonly ColumnKind[]): void {
  if (!handles.includes(c.kind))
    throw new InputError(
      'wrong_kind',
      `${kind}: column '${name}' is ${c.kind}, expected ${handles.join(' or ')}`,
      { column: name, expected: handles.join('|'), got: c.kind },
    );
}

/**
 * Base of transformers that replace some columns with new ones and pass the rest through.
 * Subclasses learn per-column state in `learn` and map one column at a time in `mapColumn`; the
 * base keeps column order, checks that fitted columns are present with the kind seen at fit, and
 * derives `featureNamesOut` from `namesOut`.
 */
export abstract class ColumnwiseTransformer<P extends ColumnsParam, S extends ColumnsState>
  extends Estimator<P, S>
  implements Transformer
{
  /** Column kinds this transformer applies to with its current params. */
  protected abstract handles(): readonly ColumnKind[];
  /** Learns the state from the columns chosen by `resolveColumns`. */
  protected abstract learn(frame: Frame, columns: string[], kinds: ColumnKind[], y?: Float64Array): S;
  /** Output columns for fitted column number `i`, given its incoming values. */
  protected abstract mapColumn(i: number, column: Column, state: S): [string, Column][];
  /** Output names for fitted column number `i`. */
  protected abstract namesOut(i: number, state: S): string[];
  /** Extra columns appended after all others (missing indicators); none by default. */
  protected extraColumns(_frame: Frame, _state: S): [string, Column][] {
    return [];
  }
  protected extraNames(_state: S): string[] {
    return [];
  }

  fit(frame: Frame, y?: Float64Array, _opts?: FitOptions): this {
    this.checkParams();
    const { columns, kinds } = resolveColumns(this.kind, frame, this.params.columns, this.handles());
    this.fitted = null;
    this.fitted = this.learn(frame, columns, kinds, y);
    return this;
  }

  fitTransform(frame: Frame, y?: Float64Array, opts?: FitOptions): Frame {
    return this.fit(frame, y, opts).transform(frame);
  }

  transform(frame: Frame): Frame {
    const s = this.state;
    const index = new Map(s.columns.map((n, i) => [n, i]));
    for (let i = 0; i < s.columns.length; i++) {
      const name = s.columns[i];
      const c = frame.column(name);
      if (c.kind !== s.kinds[i])
        throw new InputError(
          'wrong_kind',
          `${this.kind}: column '${name}' is ${c.kind}, was ${s.kinds[i]} at fit`,
          {
            column: name,
            expected: s.kinds[i],
            got: c.kind,
          },
        );
    }
    const out: [string, Column][] = [];
    for (const [name, c] of frame.columns()) {
      const i = index.get(name);
      if (i === undefined) out.push([name, c]);
      else out.push(...this.mapColumn(i, c, s));
    }
    out.push(...this.extraColumns(frame, s));
    return new Frame(out, frame.nRows);
  }

  featureNamesOut(inputNames: readonly string[]): string[] {
    const s = this.state;
    const index = new Map(s.columns.map((n, i) => [n, i]));
    const out: string[] = [];
    for (const name of inputNames) {
      const i = index.get(name);
      if (i === undefined) out.push(name);
      else out.push(...this.namesOut(i, s));
    }
    for (const name of s.columns)
      if (!inputNames.includes(name))
        throw new InputError('unknown_column', `${this.kind}: input names lack fitted column '${name}'`, {
          column: name,
        });
    out.push(...this.extraNames(s));
    return out;
  }
}

import { type Column, Frame } from '../data/frame.js';
import { Estimator, type FitOptions } from '../models/estimator.js';
import { InputError } from '../util/errors.js';
import { type ColumnsParam, resolveColumns, type Transformer } from './transformer.js';

/** What every block transformer's state holds: the number columns it was fitted on, in order. */
export interface NumberBlockState {
  readonly columns: readonly string[];
}

/**
 * Base of transformers that look at several number columns together (k-nearest-neighbour
 * imputation, polynomial features, feature selection) rather than one column at a time. The base
 * picks the columns at fit (`columns`, or every number column), checks at transform that each is
 * still there and still a number column, and places the outputs:
 *
 * - `'inPlace'`: an output named like a fitted column takes that column's place; fitted columns
 *   without an output are dropped (selection); outputs with new names go last (indicators).
 * - `'block'`: all outputs, in order, take the place of the first fitted column (polynomial
 *   features, whose order is scikit-learn's).
 *
 * Columns that were not fitted always pass through unchanged and in place.
 */
export abstract class NumberBlockTransformer<P extends ColumnsParam, S extends NumberBlockState>
  extends Estimator<P, S>
  implements Transformer
{
  protected abstract readonly placement: 'inPlace' | 'block';
  /** Learns the state from the chosen columns' values (same order as `columns`). */
  protected abstract learn(values: Float64Array[], columns: string[], y: Float64Array | undefined): S;
  /** The output columns for these rows, given the fitted columns' values. */
  protected abstract transformBlock(values: Float64Array[], state: S, nRows: number): [string, Column][];
  /** The output names, in the order `transformBlock` gives them. */
  protected abstract blockNames(state: S): string[];

  fit(frame: Frame, y?: Float64Array, _opts?: FitOptions): this {
    this.checkParams();
    const { columns } = resolveColumns(this.kind, frame, this.params.columns, ['number']);
    if (y !== undefined && y.length !== frame.nRows)
      throw new InputError(
        'length_mismatch',
        `${this.kind}: frame has ${frame.nRows} rows but y has ${y.length} values`,
      );
    const values = columns.map((name) => frame.columnOf(name, 'number').values);
    this.fitted = null;
    this.fitted = this.learn(values, columns, y);
    return this;
  }

  fitTransform(frame: Frame, y?: Float64Array, opts?: FitOptions): Frame {
    return this.fit(frame, y, opts).transform(frame);
  }

  transform(frame: Frame): Frame {
    const s = this.state;
    const values = s.columns.map((name) => {
      const c = frame.column(name);
      if (c.kind !== 'number')
        throw new InputError('wrong_kind', `${this.kind}: column '${name}' is ${c.kind}, was number at fit`, {
          column: name,
          expected: 'number',
          got: c.kind,
        });
      return c.values;
    });
    const outputs = this.transformBlock(values, s, frame.nRows);
    return new Frame(placeOutputs(this.placement, s.columns, [...frame.columns()], outputs), frame.nRows);
  }

  featureNamesOut(inputNames: readonly string[]): string[] {
    const s = this.state;
    for (const name of s.columns)
      if (!inputNames.includes(name))
        throw new InputError('unknown_column', `${this.kind}: input names lack fitted column '${name}'`, {
          column: name,
        });
    const names = this.blockNames(s).map((n) => [n, n] as [string, string]);
    const inputs = inputNames.map((n) => [n, n] as [string, string]);
    return placeOutputs(this.placement, s.columns, inputs, names).map(([n]) => n);
  }
}

/** Merges passed-through inputs and block outputs following `placement` (see the class). */
function placeOutputs<T>(
  placement: 'inPlace' | 'block',
  fittedColumns: readonly string[],
  inputs: readonly [string, T][],
  outputs: readonly [string, T][],
): [string, T][] {
  const fitted = new Set(fittedColumns);
  const byName = new Map(outputs);
  const out: [string, T][] = [];
  const placed = new Set<string>();
  let blockPlaced = false;
  for (const [name, item] of inputs) {
    if (!fitted.has(name)) out.push([name, item]);
    else if (placement === 'block') {
      if (!blockPlaced) out.push(...outputs);
      blockPlaced = true;
    } else if (byName.has(name)) {
      out.push([name, byName.get(name) as T]);
      placed.add(name);
    }
  }
  if (placement === 'inPlace') for (const o of outputs) if (!placed.has(o[0])) out.push(o);
  return out;
}

import type { Frame } from '../data/frame.js';
import { Estimator, type FitOptions } from '../models/estimator.js';
import { type ParamSpecs, param } from '../models/params.js';
import { registerEstimator } from '../models/registry.js';
import { InputError } from '../util/errors.js';
import { isColumnList, type Transformer } from './transformer.js';

export interface SelectColumnsParams {
  /** The columns kept, in this order; every other column is dropped. Default `[]`. */
  columns: readonly string[];
}

export const SELECT_COLUMNS_DEFAULTS = { columns: [] } satisfies SelectColumnsParams;

const SPECS: ParamSpecs<SelectColumnsParams> = {
  columns: param.custom(
    'Columns kept, in order.',
    'a list of distinct names',
    (v) => v !== null && isColumnList(v),
  ),
};

export interface SelectColumnsState {
  readonly columns: readonly string[];
}

/**
 * Keeps the named columns and drops the rest: the first step of an automatic pipeline, so that
 * ids, targets and columns no transformer handles yet never reach the model.
 */
export class SelectColumns extends Estimator<SelectColumnsParams, SelectColumnsState> implements Transformer {
  readonly kind = 'SelectColumns';
  protected readonly specs = SPECS;

  constructor(params: Partial<SelectColumnsParams> = {}) {
    super(SELECT_COLUMNS_DEFAULTS, params);
  }

  fit(frame: Frame, _y?: Float64Array, _opts?: FitOptions): this {
    this.checkParams();
    for (const name of this.params.columns) frame.column(name);
    this.fitted = { columns: [...this.params.columns] };
    return this;
  }

  transform(frame: Frame): Frame {
    return frame.select(this.state.columns);
  }

  featureNamesOut(inputNames: readonly string[]): string[] {
    for (const name of this.state.columns)
      if (!inputNames.includes(name))
        throw new InputError('unknown_column', `${this.kind}: input names lack column '${name}'`, {
          column: name,
        });
    return [...this.state.columns];
  }
}

registerEstimator('SelectColumns', SelectColumns);

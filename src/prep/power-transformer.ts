import { type Column, type ColumnKind, Frame } from '../data/frame.js';
import { type ParamSpecs, param } from '../models/params.js';
import { registerEstimator } from '../models/registry.js';
import { InputError } from '../util/errors.js';
import { StandardScaler } from './standard-scaler.js';
import { type ColumnsParam, type ColumnsState, ColumnwiseTransformer, isColumnList } from './transformer.js';
import { yeoJohnson, yeoJohnsonLambda } from './yeo-johnson.js';

export interface PowerTransformerParams extends ColumnsParam {
  /** After the power transform, scale each column to mean 0 and unit variance. Default true. */
  standardize: boolean;
}

export const POWER_TRANSFORMER_DEFAULTS = {
  columns: null,
  standardize: true,
} satisfies PowerTransformerParams;

const SPECS: ParamSpecs<PowerTransformerParams> = {
  columns: param.custom(
    'Number columns to transform; null: all number columns.',
    'null or distinct names',
    isColumnList,
  ),
  standardize: param.boolean('Scale the transformed columns to mean 0 and unit variance.'),
};

export interface PowerTransformerState extends ColumnsState {
  /** The Yeo-Johnson lambda per column (maximum likelihood on the training values). */
  readonly lambdas: Float64Array;
  /** Subtracted after the power transform (0 unless standardize). */
  readonly center: Float64Array;
  /** Divisor after the power transform (1 unless standardize). */
  readonly scale: Float64Array;
}

/**
 * The Yeo-Johnson power transform (scikit-learn's PowerTransformer, method 'yeo-johnson'): makes
 * skewed number columns more Gaussian-like, with one lambda per column chosen by maximum
 * likelihood, for zero, negative and positive values alike. Missing values are ignored at fit and
 * stay missing. Lambdas agree with scikit-learn 1.2.1 to about 1e-8 (the Brent tolerance; see
 * power-transformer.reference.test.ts for the figure reached on the shipped datasets).
 */
export class PowerTransformer extends ColumnwiseTransformer<PowerTransformerParams, PowerTransformerState> {
  readonly kind = 'PowerTransformer';
  protected readonly specs = SPECS;

  constructor(params: Partial<PowerTransformerParams> = {}) {
    super(POWER_TRANSFORMER_DEFAULTS, params);
  }

  protected handles(): readonly ColumnKind[] {
    return ['number'];
  }

  protected learn(frame: Frame, columns: string[], kinds: ColumnKind[]): PowerTransformerState {
    const p = columns.length;
    const lambdas = new Float64Array(p);
    const transformed: [string, Column][] = [];
    columns.forEach((name, j) => {
      const values = frame.columnOf(name, 'number').values;
      const present = presentInOrder(values);
      if (present.length === 0)
        throw new InputError(
          'all_missing',
          `${this.kind}: column '${name}' has no observed values at fit, so no lambda can be learned; drop the column`,
          { column: name },
        );
      lambdas[j] = yeoJohnsonLambda(present);
      transformed.push([name, { kind: 'number', values: yeoJohnson(values, lambdas[j]) }]);
    });
    let center = new Float64Array(p);
    let scale = new Float64Array(p).fill(1);
    if (this.params.standardize && p > 0) {
      // the same scaler scikit-learn runs on the transformed training columns
      const scaler = new StandardScaler().fit(new Frame(transformed, frame.nRows)).state;
      center = Float64Array.from(scaler.center);
      scale = Float64Array.from(scaler.scale);
    }
    return { columns, kinds, lambdas, center, scale };
  }

  protected mapColumn(i: number, c: Column, s: PowerTransformerState): [string, Column][] {
    const out = yeoJohnson(c.values as Float64Array, s.lambdas[i]);
    const m = s.center[i];
    const d = s.scale[i];
    for (let r = 0; r < out.length; r++) out[r] = (out[r] - m) / d;
    return [[s.columns[i], { kind: 'number', values: out }]];
  }

  protected namesOut(i: number, s: PowerTransformerState): string[] {
    return [s.columns[i]];
  }
}

/** The non-missing values in row order (the likelihood's sums follow scikit-learn's order). */
function presentInOrder(values: Float64Array): Float64Array {
  return values.filter((v) => !Number.isNaN(v));
}

registerEstimator('PowerTransformer', PowerTransformer);

import type { Frame } from '../data/frame.js';
import { Estimator, type FitOptions } from '../models/estimator.js';
import { type ParamSpecs, param } from '../models/params.js';
import { registerEstimator } from '../models/registry.js';
import { InputError } from '../util/errors.js';
import { Rng } from '../util/random.js';
import type { ResampleResult, Resampler } from './resampler.js';
import type { Transformer } from './transformer.js';

/**
 * How many rows each class should have after resampling:
 * - `'auto'`: every class as many as the majority (oversampling) or as the minority
 *   (undersampling), imbalanced-learn's default;
 * - a number r in (0, 1], two classes only: the minority gets r times the majority's rows
 *   (imbalanced-learn's float strategy);
 * - shares by class value (`{ "0": 1, "1": 1 }`): the listed classes in these proportions, each
 *   grown (oversampling) or shrunk (undersampling) as little as possible; unlisted classes keep
 *   their rows. Keys are y's values: in a Pipeline, the class codes (positions of the sorted labels).
 */
export type SamplingStrategy = 'auto' | number | Readonly<Record<string, number>>;

export interface SamplerParams {
  /** Default `'auto'`. */
  strategy: SamplingStrategy;
  /** Seed of the random choice of rows. Default 0. */
  seed: number;
}

export const SAMPLER_DEFAULTS = { strategy: 'auto', seed: 0 } satisfies SamplerParams;

function validStrategy(v: unknown): boolean {
  if (v === 'auto') return true;
  if (typeof v === 'number') return v > 0 && v <= 1;
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const shares = Object.values(v);
  return shares.length > 0 && shares.every((s) => typeof s === 'number' && s > 0 && Number.isFinite(s));
}

const SPECS: ParamSpecs<SamplerParams> = {
  strategy: param.custom(
    'How many rows each class should have after resampling.',
    "'auto', a ratio in (0, 1] (two classes), or positive shares by class value",
    validStrategy,
  ),
  seed: param.seed(),
};

export interface SamplerState {
  /** Class values, ascending. */
  readonly classes: Float64Array;
  /** Rows per class before and after resampling (training only; for reports). */
  readonly before: Int32Array;
  readonly after: Int32Array;
}

/**
 * Base of the class rebalancers: steps that change the training rows only (see resampler.ts).
 * `fitResample` picks the rows the later steps train on; `transform` passes every row through,
 * so prediction never drops or repeats a request.
 */
export abstract class ClassSampler
  extends Estimator<SamplerParams, SamplerState>
  implements Transformer, Resampler
{
  protected readonly specs = SPECS;
  protected abstract readonly direction: 'over' | 'under';

  constructor(params: Partial<SamplerParams> = {}) {
    super(SAMPLER_DEFAULTS, params);
  }

  fit(frame: Frame, y?: Float64Array, opts?: FitOptions): this {
    this.fitResample(frame, y, opts);
    return this;
  }

  fitResample(frame: Frame, y?: Float64Array, _opts?: FitOptions): ResampleResult {
    this.checkParams();
    this.fitted = null;
    if (y === undefined || y.length !== frame.nRows)
      throw new InputError('needs_target', `${this.kind} needs the class of every training row (y)`, {
        field: 'y',
      });
    const rows = rowsByClass(this.kind, y);
    const classes = Float64Array.from([...rows.keys()].sort((a, b) => a - b));
    const before = Int32Array.from(classes, (c) => rows.get(c)!.length);
    const after = this.targets(classes, before);
    const rng = new Rng(this.params.seed);
    const kept: number[] = [];
    const extra: number[] = [];
    classes.forEach((c, k) => {
      const own = rows.get(c)!;
      if (after[k] >= own.length) {
        kept.push(...own);
        // drawn with replacement, as imbalanced-learn's RandomOverSampler does
        for (let i = own.length; i < after[k]; i++) extra.push(own[rng.int(own.length)]);
      } else {
        const pick = rng.shuffle([...own]).slice(0, after[k]);
        kept.push(...pick);
      }
    });
    kept.sort((a, b) => a - b);
    const index = Int32Array.from([...kept, ...extra]);
    this.fitted = { classes, before, after };
    const out = new Float64Array(index.length);
    for (let i = 0; i < index.length; i++) out[i] = y[index[i]];
    return { frame: frame.take(index), y: out, kept: index };
  }

  transform(frame: Frame): Frame {
    this.state;
    return frame;
  }

  featureNamesOut(inputNames: readonly string[]): string[] {
    this.state;
    return [...inputNames];
  }

  /** Rows wanted per class, from the strategy. */
  private targets(classes: Float64Array, counts: Int32Array): Int32Array {
    const s = this.params.strategy;
    const over = this.direction === 'over';
    const out = Int32Array.from(counts);
    if (s === 'auto') {
      const bound = over ? Math.max(...counts) : Math.min(...counts);
      return out.fill(bound);
    }
    if (typeof s === 'number') {
      if (classes.length !== 2)
        throw new InputError(
          'invalid_param',
          `${this.kind}: a ratio strategy needs two classes, got ${classes.length}; give shares by class instead`,
          { field: 'strategy' },
        );
      const minority = counts[0] <= counts[1] ? 0 : 1;
      const majority = 1 - minority;
      if (over) out[minority] = Math.max(counts[minority], Math.round(s * counts[majority]));
      else out[majority] = Math.min(counts[majority], Math.floor(counts[minority] / s));
      return out;
    }
    const listed = Object.entries(s).map(([key, share]) => {
      const k = classes.indexOf(Number(key));
      if (k < 0)
        throw new InputError(
          'unknown_class',
          `${this.kind}: strategy names class ${JSON.stringify(key)}, but y's classes are ${Array.from(classes).join(', ')}`,
          { field: 'strategy' },
        );
      return { k, share };
    });
    // the total that keeps every listed class at (over) or below (under) its own rows
    const ratios = listed.map(({ k, share }) => counts[k] / share);
    const total = over ? Math.max(...ratios) : Math.min(...ratios);
    for (const { k, share } of listed) {
      const want = share * total;
      out[k] = over ? Math.max(counts[k], Math.round(want)) : Math.min(counts[k], Math.floor(want + 1e-9));
    }
    return out;
  }
}

/**
 * Repeats rows of the smaller classes, drawn at random with replacement, until the classes have
 * the rows the strategy asks for (imbalanced-learn's RandomOverSampler), at training time only.
 * The original rows come first, in order, then the repeats.
 */
export class RandomOverSampler extends ClassSampler {
  readonly kind = 'RandomOverSampler';
  protected readonly direction = 'over';
}

/**
 * Keeps a random subset of the larger classes' rows (without replacement), so the classes have
 * the rows the strategy asks for (imbalanced-learn's RandomUnderSampler), at training time only.
 * Kept rows stay in their input order.
 */
export class RandomUnderSampler extends ClassSampler {
  readonly kind = 'RandomUnderSampler';
  protected readonly direction = 'under';
}

function rowsByClass(kind: string, y: Float64Array): Map<number, number[]> {
  const rows = new Map<number, number[]>();
  for (let i = 0; i < y.length; i++) {
    const v = y[i];
    if (!Number.isInteger(v))
      throw new InputError(
        'not_classes',
        `${kind}: y at row ${i} is ${v}, not a class code; rebalancing needs a classification target`,
        { row: i, field: 'y' },
      );
    let list = rows.get(v);
    if (!list) rows.set(v, (list = []));
    list.push(i);
  }
  return rows;
}

registerEstimator('RandomOverSampler', RandomOverSampler);
registerEstimator('RandomUnderSampler', RandomUnderSampler);

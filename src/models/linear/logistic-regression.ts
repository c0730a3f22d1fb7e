/**
 * L2-penalized logistic regression fitted by L-BFGS, as scikit-learn 1.2's
 * `LogisticRegression(solver='lbfgs')`: the same objective (sum of weighted half log-losses plus
 * ||w||² / (2C), intercept unpenalized), the same start (zeros), the same optimizer settings (history
 * 10, Moré-Thuente line search, stop when the gradient max-norm <= tol or the relative reduction of
 * the objective <= 2.2e-9, or after maxIter iterations) and the same multiclass handling: 'auto' is
 * multinomial (softmax) for more than two classes and one-vs-rest binary fits otherwise.
 *
 *   const model = new LogisticRegression({ C: 0.5 }).fit(X, y, { onEvent: console.log });
 *   const proba = model.predictProba(Xnew); // rows × classes
 *
 * The objective is summed over fixed row blocks (../row-parallel.ts), on the calling thread or, given
 * `FitOptions.parallel`, on worker threads: the fitted model is the same bit for bit either way.
 */
import { type Matrix, matrix } from '../../data/matrix.js';
import { type LbfgsResult, minimizeLbfgs, type Objective } from '../../train/lbfgs.js';
import { InputError } from '../../util/errors.js';
import { noEvent, type OnEvent } from '../../util/events.js';
import {
  type Classifier,
  checkFitInput,
  checkPredictInput,
  Estimator,
  type FitOptions,
  type SupervisedState,
} from '../estimator.js';
import { type ParamSpecs, param } from '../params.js';
import { registerEstimator } from '../registry.js';
import { type BoundRowObjective, type RowSession, serialRowParallel } from '../row-parallel.js';
import { type ClassWeight, classWeights, encodeLabels } from './class-weight.js';
import { binaryLogisticKernel, multinomialLogisticKernel } from './logistic-kernels.js';
import { addL2Penalty } from './logistic-loss.js';
import { decisionScores, labelsFromScores, probabilities } from './logistic-predict.js';
import { checkSampleWeight } from './sample-weight.js';

export interface LogisticRegressionParams {
  /** Inverse of the L2 penalty strength: smaller C, stronger shrinkage. Default `1`. */
  C: number;
  /** Fit an unpenalized intercept per class. Default `true`. */
  fitIntercept: boolean;
  /** Most L-BFGS iterations (per one-vs-rest fit); reaching it emits a 'warning' event. Default `100`. */
  maxIter: number;
  /** Stop when the largest gradient component is <= tol (scipy's gtol). Default `1e-4`. */
  tol: number;
  /**
   * Per-class weights multiplying the sample weights: null (all 1), 'balanced' (n / (k * count of
   * the class)), or `{ label: weight }` with labels written as numbers (`{ "0": 1, "1": 5 }`).
   * Default `null`.
   */
  classWeight: ClassWeight;
  /**
   * 'multinomial' (one softmax model), 'ovr' (one binary model per class), or 'auto': multinomial
   * for more than two classes, binary otherwise. Default `'auto'`.
   */
  multiClass: 'auto' | 'multinomial' | 'ovr';
}

export const LOGISTIC_REGRESSION_DEFAULTS = {
  C: 1,
  fitIntercept: true,
  maxIter: 100,
  tol: 1e-4,
  classWeight: null,
  multiClass: 'auto',
} satisfies LogisticRegressionParams;

function isClassWeight(v: unknown): boolean {
  if (v === null || v === 'balanced') return true;
  if (typeof v !== 'object' || Array.isArray(v) || ArrayBuffer.isView(v)) return false;
  return Object.entries(v as object).every(
    ([k, w]) =>
      k.trim() !== '' && Number.isFinite(Number(k)) && typeof w === 'number' && w >= 0 && Number.isFinite(w),
  );
}

const SPECS: ParamSpecs<LogisticRegressionParams> = {
  C: param.number('Inverse of the L2 penalty strength; smaller values shrink coefficients more.', {
    above: 0,
  }),
  fitIntercept: param.boolean('Fit an unpenalized intercept per class.'),
  maxIter: param.integer('Most L-BFGS iterations per fit.', { min: 1 }),
  tol: param.number('Stop when the largest gradient component is at most this.', { min: 0 }),
  classWeight: param.custom<ClassWeight>(
    "Per-class weights: null, 'balanced', or { label: weight }.",
    "null, 'balanced', or an object mapping numeric labels to weights >= 0",
    isClassWeight,
  ),
  multiClass: param.oneOf('How more than two classes are modelled.', ['auto', 'multinomial', 'ovr'] as const),
};

export interface LogisticRegressionState extends SupervisedState {
  /** Sorted distinct labels; predictProba's columns follow this order. */
  readonly classes: Float64Array;
  /** The multiclass scheme used ('auto' resolved). */
  readonly multiClass: 'multinomial' | 'ovr';
  /** Number of coefficient rows: 1 for two classes (class 1 against class 0), else one per class. */
  readonly coefRows: number;
  /** coefRows × nFeatures, row-major. */
  readonly coef: Float64Array;
  /** One per coefficient row (zeros without fitIntercept). */
  readonly intercept: Float64Array;
  /** L-BFGS iterations of each fit (one, or one per class for one-vs-rest). */
  readonly nIter: Int32Array;
  /** Whether every fit met its stopping tolerance before maxIter. */
  readonly converged: boolean;
}

export class LogisticRegression
  extends Estimator<LogisticRegressionParams, LogisticRegressionState>
  implements Classifier
{
  readonly kind = 'LogisticRegression';
  protected readonly specs = SPECS;

  constructor(params: Partial<LogisticRegressionParams> = {}) {
    super(LOGISTIC_REGRESSION_DEFAULTS, params);
  }

  get classes(): Float64Array {
    return this.state.classes;
  }

  fit(X: Matrix, y: Float64Array, opts: FitOptions = {}): this {
    this.checkParams();
    checkFitInput(this.kind, X, y);
    const sw = checkSampleWeight(this.kind, opts.sampleWeight, X.rows);
    const { classes, yIndex } = encodeLabels(y);
    const k = classes.length;
    if (k < 2)
      throw new InputError(
        'one_class',
        `${this.kind}: y has only one class (${classes[0]}); need at least two`,
        {
          field: 'y',
        },
      );
    const { multiClass: mc, classWeight, fitIntercept } = this.params;
    const multiClass = mc === 'auto' ? (k > 2 ? 'multinomial' : 'ovr') : mc;
    const session = (opts.parallel ?? serialRowParallel).open();
    try {
      const problem: Problem = {
        // shared once here, though one-vs-rest binds one objective per class over it
        x: session.share(X.data),
        n: X.rows,
        p: X.cols,
        fitIntercept,
        l2: 1 / this.params.C,
        onEvent: opts.onEvent ?? noEvent,
        session,
      };
      const fit =
        multiClass === 'multinomial'
          ? this.#fitMultinomial(problem, classes, yIndex, sw, classWeight)
          : this.#fitOvr(problem, classes, yIndex, sw, classWeight);
      this.fitted = { nFeatures: X.cols, classes, multiClass, ...fit };
    } finally {
      session.close();
    }
    return this;
  }

  /** One softmax model over all classes; for two classes only class 1's row is kept, as sklearn does. */
  #fitMultinomial(
    pr: Problem,
    classes: Float64Array,
    yIndex: Int32Array,
    sw: Float64Array | null,
    classWeight: ClassWeight,
  ): Fitted {
    const { x, n, p, fitIntercept } = pr;
    const k = classes.length;
    const w = rowWeights(sw, classWeights(this.kind, classWeight, classes, yIndex), yIndex);
    const dim = k * p + (fitIntercept ? k : 0);
    const data = { x, p, k, y: yIndex, w, fitIntercept };
    const bound = pr.session.bind(multinomialLogisticKernel, data, n, dim);
    const r = this.#minimize(pr, bound, k * p, dim, -1);
    const intercept = fitIntercept ? r.x.slice(k * p) : new Float64Array(k);
    if (k === 2) {
      // the two rows are opposite (the penalty is symmetric); keep class 1's, the decision is 2x it
      return finish(r.x.slice(p, 2 * p), intercept.slice(1), 1, [r]);
    }
    return finish(r.x.slice(0, k * p), intercept, k, [r]);
  }

  /** Binary fits, class c against the rest (only class 1 against class 0 for two classes). */
  #fitOvr(
    pr: Problem,
    classes: Float64Array,
    yIndex: Int32Array,
    sw: Float64Array | null,
    classWeight: ClassWeight,
  ): Fitted {
    const { x, n, p, fitIntercept } = pr;
    const k = classes.length;
    const rows = k === 2 ? 1 : k;
    // A record of class weights applies to the original labels; 'balanced' to each binary split.
    const base =
      classWeight !== null && classWeight !== 'balanced'
        ? rowWeights(sw, classWeights(this.kind, classWeight, classes, yIndex), yIndex)
        : sw;
    const coef = new Float64Array(rows * p);
    const intercept = new Float64Array(rows);
    const results: LbfgsResult[] = [];
    const y01 = new Float64Array(n);
    for (let row = 0; row < rows; row++) {
      const pos = k === 2 ? 1 : row;
      let positives = 0;
      for (let i = 0; i < n; i++) positives += y01[i] = yIndex[i] === pos ? 1 : 0;
      let w = base;
      if (classWeight === 'balanced') {
        const wNeg = n / (2 * (n - positives));
        const wPos = n / (2 * positives);
        w = Float64Array.from({ length: n }, (_, i) => (base ? base[i] : 1) * (y01[i] === 1 ? wPos : wNeg));
      }
      const dim = p + (fitIntercept ? 1 : 0);
      const bound = pr.session.bind(binaryLogisticKernel, { x, p, y: y01, w, fitIntercept }, n, dim);
      const r = this.#minimize(pr, bound, p, dim, rows > 1 ? row : -1);
      coef.set(r.x.subarray(0, p), row * p);
      if (fitIntercept) intercept[row] = r.x[p];
      results.push(r);
    }
    return finish(coef, intercept, rows, results);
  }

  /**
   * Minimizes the bound row sum plus the L2 penalty on its first `penalized` entries, then releases
   * the binding.
   */
  #minimize(
    pr: Problem,
    bound: BoundRowObjective,
    penalized: number,
    dim: number,
    classIndex: number,
  ): LbfgsResult {
    try {
      const objective: Objective = (coef, grad) => {
        const f = bound.evaluate(coef, grad);
        return f + addL2Penalty(coef, grad, penalized, pr.l2);
      };
      return this.#lbfgs(pr, objective, dim, classIndex);
    } finally {
      bound.release();
    }
  }

  #lbfgs(pr: Problem, objective: Objective, dim: number, classIndex: number): LbfgsResult {
    const { maxIter, tol } = this.params;
    const emit = pr.onEvent;
    // one-vs-rest fits say which class they are about
    const extra: Record<string, number> = classIndex >= 0 ? { classIndex } : {};
    emit({ type: 'start', phase: 'lbfgs', total: maxIter });
    const r = minimizeLbfgs(objective, new Float64Array(dim), {
      gtol: tol,
      maxIter,
      onIteration: (it) => {
        emit({
          type: 'step',
          phase: 'lbfgs',
          step: it.iteration,
          total: maxIter,
          metrics: { loss: it.f, gradMaxNorm: it.gradMaxNorm, ...extra },
        });
        return undefined;
      },
    });
    emit({ type: 'end', phase: 'lbfgs', metrics: { iterations: r.iterations, loss: r.f, ...extra } });
    if (!r.converged) {
      const which = classIndex >= 0 ? ` (class index ${classIndex} against the rest)` : '';
      emit({
        type: 'warning',
        message:
          `${this.kind}: lbfgs did not converge${which}: ${r.message}; gradient max-norm ` +
          `${r.gradMaxNorm.toExponential(2)} > tol ${tol}. Increase maxIter or scale the features.`,
      });
    }
    return r;
  }

  /** Raw scores, rows × coefRows (one column for two classes: positive favours classes[1]). */
  decisionFunction(X: Matrix): Matrix {
    const s = this.state;
    checkPredictInput(this.kind, X, s.nFeatures);
    return matrix(
      X.rows,
      s.coefRows,
      decisionScores(X.data, X.rows, X.cols, s.coef, s.intercept, s.coefRows),
    );
  }

  /** rows × classes, row-major, each row summing to 1. */
  predictProba(X: Matrix): Matrix {
    const s = this.state;
    const z = this.decisionFunction(X).data;
    return matrix(
      X.rows,
      s.classes.length,
      probabilities(z, X.rows, s.classes.length, s.coefRows, s.multiClass),
    );
  }

  /** The label of the largest score per row. */
  predict(X: Matrix, out: Float64Array = new Float64Array(X.rows)): Float64Array {
    if (out.length !== X.rows) throw new RangeError(`out has ${out.length} values, X has ${X.rows} rows`);
    const s = this.state;
    return labelsFromScores(this.decisionFunction(X).data, X.rows, s.coefRows, s.classes, out);
  }
}

registerEstimator('LogisticRegression', LogisticRegression);

interface Problem {
  readonly x: Float64Array;
  readonly n: number;
  readonly p: number;
  readonly fitIntercept: boolean;
  readonly l2: number;
  readonly onEvent: OnEvent;
  readonly session: RowSession;
}

type Fitted = Pick<LogisticRegressionState, 'coef' | 'intercept' | 'coefRows' | 'nIter' | 'converged'>;

function finish(
  coef: Float64Array,
  intercept: Float64Array,
  coefRows: number,
  results: LbfgsResult[],
): Fitted {
  return {
    coef,
    intercept,
    coefRows,
    nIter: Int32Array.from(results, (r) => r.iterations),
    converged: results.every((r) => r.converged),
  };
}

/** Per-row weight = sample weight × class weight, or null when every row weighs 1. */
function rowWeights(sw: Float64Array | null, cw: Float64Array, yIndex: Int32Array): Float64Array | null {
  if (sw === null && cw.every((v) => v === 1)) return null;
  const w = new Float64Array(yIndex.length);
  for (let i = 0; i < w.length; i++) w[i] = (sw ? sw[i] : 1) * cw[yIndex[i]];
  return w;
}

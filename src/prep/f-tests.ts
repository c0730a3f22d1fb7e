/**
 * Univariate F-tests between each feature and the target, as scikit-learn 1.2 computes them
 * (`f_classif`, `f_regression`): the same formulas in the same order of operations, so scores and
 * p-values agree to rounding. Features and target must hold no missing values. Browser-safe.
 */
import { fSurvival } from './special-functions.js';

export interface FeatureScores {
  /** Per feature, the statistic (higher: more related to the target). */
  readonly scores: Float64Array;
  /** Per feature, its p-value; null for scores that have none (mutual information). */
  readonly pValues: Float64Array | null;
}

/**
 * One-way ANOVA F per feature across the classes of `y` (scikit-learn's `f_classif`). A feature
 * constant within every class gets F = Infinity (p 0) when the class means differ, NaN (p NaN) when
 * it is constant overall, like scikit-learn.
 */
export function fClassif(features: readonly Float64Array[], y: Float64Array): FeatureScores {
  const n = y.length;
  const classes = [...new Set(y)].sort((a, b) => a - b);
  const classOf = new Int32Array(n);
  const index = new Map(classes.map((c, k) => [c, k]));
  for (let i = 0; i < n; i++) classOf[i] = index.get(y[i]) as number;
  const counts = new Float64Array(classes.length);
  for (let i = 0; i < n; i++) counts[classOf[i]]++;
  const dfBetween = classes.length - 1;
  const dfWithin = n - classes.length;
  const scores = new Float64Array(features.length);
  const pValues = new Float64Array(features.length);
  const sums = new Float64Array(classes.length);
  const squares = new Float64Array(classes.length);
  features.forEach((x, j) => {
    sums.fill(0);
    squares.fill(0);
    for (let i = 0; i < n; i++) {
      sums[classOf[i]] += x[i];
      squares[classOf[i]] += x[i] * x[i];
    }
    // scikit-learn adds per-class totals in class order, starting from 0
    let ssAll = 0;
    let sumAll = 0;
    for (let k = 0; k < classes.length; k++) {
      ssAll += squares[k];
      sumAll += sums[k];
    }
    const squareOfSumAll = sumAll ** 2;
    const ssTotal = ssAll - squareOfSumAll / n;
    let ssBetween = 0;
    for (let k = 0; k < classes.length; k++) ssBetween += sums[k] ** 2 / counts[k];
    ssBetween -= squareOfSumAll / n;
    const ssWithin = ssTotal - ssBetween;
    const f = ssBetween / dfBetween / (ssWithin / dfWithin);
    scores[j] = f;
    pValues[j] = fSurvival(f, dfBetween, dfWithin);
  });
  return { scores, pValues };
}

/**
 * The F statistic of a univariate linear regression of `y` on each feature (scikit-learn's
 * `f_regression` with center=true, force_finite=true): from the correlation r,
 * F = r² / (1 - r²) (n - 2). A constant feature or target gives F = 0 and p = 1; a perfect
 * correlation gives the largest double and p = 0.
 */
export function fRegression(features: readonly Float64Array[], y: Float64Array): FeatureScores {
  const n = y.length;
  let ySum = 0;
  for (let i = 0; i < n; i++) ySum += y[i];
  const yMean = ySum / n;
  const yc = new Float64Array(n);
  let yNorm2 = 0;
  for (let i = 0; i < n; i++) {
    yc[i] = y[i] - yMean;
    yNorm2 += yc[i] * yc[i];
  }
  const yNorm = Math.sqrt(yNorm2);
  const dof = n - 2;
  const scores = new Float64Array(features.length);
  const pValues = new Float64Array(features.length);
  features.forEach((x, j) => {
    let sum = 0;
    let squares = 0;
    let dot = 0;
    for (let i = 0; i < n; i++) {
      sum += x[i];
      squares += x[i] * x[i];
      dot += yc[i] * x[i];
    }
    const mean = sum / n;
    // scikit-learn's moment form of the centred norm: sqrt(sum x² - n mean²)
    const xNorm = Math.sqrt(squares - n * mean ** 2);
    let r = dot / xNorm / yNorm;
    if (Number.isNaN(r)) r = 0;
    const r2 = r * r;
    let f = (r2 / (1 - r2)) * dof;
    let p = fSurvival(f, 1, dof);
    if (f === Number.POSITIVE_INFINITY) {
      f = Number.MAX_VALUE;
      p = 0;
    } else if (Number.isNaN(f)) {
      f = 0;
      p = 1;
    }
    scores[j] = f;
    pValues[j] = p;
  });
  return { scores, pValues };
}

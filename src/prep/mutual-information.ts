/**
 * Mutual information between each feature and a target, estimated as scikit-learn 1.2 does
 * (`mutual_info_classif`, `mutual_info_regression`): Kraskov's k-nearest-neighbour estimator for
 * two continuous variables, Ross's for a continuous and a discrete one, and the plug-in estimate
 * for two discrete ones, in nats, negative estimates clipped to 0. Continuous values are scaled to
 * unit variance and get a tiny seeded noise (1e-10 of their mean magnitude) that breaks ties, as in
 * scikit-learn; the noise cannot be scikit-learn's own across languages, so estimates agree with
 * it to the spread that its own random_state gives (see select-k-best.reference.test.ts).
 * Browser-safe.
 */
import { InputError } from '../util/errors.js';
import { Rng } from '../util/random.js';
import { continuousDiscreteMI, continuousMI, discreteMI } from './mutual-information-estimators.js';

export interface MutualInformationOptions {
  /** The target holds class labels (classification), not a continuous quantity. Default false. */
  discreteTarget?: boolean;
  /** Which features are discrete: one flag for all, or one per feature. Default false. */
  discreteFeatures?: boolean | readonly boolean[];
  /** Neighbours in the k-nearest-neighbour estimators. Default 3. */
  nNeighbors?: number;
  /** Seed of the tie-breaking noise; the same seed gives the same estimates. Default 0. */
  seed?: number;
}

/** The estimated mutual information (nats, >= 0) between each feature and `y`. */
export function mutualInformation(
  features: readonly Float64Array[],
  y: Float64Array,
  opts: MutualInformationOptions = {},
): Float64Array {
  const { discreteTarget = false, discreteFeatures = false, nNeighbors = 3, seed = 0 } = opts;
  const n = y.length;
  if (!(Number.isInteger(nNeighbors) && nNeighbors >= 1))
    throw new InputError(
      'invalid_option',
      `mutualInformation: nNeighbors must be an integer >= 1, got ${nNeighbors}`,
      {
        field: 'nNeighbors',
      },
    );
  if (Array.isArray(discreteFeatures) && discreteFeatures.length !== features.length)
    throw new InputError(
      'length_mismatch',
      `mutualInformation: discreteFeatures has ${discreteFeatures.length} flags for ${features.length} features`,
      { field: 'discreteFeatures' },
    );
  checkFinite(y, 'target');
  features.forEach((x, j) => {
    if (x.length !== n)
      throw new InputError(
        'length_mismatch',
        `mutualInformation: feature ${j} has ${x.length} values, y has ${n}`,
      );
    checkFinite(x, `feature ${j}`);
  });
  const isDiscrete = (j: number) =>
    typeof discreteFeatures === 'boolean' ? discreteFeatures : (discreteFeatures as readonly boolean[])[j];
  const rng = new Rng(seed);
  // scikit-learn draws the features' noise first, then the target's
  const prepared = features.map((x, j) => (isDiscrete(j) ? x : withNoise(x, rng)));
  const target = discreteTarget ? y : withNoise(y, rng);
  return Float64Array.from(prepared, (x, j) => {
    if (isDiscrete(j) && discreteTarget) return discreteMI(x, target);
    if (isDiscrete(j)) return continuousDiscreteMI(target, x, nNeighbors);
    if (discreteTarget) return continuousDiscreteMI(x, target, nNeighbors);
    return continuousMI(x, target, nNeighbors);
  });
}

function checkFinite(v: Float64Array, what: string): void {
  for (let i = 0; i < v.length; i++)
    if (!Number.isFinite(v[i]))
      throw new InputError(
        'not_finite',
        `mutualInformation: ${what} is missing or not finite at row ${i}; impute it first`,
        { row: i },
      );
}

/** x / std(x) (1 for a constant x) plus 1e-10 max(1, mean |scaled|) standard normal noise. */
function withNoise(x: Float64Array, rng: Rng): Float64Array {
  const n = x.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += x[i];
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (x[i] - mean) ** 2;
  const sd = Math.sqrt(ss / n);
  const scale = sd < 10 * Number.EPSILON ? 1 : sd;
  const out = new Float64Array(n);
  let abs = 0;
  for (let i = 0; i < n; i++) {
    out[i] = x[i] / scale;
    abs += Math.abs(out[i]);
  }
  const amplitude = 1e-10 * Math.max(1, abs / n);
  for (let i = 0; i < n; i++) out[i] += amplitude * rng.normal();
  return out;
}

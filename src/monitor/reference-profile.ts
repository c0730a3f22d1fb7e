import type { Column, Frame } from '../data/frame.js';
import { Rng } from '../util/random.js';

/**
 * The training data's profile, saved with every model so drift can be measured later without the
 * training data: per feature a quantile histogram (numbers), frequencies (categories), and a small
 * seeded sample of raw values for exact two-sample tests; plus the distribution of predictions.
 */
export interface NumberProfile {
  readonly kind: 'number' | 'datetime';
  readonly count: number;
  readonly missing: number;
  readonly mean: number;
  readonly std: number;
  readonly min: number;
  readonly max: number;
  /** Values at QUANTILE_LEVELS. */
  readonly quantiles: Float64Array;
  /** Bin edges (deciles, deduplicated) and the training count in each of the edges.length - 1 bins. */
  readonly edges: Float64Array;
  readonly counts: Float64Array;
  /** Up to SAMPLE_SIZE non-missing values, sorted. */
  readonly sample: Float64Array;
}

export interface CategoryProfile {
  readonly kind: 'category' | 'boolean' | 'text';
  readonly count: number;
  readonly missing: number;
  /** Label → count, for the most frequent MAX_LABELS labels; the rest summed under `other`. */
  readonly frequencies: Readonly<Record<string, number>>;
  readonly other: number;
  readonly distinct: number;
}

export type FeatureProfile = NumberProfile | CategoryProfile;

export interface ReferenceProfile {
  readonly rows: number;
  readonly features: Readonly<Record<string, FeatureProfile>>;
  /** The model's predictions on the reference rows (labels for classifiers, values for regressors). */
  readonly prediction?: FeatureProfile;
}

export const QUANTILE_LEVELS = [0, 0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 1];
export const SAMPLE_SIZE = 5000;
const MAX_LABELS = 100;

export function buildReferenceProfile(
  frame: Frame,
  opts: { predictions?: Column; seed?: number } = {},
): ReferenceProfile {
  const features: Record<string, FeatureProfile> = {};
  for (const [name, c] of frame.columns()) features[name] = profileColumn(c, opts.seed ?? 0);
  return {
    rows: frame.nRows,
    features,
    ...(opts.predictions ? { prediction: profileColumn(opts.predictions, opts.seed ?? 0) } : {}),
  };
}

export function profileColumn(c: Column, seed = 0): FeatureProfile {
  if (c.kind === 'number' || c.kind === 'datetime') return profileNumbers(c.kind, c.values, seed);
  const counts = new Map<string, number>();
  let missing = 0;
  const add = (label: string | null) => {
    if (label === null) missing++;
    else counts.set(label, (counts.get(label) ?? 0) + 1);
  };
  if (c.kind === 'category') {
    const byCode = new Float64Array(c.categories.length);
    for (const code of c.values)
      if (code < 0) missing++;
      else byCode[code]++;
    c.categories.forEach((label, i) => {
      if (byCode[i] > 0) counts.set(label, byCode[i]);
    });
  } else if (c.kind === 'boolean') for (const v of c.values) add(v < 0 ? null : v === 1 ? 'true' : 'false');
  else for (const v of c.values) add(v);
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const kept = sorted.slice(0, MAX_LABELS);
  const other = sorted.slice(MAX_LABELS).reduce((s, [, n]) => s + n, 0);
  return {
    kind: c.kind,
    count: c.values.length,
    missing,
    frequencies: Object.fromEntries(kept),
    other,
    distinct: counts.size,
  };
}

function profileNumbers(kind: 'number' | 'datetime', values: Float64Array, seed: number): NumberProfile {
  const present = values.filter((v) => !Number.isNaN(v)).sort();
  const n = present.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += (present[i] - mean) / (i + 1);
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (present[i] - mean) ** 2;
  const quantiles = Float64Array.from(QUANTILE_LEVELS, (q) => quantileSorted(present, q));
  const edges = Float64Array.from(
    new Set(Array.from({ length: 11 }, (_, i) => quantileSorted(present, i / 10))),
  );
  const counts = new Float64Array(Math.max(0, edges.length - 1));
  for (let i = 0; i < n; i++) {
    const b = binOf(edges, present[i]);
    if (b >= 0) counts[b]++;
  }
  let sample = present;
  if (n > SAMPLE_SIZE) {
    const rng = new Rng(seed);
    sample = new Float64Array(SAMPLE_SIZE);
    // reservoir sample, then sort
    for (let i = 0; i < n; i++) {
      if (i < SAMPLE_SIZE) sample[i] = present[i];
      else {
        const j = rng.int(i + 1);
        if (j < SAMPLE_SIZE) sample[j] = present[i];
      }
    }
    sample.sort();
  }
  return {
    kind,
    count: values.length,
    missing: values.length - n,
    mean: n ? mean : Number.NaN,
    std: n ? Math.sqrt(ss / n) : Number.NaN,
    min: n ? present[0] : Number.NaN,
    max: n ? present[n - 1] : Number.NaN,
    quantiles,
    edges,
    counts,
    sample,
  };
}

/** Linear interpolation between order statistics (numpy's default). */
export function quantileSorted(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const pos = q * (n - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** Index of the bin holding v (edges inclusive at both ends; values outside go to the end bins). */
export function binOf(edges: Float64Array, v: number): number {
  const nb = edges.length - 1;
  if (nb < 1 || Number.isNaN(v)) return -1;
  let lo = 0;
  let hi = nb;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (v >= edges[mid]) lo = mid;
    else hi = mid;
  }
  return lo;
}

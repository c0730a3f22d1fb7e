import { InputError } from '../util/errors.js';

/**
 * The drift methods and the rules that choose among them (Evidently's defaults, adapted; see
 * README.md). A test method decides by p-value (drift when p < threshold); a distance method by
 * distance (drift when distance >= threshold).
 */
export type DriftMethod = 'ks' | 'chisquare' | 'wasserstein' | 'jensenshannon' | 'psi';

/** How a column is compared: as numbers (number, datetime) or as labels (category, boolean, text). */
export type DriftKind = 'number' | 'category';

export interface DriftMethodInfo {
  readonly name: string;
  /** 'p_value': drift when the score is below the threshold; 'distance': at or above it. */
  readonly score: 'p_value' | 'distance';
  readonly kinds: readonly DriftKind[];
  readonly threshold: number;
  readonly doc: string;
}

export const DRIFT_METHODS: Readonly<Record<DriftMethod, DriftMethodInfo>> = {
  ks: {
    name: 'Kolmogorov-Smirnov',
    score: 'p_value',
    kinds: ['number'],
    threshold: 0.05,
    doc: 'two-sample test on the raw values (the reference sample of up to 5,000 values)',
  },
  chisquare: {
    name: 'chi-square',
    score: 'p_value',
    kinds: ['category', 'number'],
    threshold: 0.05,
    doc: '2 x k contingency test on label counts (numbers: the reference decile bins)',
  },
  wasserstein: {
    name: 'Wasserstein (normed)',
    score: 'distance',
    kinds: ['number'],
    threshold: 0.1,
    doc: 'earth mover’s distance in reference standard deviations',
  },
  jensenshannon: {
    name: 'Jensen-Shannon',
    score: 'distance',
    kinds: ['category', 'number'],
    threshold: 0.1,
    doc: 'Jensen-Shannon distance (natural log) of the label shares (numbers: the decile bins)',
  },
  psi: {
    name: 'PSI',
    score: 'distance',
    kinds: ['category', 'number'],
    threshold: 0.1,
    doc: 'population stability index over the reference bins (deciles or labels)',
  },
};

export const DRIFT_METHOD_NAMES = Object.keys(DRIFT_METHODS) as DriftMethod[];

/**
 * Samples this small or smaller (either side) get a statistical test; larger ones a distance,
 * since with thousands of rows a test flags differences too small to matter (Evidently's 1000).
 */
export const SMALL_SAMPLE = 1000;

/** Default share of drifted features at which the dataset counts as drifted (Evidently's 0.5). */
export const DEFAULT_DRIFT_SHARE = 0.5;

/** What 'auto' weighs: the two sample sizes, and for labels the number of bins and the distance's threshold. */
export interface SampleFacts {
  readonly referenceRows: number;
  readonly currentRows: number;
  /** Largest sample (either side) that still gets a test. Default SMALL_SAMPLE. */
  readonly smallSample?: number;
  /** Label bins compared (labels only). */
  readonly bins?: number;
  /** The Jensen-Shannon threshold in force (labels only). Default 0.1. */
  readonly distanceThreshold?: number;
}

/**
 * 'auto' picks by kind and sample size: KS / chi-square when either sample has at most
 * `smallSample` rows, normed Wasserstein / Jensen-Shannon above. Labels keep chi-square until the
 * samples are also large for their number of bins: two samples of one distribution are, by
 * sampling noise alone, about sqrt((bins - 1) / (8 n)) apart in Jensen-Shannon distance (n =
 * n1 n2 / (n1 + n2)), so with 100 airports and a thousand rows the distance alone would cross
 * 0.1. The distance is used once that noise is below threshold / sqrt(2), i.e. n >= (bins - 1) /
 * (4 threshold^2) — 2,475 for 100 labels at 0.1.
 */
export function chooseMethod(
  requested: DriftMethod | 'auto',
  kind: DriftKind,
  facts: SampleFacts,
  column?: string,
): DriftMethod {
  if (requested !== 'auto') {
    const info = DRIFT_METHODS[requested];
    if (!info)
      throw new InputError(
        'unknown_method',
        `unknown drift method '${String(requested)}' (one of auto, ${DRIFT_METHOD_NAMES.join(', ')})`,
        { field: 'method', ...(column ? { column } : {}) },
      );
    if (!info.kinds.includes(kind))
      throw new InputError(
        'method_not_applicable',
        `drift method '${requested}' does not apply to ${kind === 'number' ? 'numeric' : 'categorical'} column${column ? ` '${column}'` : ''}; use one of ${DRIFT_METHOD_NAMES.filter((m) => DRIFT_METHODS[m].kinds.includes(kind)).join(', ')}`,
        { field: 'method', ...(column ? { column } : {}) },
      );
    return requested;
  }
  const { referenceRows: n1, currentRows: n2 } = facts;
  const small = Math.min(n1, n2) <= (facts.smallSample ?? SMALL_SAMPLE);
  if (kind === 'number') return small ? 'ks' : 'wasserstein';
  if (small) return 'chisquare';
  const t = facts.distanceThreshold ?? DRIFT_METHODS.jensenshannon.threshold;
  const effective = (n1 * n2) / (n1 + n2);
  return t > 0 && effective < ((facts.bins ?? 2) - 1) / (4 * t * t) ? 'chisquare' : 'jensenshannon';
}

/** Whether a score crosses its threshold, by the method's direction. */
export function crosses(method: DriftMethod, score: number, threshold: number): boolean {
  return DRIFT_METHODS[method].score === 'p_value' ? score < threshold : score >= threshold;
}

export function checkThresholds(thresholds: Partial<Record<string, number>> = {}): void {
  for (const [m, t] of Object.entries(thresholds)) {
    if (!(m in DRIFT_METHODS))
      throw new InputError('unknown_method', `threshold for unknown drift method '${m}'`, {
        field: `thresholds.${m}`,
      });
    if (typeof t !== 'number' || !Number.isFinite(t) || t < 0)
      throw new InputError('bad_threshold', `thresholds.${m} must be a number >= 0, got ${String(t)}`, {
        field: `thresholds.${m}`,
      });
  }
}

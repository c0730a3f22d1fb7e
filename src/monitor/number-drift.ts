import type { Column } from '../data/frame.js';
import type { ColumnDriftConfig } from './column-drift.js';
import { presentNumbers } from './column-values.js';
import { binCounts } from './drift/bins.js';
import { chi2Contingency } from './drift/chi2-contingency.js';
import { jensenShannonDistance } from './drift/jensen-shannon.js';
import { ks2samp } from './drift/ks-2samp.js';
import { psi } from './drift/psi.js';
import { normalizedWasserstein } from './drift/wasserstein.js';
import { chooseMethod, crosses } from './drift-methods.js';
import type { NumberProfile } from './reference-profile.js';
import { type ColumnDistribution, type ColumnDriftResult, finite } from './snapshot.js';

/**
 * Drift of a numeric column: KS against the reference's sorted sample (up to 5,000 values, so the
 * p-value is that of the sample), the Wasserstein distance normed by the full reference's
 * standard deviation, or chi-square / Jensen-Shannon / PSI over the reference decile bins (values
 * outside the reference range count in the end bins).
 */
export function numberDrift(
  profile: NumberProfile,
  current: Column,
  cfg: ColumnDriftConfig,
): ColumnDriftResult {
  const { values, missing } = presentNumbers(current);
  const nRef = profile.count - profile.missing;
  const nCur = values.length;
  const method = chooseMethod(
    cfg.method,
    'number',
    { referenceRows: nRef, currentRows: nCur, smallSample: cfg.smallSample },
    cfg.column,
  );
  const threshold = cfg.thresholds[method];
  const edges = profile.edges;
  const hasBins = edges.length >= 2;
  const curCounts = hasBins ? binCounts(edges, values) : new Float64Array(0);
  const base = {
    metric: cfg.metric,
    column: cfg.column,
    kind: current.kind,
    method,
    threshold,
    rows: { reference: nRef, current: nCur },
    missing: {
      reference: profile.count ? profile.missing / profile.count : 0,
      current: current.values.length ? missing / current.values.length : 0,
    },
    distribution: distribution(profile, values, curCounts),
  };
  if (nRef === 0 || nCur === 0)
    return {
      ...base,
      statistic: null,
      pValue: null,
      distance: null,
      score: null,
      drifted: nRef > 0,
      psi: null,
      note: nRef === 0 ? 'no reference values: not compared' : 'every current value is missing',
    };
  const psiValue = hasBins ? psi(profile.counts, curCounts) : null;
  let statistic: number | null = null;
  let pValue: number | null = null;
  let distance: number | null = null;
  switch (method) {
    case 'ks': {
      const r = ks2samp(profile.sample, values);
      statistic = r.statistic;
      pValue = r.pValue;
      break;
    }
    case 'wasserstein':
      distance = normalizedWasserstein(profile.sample, values, profile.std);
      break;
    case 'psi':
      distance = psiValue;
      break;
    case 'chisquare': {
      if (!hasBins) {
        pValue = 1;
        statistic = 0;
        break;
      }
      const r = binTest(profile.counts, curCounts);
      statistic = r.statistic;
      pValue = r.pValue;
      break;
    }
    case 'jensenshannon':
      distance = hasBins ? jensenShannonDistance(profile.counts, curCounts) : 0;
      break;
  }
  if (distance !== null) statistic = distance;
  const score = finite(pValue ?? distance);
  return {
    ...base,
    statistic: finite(statistic),
    pValue: finite(pValue),
    distance: finite(distance),
    score,
    drifted: score !== null && crosses(method, score, threshold),
    psi: finite(psiValue),
    ...(hasBins ? {} : { note: 'the reference is constant: no bins' }),
  };
}

/** Chi-square on reference against current counts, bins empty on both sides left out. */
export function binTest(
  reference: ArrayLike<number>,
  current: ArrayLike<number>,
): { statistic: number; pValue: number } {
  const keep: number[] = [];
  for (let i = 0; i < reference.length; i++) if (reference[i] + current[i] > 0) keep.push(i);
  if (keep.length < 2) return { statistic: 0, pValue: 1 };
  const table = new Float64Array(2 * keep.length);
  keep.forEach((b, j) => {
    table[j] = reference[b];
    table[keep.length + j] = current[b];
  });
  const r = chi2Contingency(table, 2, keep.length);
  return { statistic: r.statistic, pValue: r.pValue };
}

function distribution(
  profile: NumberProfile,
  values: Float64Array,
  curCounts: Float64Array,
): ColumnDistribution {
  const nRef = profile.count - profile.missing;
  const nCur = values.length;
  let below = 0;
  let above = 0;
  const lo = profile.edges[0];
  const hi = profile.edges[profile.edges.length - 1];
  for (const v of values) {
    if (v < lo) below++;
    else if (v > hi) above++;
  }
  return {
    type: 'bins',
    edges: Array.from(profile.edges),
    reference: Array.from(profile.counts, (c) => (nRef ? c / nRef : 0)),
    current: Array.from(curCounts, (c) => (nCur ? c / nCur : 0)),
    below: nCur ? below / nCur : 0,
    above: nCur ? above / nCur : 0,
  };
}

import type { Column } from '../data/frame.js';
import type { ColumnDriftConfig } from './column-drift.js';
import { labelsOf } from './column-values.js';
import { jensenShannonDistance } from './drift/jensen-shannon.js';
import { psi } from './drift/psi.js';
import { chooseMethod, crosses } from './drift-methods.js';
import { binTest } from './number-drift.js';
import type { CategoryProfile } from './reference-profile.js';
import { type ColumnDriftResult, finite, OTHER_LABEL } from './snapshot.js';

/**
 * Drift of a categorical column (category, boolean, text) over the reference's labels: one bin per
 * label the reference profile kept (its 100 most frequent), and one OTHER_LABEL bin for the rest of
 * the reference and for every current label the reference did not keep — new categories land
 * there, on a reference share of zero, which is what PSI and chi-square are meant to notice.
 */
export function categoryDrift(
  profile: CategoryProfile,
  current: Column,
  cfg: ColumnDriftConfig,
): ColumnDriftResult {
  const labels = Object.keys(profile.frequencies);
  const index = new Map(labels.map((l, i) => [l, i]));
  const k = labels.length + 1;
  const refCounts = new Float64Array(k);
  labels.forEach((l, i) => {
    refCounts[i] = profile.frequencies[l];
  });
  refCounts[k - 1] = profile.other;
  const curCounts = new Float64Array(k);
  const unseen = new Map<string, number>();
  let missing = 0;
  for (const label of labelsOf(current)) {
    if (label === null) {
      missing++;
      continue;
    }
    const i = index.get(label);
    if (i !== undefined) curCounts[i]++;
    else {
      curCounts[k - 1]++;
      if (profile.other === 0) unseen.set(label, (unseen.get(label) ?? 0) + 1);
    }
  }
  // Without an "other" on either side the bin is empty: leave it out.
  const bins = refCounts[k - 1] + curCounts[k - 1] > 0 ? k : k - 1;
  const ref = refCounts.subarray(0, bins);
  const cur = curCounts.subarray(0, bins);
  const nRef = profile.count - profile.missing;
  const nCur = current.values.length - missing;
  const method = chooseMethod(
    cfg.method,
    'category',
    {
      referenceRows: nRef,
      currentRows: nCur,
      smallSample: cfg.smallSample,
      bins,
      distanceThreshold: cfg.thresholds.jensenshannon,
    },
    cfg.column,
  );
  const threshold = cfg.thresholds[method];
  const newLabels = [...unseen].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 10);
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
    ...(newLabels.length ? { newLabels: newLabels.map(([l]) => l) } : {}),
    distribution: {
      type: 'labels' as const,
      labels: bins === k ? [...labels, OTHER_LABEL] : labels,
      reference: Array.from(ref, (c) => (nRef ? c / nRef : 0)),
      current: Array.from(cur, (c) => (nCur ? c / nCur : 0)),
    },
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
  const psiValue = psi(ref, cur);
  let statistic: number;
  let pValue: number | null = null;
  let distance: number | null = null;
  if (method === 'chisquare') {
    const r = binTest(ref, cur);
    statistic = r.statistic;
    pValue = r.pValue;
  } else {
    distance = method === 'psi' ? psiValue : jensenShannonDistance(ref, cur);
    statistic = distance;
  }
  const score = finite(pValue ?? distance);
  return {
    ...base,
    statistic: finite(statistic),
    pValue: finite(pValue),
    distance: finite(distance),
    score,
    drifted: score !== null && crosses(method, score, threshold),
    psi: finite(psiValue),
  };
}

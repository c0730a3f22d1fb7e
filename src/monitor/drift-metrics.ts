import { InputError } from '../util/errors.js';
import { columnDrift } from './column-drift.js';
import {
  checkThresholds,
  DEFAULT_DRIFT_SHARE,
  DRIFT_METHOD_NAMES,
  DRIFT_METHODS,
  type DriftMethod,
  SMALL_SAMPLE,
} from './drift-methods.js';
import { type MetricParam, type MonitorMetric, metricId } from './metric.js';
import type { ColumnDriftResult, DatasetDriftResult } from './snapshot.js';

/** Options shared by the drift metrics; every field has a default. */
export interface DriftOptions {
  /** The method for every column: 'auto' (default) chooses by kind and sample size. */
  readonly method?: DriftMethod | 'auto';
  /** Thresholds over the methods' defaults (ks 0.05, chisquare 0.05, wasserstein 0.1, jensenshannon 0.1, psi 0.1). */
  readonly thresholds?: Partial<Record<DriftMethod, number>>;
  /** Largest sample (either side) that still gets a statistical test in 'auto'. Default 1000. */
  readonly smallSample?: number;
}

export const DEFAULT_THRESHOLDS = Object.fromEntries(
  DRIFT_METHOD_NAMES.map((m) => [m, DRIFT_METHODS[m].threshold]),
) as Readonly<Record<DriftMethod, number>>;

export function resolveDriftOptions(opts: DriftOptions = {}): Required<DriftOptions> & {
  thresholds: Record<DriftMethod, number>;
} {
  checkThresholds(opts.thresholds);
  const smallSample = opts.smallSample ?? SMALL_SAMPLE;
  if (!Number.isInteger(smallSample) || smallSample < 0)
    throw new InputError('bad_option', `smallSample must be a whole number >= 0, got ${smallSample}`, {
      field: 'smallSample',
    });
  const method = opts.method ?? 'auto';
  if (method !== 'auto' && !(method in DRIFT_METHODS))
    throw new InputError(
      'unknown_method',
      `unknown drift method '${String(method)}' (one of auto, ${DRIFT_METHOD_NAMES.join(', ')})`,
      { field: 'method' },
    );
  return { method, smallSample, thresholds: { ...DEFAULT_THRESHOLDS, ...opts.thresholds } };
}

/** Parameters that differ from the defaults, for ids. */
function driftParams(opts: ReturnType<typeof resolveDriftOptions>): Record<string, MetricParam> {
  const p: Record<string, MetricParam> = { method: opts.method };
  if (opts.smallSample !== SMALL_SAMPLE) p.small_sample = opts.smallSample;
  for (const m of DRIFT_METHOD_NAMES)
    if (opts.thresholds[m] !== DEFAULT_THRESHOLDS[m]) p[m] = opts.thresholds[m];
  return p;
}

/** The drift of one feature against its reference profile. */
export function columnDriftMetric(
  column: string,
  options: DriftOptions = {},
): MonitorMetric<ColumnDriftResult> {
  const opts = resolveDriftOptions(options);
  const params = { column, ...driftParams(opts) };
  const id = metricId('column_drift', params);
  return {
    id,
    type: 'column_drift',
    params,
    calculate(reference, current) {
      const profile = reference.profile.features[column];
      if (!profile)
        throw new InputError('no_reference', `the model's reference profile has no column '${column}'`, {
          column,
        });
      return columnDrift(profile, current.inputs.column(column), { metric: id, column, ...opts });
    },
  };
}

/** The drift of the model's predictions against the predictions on its training rows. */
export function predictionDriftMetric(options: DriftOptions = {}): MonitorMetric<ColumnDriftResult | null> {
  const opts = resolveDriftOptions(options);
  const params = driftParams(opts);
  const id = metricId('prediction_drift', params);
  return {
    id,
    type: 'prediction_drift',
    params,
    calculate(reference, current) {
      const profile = reference.profile.prediction;
      if (!profile || !current.predictions) return null;
      return columnDrift(profile, current.predictions, { metric: id, column: 'prediction', ...opts });
    },
  };
}

/**
 * Dataset drift: every feature's drift (the preset expands to one column_drift per feature of the
 * signature), and the verdict that the data drifted when the share of drifted features reaches
 * `driftShare` (Evidently's drift share; cairn.yaml monitoring.drift_threshold).
 */
export function datasetDriftMetric(
  columns: readonly string[],
  options: DriftOptions & { driftShare?: number } = {},
): MonitorMetric<{ dataset: DatasetDriftResult; columns: ColumnDriftResult[] }> {
  const driftShare = options.driftShare ?? DEFAULT_DRIFT_SHARE;
  if (!(typeof driftShare === 'number' && driftShare > 0 && driftShare <= 1))
    throw new InputError(
      'bad_threshold',
      `the drift share must be a number > 0 and <= 1, got ${String(driftShare)}`,
      {
        field: 'driftShare',
      },
    );
  const opts = resolveDriftOptions(options);
  const params = { drift_share: driftShare, ...driftParams(opts) };
  const id = metricId('dataset_drift', params);
  const perColumn = columns.map((c) => columnDriftMetric(c, options));
  return {
    id,
    type: 'dataset_drift',
    params,
    calculate(reference, current) {
      const results = perColumn.map((m) => m.calculate(reference, current));
      const drifted = results.filter((r) => r.drifted).length;
      const share = results.length ? drifted / results.length : 0;
      return {
        dataset: {
          metric: id,
          share,
          threshold: driftShare,
          drifted: results.length > 0 && share >= driftShare,
          driftedColumns: drifted,
          columns: results.length,
        },
        columns: results,
      };
    },
  };
}

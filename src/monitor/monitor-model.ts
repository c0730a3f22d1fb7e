import type { Column, Frame } from '../data/frame.js';
import { conformToSignature } from '../train/signature.js';
import type { Predictions, TrainedModel } from '../train/trained-model.js';
import { InputError } from '../util/errors.js';
import { labelsOf } from './column-values.js';
import { DEFAULT_DRIFT_SHARE } from './drift-methods.js';
import {
  type DriftOptions,
  datasetDriftMetric,
  predictionDriftMetric,
  resolveDriftOptions,
} from './drift-metrics.js';
import type { MonitorCurrent, MonitorReference } from './metric.js';
import { type Period, resolvePeriod } from './period.js';
import { qualityMetric } from './quality-metric.js';
import { deepFreeze, type MonitorSnapshot } from './snapshot.js';

/** The current rows to compare with the model's reference: a window of the prediction log, or a file. */
export interface CurrentData {
  /** The inputs, with at least the model's feature columns (converted to the signature's kinds). */
  readonly inputs: Frame;
  /** The predictions that were served; default: the model's own on `inputs`. */
  readonly predictions?: Column;
  /** Ground truth per row, missing where none arrived. */
  readonly feedback?: Column;
  /** Epoch ms of each row, for metrics over time. */
  readonly times?: Float64Array;
}

export interface MonitorOptions extends DriftOptions {
  /** Share of drifted features at which the dataset has drifted (cairn.yaml monitoring.drift_threshold). Default 0.5. */
  readonly driftShare?: number;
  /** Bucket length of the metrics over time: 'hour', 'day' (default), 'week', or '6h', '2d', ... */
  readonly period?: Period;
  /** What the window was, for the snapshot: a file, or log bounds. */
  readonly window?: {
    readonly source?: string;
    readonly since?: number | Date;
    readonly until?: number | Date;
  };
  /** How the model was named (a directory or a models:/ URI), for the snapshot. */
  readonly uri?: string;
  /** The snapshot's time. Default: now. */
  readonly now?: Date;
}

/**
 * Compares current rows with the model's reference profile: per-feature drift, prediction drift,
 * the dataset-drift verdict, and — where ground truth exists — the model's metrics over time
 * against its training metrics. Returns a frozen, JSON-serializable snapshot.
 *
 *   const snapshot = monitorModel(model, { inputs: juneFrame });
 *   if (snapshot.verdict.drifted) console.log(snapshot.verdict.reasons);
 */
export function monitorModel(
  model: TrainedModel,
  current: CurrentData,
  opts: MonitorOptions = {},
): MonitorSnapshot {
  const source = opts.window?.source;
  const rows = current.inputs.nRows;
  if (rows === 0)
    throw new InputError(
      'empty_window',
      `${source ? `${source}: ` : ''}no rows to monitor: the window holds no predictions`,
      source ? { file: source } : {},
    );
  checkLength('predictions', current.predictions?.values.length, rows);
  checkLength('feedback', current.feedback?.values.length, rows);
  checkLength('times', current.times?.length, rows);
  const inputs = conformToSignature(current.inputs, model.info.features, source);
  const hasFeedback = current.feedback !== undefined && countPresent(current.feedback) > 0;
  let scored: Predictions | undefined;
  if (!current.predictions || hasFeedback) scored = model.predict(inputs, source);
  const predictions = current.predictions ?? model.predictionColumns(scored!)[0][1];

  const drift = resolveDriftOptions(opts);
  const driftShare = opts.driftShare ?? DEFAULT_DRIFT_SHARE;
  const period = resolvePeriod(opts.period);
  const reference: MonitorReference = { profile: model.profile, info: model.info };
  const cur: MonitorCurrent = {
    inputs,
    predictions,
    ...(current.feedback ? { feedback: current.feedback } : {}),
    ...(current.times ? { times: current.times } : {}),
    ...(scored ? { scored } : {}),
  };
  const notes: string[] = [];
  const profiled = model.info.features.map((f) => f.name).filter((n) => n in model.profile.features);
  for (const f of model.info.features)
    if (!profiled.includes(f.name)) notes.push(`feature '${f.name}' has no reference profile: not compared`);

  const { dataset, columns } = datasetDriftMetric(profiled, { ...opts, driftShare }).calculate(
    reference,
    cur,
  );
  const prediction = predictionDriftMetric(opts).calculate(reference, cur);
  if (!prediction) notes.push('the reference has no prediction profile: prediction drift not measured');
  const quality = hasFeedback ? qualityMetric(opts.period).calculate(reference, cur) : null;

  const reasons: string[] = [];
  if (dataset.drifted)
    reasons.push(
      `dataset drift: ${dataset.driftedColumns} of ${dataset.columns} features drifted (share ${round(dataset.share)} >= ${dataset.threshold})`,
    );
  if (prediction?.drifted)
    reasons.push(
      `prediction drift: ${prediction.method} ${round(prediction.score)} (threshold ${prediction.threshold})`,
    );

  const t = current.times ? timeRange(current.times) : undefined;
  const snapshot: MonitorSnapshot = {
    format: 'cairn.monitor',
    version: 1,
    createdAt: (opts.now ?? new Date()).toISOString(),
    model: {
      name: model.info.name,
      task: model.info.task,
      target: model.info.target,
      primaryMetric: model.info.primaryMetric,
      createdAt: model.info.createdAt,
      ...(model.info.runId ? { runId: model.info.runId } : {}),
      ...(opts.uri ? { uri: opts.uri } : {}),
    },
    reference: { rows: model.profile.rows },
    window: {
      rows,
      ...(source ? { source } : {}),
      ...(opts.window?.since !== undefined ? { since: iso(opts.window.since) } : {}),
      ...(opts.window?.until !== undefined ? { until: iso(opts.window.until) } : {}),
      ...(t ? { first: t.first, last: t.last } : {}),
      withFeedback: current.feedback ? countPresent(current.feedback) : 0,
    },
    options: {
      driftShare,
      method: drift.method,
      thresholds: drift.thresholds,
      smallSample: drift.smallSample,
      period,
    },
    features: columns,
    dataset,
    prediction,
    quality,
    verdict: { drifted: reasons.length > 0, reasons },
    notes,
  };
  return deepFreeze(snapshot);
}

function checkLength(field: string, n: number | undefined, rows: number): void {
  if (n !== undefined && n !== rows)
    throw new InputError('length_mismatch', `current ${field} has ${n} values for ${rows} input rows`, {
      field,
    });
}

function countPresent(c: Column): number {
  let n = 0;
  for (const label of labelsOf(c)) if (label !== null) n++;
  return n;
}

function timeRange(times: Float64Array): { first: string; last: string } | undefined {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const t of times) {
    if (t < lo) lo = t;
    if (t > hi) hi = t;
  }
  return lo <= hi ? { first: new Date(lo).toISOString(), last: new Date(hi).toISOString() } : undefined;
}

function iso(t: number | Date): string {
  return (t instanceof Date ? t : new Date(t)).toISOString();
}

function round(v: number | null): string {
  return v === null ? 'n/a' : Number(v.toPrecision(3)).toString();
}

import type { Column, Frame } from '../data/frame.js';
import type { ModelInfo, Predictions } from '../train/trained-model.js';
import type { ReferenceProfile } from './reference-profile.js';

/**
 * A monitor metric: a small config whose id is a fingerprint of its parameters, and a calculation
 * that reads the reference and the current data and returns one of the snapshot's result shapes.
 * Reports and alerts read results only; two runs of the same config are comparable by id.
 */
export interface MonitorMetric<R> {
  readonly id: string;
  readonly type: string;
  readonly params: Readonly<Record<string, MetricParam>>;
  calculate(reference: MonitorReference, current: MonitorCurrent): R;
}

export type MetricParam = string | number | boolean;

/** What the training left behind: the profile and the model's facts (metrics, classes, signature). */
export interface MonitorReference {
  readonly profile: ReferenceProfile;
  readonly info: ModelInfo;
}

/** The current rows, conformed to the signature, with what the model said about them. */
export interface MonitorCurrent {
  readonly inputs: Frame;
  /** The predictions being monitored (served, or the model's own on `inputs`). */
  readonly predictions?: Column;
  /** Ground truth, missing where none arrived. */
  readonly feedback?: Column;
  /** Epoch ms of each row. */
  readonly times?: Float64Array;
  /** The monitored model's predictions on `inputs` (values, labels, probabilities), for quality. */
  readonly scored?: Predictions;
}

/**
 * A stable, readable id: the type and its parameters sorted by name, defaults left out by the
 * caller, e.g. `column_drift(column=distance,method=auto)`.
 */
export function metricId(type: string, params: Readonly<Record<string, MetricParam>>): string {
  const keys = Object.keys(params).sort();
  return `${type}(${keys.map((k) => `${k}=${params[k]}`).join(',')})`;
}

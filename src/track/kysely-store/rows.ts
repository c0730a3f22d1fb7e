/** Database rows become entities here, and nowhere else. */
import type { ArtifactRef, Experiment, MetricPoint, Run, RunStatus } from '../entities.js';
import type { ArtifactsTable, ExperimentsTable, KeyValueTable, MetricsTable, RunsTable } from './tables.js';

/** Drivers may hand back `bigint` columns as bigint or string (PostgreSQL without a type parser). */
export function toNumber(v: number | bigint | string): number {
  return typeof v === 'number' ? v : Number(v);
}

/** NULL is how NaN is stored (SQLite turns NaN into NULL). */
export function metricValueToColumn(value: number): number | null {
  return Number.isNaN(value) ? null : value;
}

export function metricValueFromColumn(value: number | string | null): number {
  return value === null ? Number.NaN : toNumber(value);
}

export function toExperiment(row: ExperimentsTable): Experiment {
  return { id: row.id, name: row.name, createdAt: toNumber(row.created_at) };
}

export function toMetricPoint(row: Omit<MetricsTable, 'run_id'>): MetricPoint {
  return {
    key: row.key,
    value: metricValueFromColumn(row.value),
    step: toNumber(row.step),
    timestamp: toNumber(row.timestamp),
  };
}

export function toArtifact(row: ArtifactsTable): ArtifactRef {
  return row.sha256 === null
    ? { path: row.path, kind: row.kind }
    : { path: row.path, kind: row.kind, sha256: row.sha256 };
}

/** What belongs to a set of runs, read in one query per table. */
export interface RunChildren {
  params: readonly KeyValueTable[];
  tags: readonly KeyValueTable[];
  latest: readonly MetricsTable[];
  artifacts: readonly ArtifactsTable[];
}

/** Assembles full runs, keeping the order of `rows`. */
export function toRuns(rows: readonly RunsTable[], children: RunChildren): Run[] {
  const params = groupRecords(children.params, (r) => r.value);
  const tags = groupRecords(children.tags, (r) => r.value);
  const metrics = groupRecords(children.latest, (r) => metricValueFromColumn(r.value));
  const artifacts = new Map<string, ArtifactRef[]>();
  for (const a of [...children.artifacts].sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0))) {
    let list = artifacts.get(a.run_id);
    if (!list) artifacts.set(a.run_id, (list = []));
    list.push(toArtifact(a));
  }
  return rows.map((r) => ({
    id: r.id,
    experimentId: r.experiment_id,
    name: r.name,
    status: r.status as RunStatus,
    startTime: toNumber(r.start_time),
    endTime: r.end_time === null ? null : toNumber(r.end_time),
    parentRunId: r.parent_run_id,
    dataFingerprint: r.data_fingerprint,
    gitCommit: r.git_commit,
    params: params.get(r.id) ?? {},
    tags: tags.get(r.id) ?? {},
    metrics: metrics.get(r.id) ?? {},
    artifacts: artifacts.get(r.id) ?? [],
  }));
}

function groupRecords<R extends { run_id: string; key: string }, V>(
  rows: readonly R[],
  pick: (row: R) => V,
): Map<string, Record<string, V>> {
  const out = new Map<string, Record<string, V>>();
  // sorted keys, so that two reads of the same run give identical objects
  for (const r of [...rows].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
    let rec = out.get(r.run_id);
    if (!rec) out.set(r.run_id, (rec = {}));
    rec[r.key] = pick(r);
  }
  return out;
}

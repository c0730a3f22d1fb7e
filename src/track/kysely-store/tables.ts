/**
 * The database as Kysely sees it. Column types are the values the drivers hand back: times are
 * epoch milliseconds in `bigint` columns (PostgreSQL needs `pg.types.setTypeParser(20, Number)` to
 * return them as numbers), and a metric value of NULL stands for NaN, because SQLite stores NaN as
 * NULL; ±Infinity are stored as themselves by both engines.
 */
import type { PredictionLogTables } from '../prediction-log/tables.js';
import type { RegistryTables } from './registry-tables.js';

export interface MigrationsTable {
  name: string;
  applied_at: number;
}

export interface ExperimentsTable {
  id: string;
  name: string;
  created_at: number;
}

export interface RunsTable {
  id: string;
  experiment_id: string;
  name: string;
  status: string;
  start_time: number;
  end_time: number | null;
  parent_run_id: string | null;
  data_fingerprint: string | null;
  git_commit: string | null;
}

export interface KeyValueTable {
  run_id: string;
  key: string;
  value: string;
}

export interface MetricsTable {
  run_id: string;
  key: string;
  /** NULL is NaN. */
  value: number | null;
  step: number;
  timestamp: number;
}

export interface ArtifactsTable {
  run_id: string;
  path: string;
  kind: string;
  sha256: string | null;
}

/**
 * The registry's tables (migration 002) live in registry-tables.ts, the prediction log's (003) in
 * ../prediction-log/tables.ts.
 */
export interface TrackDatabase extends RegistryTables, PredictionLogTables {
  cairn_migrations: MigrationsTable;
  experiments: ExperimentsTable;
  runs: RunsTable;
  params: KeyValueTable;
  tags: KeyValueTable;
  metrics: MetricsTable;
  /** One row per (run, key): the point with the highest step, then the latest timestamp. */
  latest_metrics: MetricsTable;
  artifacts: ArtifactsTable;
}

export const MIGRATIONS_TABLE = 'cairn_migrations';

/**
 * The registry's tables as Kysely sees them (migration 002_registry). Same conventions as
 * tables.ts: epoch-ms times and versions in `bigint` columns, NULL standing for a NaN metric.
 */
export interface RegisteredModelsTable {
  name: string;
  description: string | null;
  created_at: number;
  updated_at: number;
  /** The version counter: the highest version number ever given (0 before the first). */
  latest_version: number;
}

export interface ModelVersionsTable {
  name: string;
  version: number;
  run_id: string | null;
  /** Absolute, or relative (with `/`) to the store's folder when the artifact lies inside it. */
  source: string;
  description: string | null;
  created_at: number;
}

export interface ModelVersionTagsTable {
  name: string;
  version: number;
  key: string;
  value: string;
}

export interface ModelVersionMetricsTable {
  name: string;
  version: number;
  key: string;
  /** NULL is NaN. */
  value: number | null;
}

export interface ModelAliasesTable {
  name: string;
  alias: string;
  version: number;
  updated_at: number;
}

export interface RegistryTables {
  registered_models: RegisteredModelsTable;
  model_versions: ModelVersionsTable;
  model_version_tags: ModelVersionTagsTable;
  model_version_metrics: ModelVersionMetricsTable;
  model_aliases: ModelAliasesTable;
}

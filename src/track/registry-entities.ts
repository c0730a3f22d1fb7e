/**
 * What the model registry holds, as readonly value objects (rows become these in
 * kysely-store/registry-rows.ts). After MLflow's registry: a registered model is a name with
 * numbered versions; an alias (`champion`, `staging`, ...) points at one version and moves.
 */

/** A name under which versions of one model are kept. */
export interface RegisteredModel {
  /** Letters, digits, `.`, `_`, `-`, starting with a letter or digit; at most 100 characters. */
  readonly name: string;
  readonly description: string | null;
  /** Epoch milliseconds. */
  readonly createdAt: number;
  /** Epoch milliseconds of the last new version, alias change or description change. */
  readonly updatedAt: number;
  /** The highest version number given (versions count 1, 2, ...). */
  readonly latestVersion: number;
  /** Alias → version, sorted by alias. */
  readonly aliases: Readonly<Record<string, number>>;
}

/** One registered model artifact: immutable but for the aliases that point at it. */
export interface ModelVersion {
  readonly name: string;
  /** 1 for the first version of a name, then 2, 3, ...; never reused. */
  readonly version: number;
  /** The run that trained it, when it was tracked in this store. */
  readonly runId: string | null;
  /**
   * The model artifact directory, as an absolute path. (The store keeps it relative to its own
   * folder when the artifact lies inside it, so that a `.cairn` folder can be moved whole.)
   */
  readonly source: string;
  /** Epoch milliseconds. */
  readonly createdAt: number;
  readonly description: string | null;
  readonly tags: Readonly<Record<string, string>>;
  /** The model's held-out metrics, copied at registration. May hold NaN. */
  readonly metrics: Readonly<Record<string, number>>;
  /** The aliases pointing at this version, sorted. */
  readonly aliases: readonly string[];
}

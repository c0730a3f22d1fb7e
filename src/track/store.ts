/**
 * The tracking store contract, after MLflow's AbstractStore: one interface that every backend
 * implements, documented per method, with `logBatch` as the one write primitive for run data.
 * `logParam`, `logMetric`, `setTag` and `logArtifact` are built on it by `StoreBase`, so a backend
 * writes each kind of data in exactly one place.
 *
 * Every user-caused failure (unknown run, bad key, changed param) is an `InputError` whose
 * `details` name the run, key or field.
 */
import type { ArtifactRef, Experiment, MetricPoint, Run, RunStatus } from './entities.js';
import type { ModelVersion, RegisteredModel } from './registry-entities.js';

/** A param value as given: scalars are stringified (`0.1` → `'0.1'`), arrays and objects JSON-encoded. */
export type ParamValue =
  | string
  | number
  | boolean
  | null
  | readonly ParamValue[]
  | { readonly [key: string]: ParamValue };

/** A metric point as given: `step` defaults to 0 and `timestamp` to now. */
export interface MetricInput {
  readonly key: string;
  readonly value: number;
  readonly step?: number;
  readonly timestamp?: number;
}

/** Everything `logBatch` can write in one transaction. */
export interface LogBatch {
  /** Immutable: a key logged again with the same value is a no-op, with another value an InputError. */
  readonly params?: Readonly<Record<string, ParamValue | undefined>>;
  readonly metrics?: readonly MetricInput[];
  /** Mutable: a key logged again replaces the value. */
  readonly tags?: Readonly<Record<string, string | number | boolean>>;
  /** A path logged again replaces its kind and sha256. */
  readonly artifacts?: readonly ArtifactRef[];
}

/** An experiment by name (string) or by id. */
export type ExperimentRef = string | { readonly id: string };

export interface CreateRunInput {
  /** By name, created when missing; or an existing experiment's id. */
  readonly experiment: ExperimentRef;
  /** Defaults to `run-` and the first 8 characters of the id. */
  readonly name?: string;
  /** Id (or unique prefix) of an existing run in the same store. */
  readonly parentRunId?: string;
  readonly dataFingerprint?: string;
  readonly gitCommit?: string | null;
  readonly tags?: LogBatch['tags'];
  readonly params?: LogBatch['params'];
}

/** Newest or oldest start first, or by a metric's latest value (runs without it come last). */
export type RunOrder = 'newest' | 'oldest' | { readonly metric: string; readonly direction?: 'asc' | 'desc' };

export interface ListRunsQuery {
  /** Only this experiment's runs; an unknown name is an InputError. */
  readonly experiment?: ExperimentRef;
  readonly status?: RunStatus | readonly RunStatus[];
  /** Only children of this run. */
  readonly parentRunId?: string;
  /** At most this many runs (default 100). */
  readonly limit?: number;
  /** Default `'newest'`. */
  readonly order?: RunOrder;
}

/** A new version of a registered model (see `Store.registerModelVersion`). */
export interface RegisterVersionInput {
  /** The registered model's name, created when missing. */
  readonly name: string;
  /** The model artifact directory, as an absolute path. */
  readonly source: string;
  /** Id (or unique prefix) of the run that trained it, in this store. */
  readonly runId?: string | null;
  readonly tags?: Readonly<Record<string, string | number | boolean>>;
  /** The model's held-out metrics, copied at registration. */
  readonly metrics?: Readonly<Record<string, number>>;
  readonly description?: string | null;
}

/** What `setAlias` did: where the alias points now, and where it pointed before (null if new). */
export interface AliasMove {
  readonly name: string;
  readonly alias: string;
  readonly version: number;
  readonly previous: number | null;
}

export interface Store {
  /** Creates an experiment; a name already taken is an InputError naming it. */
  createExperiment(name: string): Promise<Experiment>;
  /** The experiment with this exact name, or null. */
  getExperimentByName(name: string): Promise<Experiment | null>;
  /** The experiment with this name, created if missing; safe when two processes race to create it. */
  getOrCreateExperiment(name: string): Promise<Experiment>;
  /** All experiments, oldest first. */
  listExperiments(): Promise<Experiment[]>;

  /** Starts a run in status `running`, writing its initial params and tags in the same transaction. */
  createRun(input: CreateRunInput): Promise<Run>;
  /**
   * The one write primitive: params, metrics, tags and artifact references for one run, validated
   * first and written in one transaction, so that a batch lands whole or not at all. Also keeps
   * each metric's latest value (highest step, then latest timestamp; a tie goes to the newer write).
   */
  logBatch(runId: string, batch: LogBatch): Promise<void>;
  /** `logBatch` with one param. */
  logParam(runId: string, key: string, value: ParamValue): Promise<void>;
  /** `logBatch` with one metric point. */
  logMetric(
    runId: string,
    key: string,
    value: number,
    at?: { step?: number; timestamp?: number },
  ): Promise<void>;
  /** `logBatch` with one tag. */
  setTag(runId: string, key: string, value: string | number | boolean): Promise<void>;
  /** `logBatch` with one artifact reference. */
  logArtifact(runId: string, artifact: ArtifactRef): Promise<void>;
  /** Sets a terminal status and the end time (now). Ending an ended run records the new status. */
  endRun(runId: string, status: Exclude<RunStatus, 'running'>): Promise<Run>;

  /** A run by full id or by a unique id prefix; none or several matching is an InputError. */
  getRun(idOrPrefix: string): Promise<Run>;
  /** Runs matching the query, complete with params, tags, latest metrics and artifacts. */
  listRuns(query?: ListRunsQuery): Promise<Run[]>;
  /** Every point logged for a metric, by step then timestamp; an unknown key gives []. */
  getMetricHistory(runId: string, key: string): Promise<MetricPoint[]>;

  // ---- model registry. Unknown models, versions and aliases are InputErrors (code `not_found`)
  // naming them; bad names are InputErrors naming the field.

  /**
   * Registers a model artifact as the next version of `name` (1 for a new name, else the highest
   * version given so far plus one), creating the registered model when missing. The number is
   * taken atomically: two processes registering at once get distinct versions.
   */
  registerModelVersion(input: RegisterVersionInput): Promise<ModelVersion>;
  /** A registered model with its aliases. */
  getRegisteredModel(name: string): Promise<RegisteredModel>;
  /** Every registered model, by name. */
  listRegisteredModels(): Promise<RegisteredModel[]>;
  /** Sets (or with null clears) a registered model's description. */
  updateRegisteredModel(
    name: string,
    patch: { readonly description: string | null },
  ): Promise<RegisteredModel>;
  getModelVersion(name: string, version: number): Promise<ModelVersion>;
  /** Every version of a model, oldest (1) first. */
  listModelVersions(name: string): Promise<ModelVersion[]>;
  /**
   * Points `alias` at `version`, creating it or moving it in one statement: a reader sees the old
   * version or the new one, never none and never two. Alias names are model-name-like but not all
   * digits, and `latest` is reserved.
   */
  setAlias(name: string, alias: string, version: number): Promise<AliasMove>;
  /** Removes an alias; an alias that does not exist is an InputError. */
  deleteAlias(name: string, alias: string): Promise<void>;
  /** The version an alias points at. */
  getVersionByAlias(name: string, alias: string): Promise<ModelVersion>;

  /** Releases the connection. The store must not be used afterwards. */
  close(): Promise<void>;
}

/** Implements the single-item writes on `logBatch`, so that a backend has one write path. */
export abstract class StoreBase implements Store {
  abstract createExperiment(name: string): Promise<Experiment>;
  abstract getExperimentByName(name: string): Promise<Experiment | null>;
  abstract getOrCreateExperiment(name: string): Promise<Experiment>;
  abstract listExperiments(): Promise<Experiment[]>;
  abstract createRun(input: CreateRunInput): Promise<Run>;
  abstract logBatch(runId: string, batch: LogBatch): Promise<void>;
  abstract endRun(runId: string, status: Exclude<RunStatus, 'running'>): Promise<Run>;
  abstract getRun(idOrPrefix: string): Promise<Run>;
  abstract listRuns(query?: ListRunsQuery): Promise<Run[]>;
  abstract getMetricHistory(runId: string, key: string): Promise<MetricPoint[]>;
  abstract registerModelVersion(input: RegisterVersionInput): Promise<ModelVersion>;
  abstract getRegisteredModel(name: string): Promise<RegisteredModel>;
  abstract listRegisteredModels(): Promise<RegisteredModel[]>;
  abstract updateRegisteredModel(
    name: string,
    patch: { readonly description: string | null },
  ): Promise<RegisteredModel>;
  abstract getModelVersion(name: string, version: number): Promise<ModelVersion>;
  abstract listModelVersions(name: string): Promise<ModelVersion[]>;
  abstract setAlias(name: string, alias: string, version: number): Promise<AliasMove>;
  abstract deleteAlias(name: string, alias: string): Promise<void>;
  abstract getVersionByAlias(name: string, alias: string): Promise<ModelVersion>;
  abstract close(): Promise<void>;

  logParam(runId: string, key: string, value: ParamValue): Promise<void> {
    return this.logBatch(runId, { params: { [key]: value } });
  }

  logMetric(runId: string, key: string, value: number, at: { step?: number; timestamp?: number } = {}) {
    return this.logBatch(runId, { metrics: [{ key, value, ...at }] });
  }

  setTag(runId: string, key: string, value: string | number | boolean): Promise<void> {
    return this.logBatch(runId, { tags: { [key]: value } });
  }

  logArtifact(runId: string, artifact: ArtifactRef): Promise<void> {
    return this.logBatch(runId, { artifacts: [artifact] });
  }
}

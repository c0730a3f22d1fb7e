/**
 * What the tracking store holds, as readonly value objects. Database rows become these at the store
 * edge (see kysely-store/rows.ts); nothing above the store sees a row.
 */

/** A named group of runs: one problem, one dataset, many attempts. */
export interface Experiment {
  readonly id: string;
  /** Unique within a store. */
  readonly name: string;
  /** Epoch milliseconds. */
  readonly createdAt: number;
}

/** `running` until `endRun`; the three others are terminal. */
export type RunStatus = 'running' | 'finished' | 'failed' | 'killed';
export const RUN_STATUSES: readonly RunStatus[] = ['running', 'finished', 'failed', 'killed'];
export const TERMINAL_STATUSES: readonly Exclude<RunStatus, 'running'>[] = ['finished', 'failed', 'killed'];

/** A file kept for a run, by reference: the bytes live in the artifact folder, not in the store. */
export interface ArtifactRef {
  /** Relative path inside the run's artifact folder, with `/` separators. */
  readonly path: string;
  /** What it is: `model`, `report`, `profile`, `file`, ... */
  readonly kind: string;
  /** Lowercase hex sha256 of the file's bytes, when known. */
  readonly sha256?: string;
}

/** One attempt: what went in (params, data, code) and what came out (metrics, artifacts). */
export interface Run {
  /** 32 lowercase hex characters; any unique prefix also finds the run (like git). */
  readonly id: string;
  readonly experimentId: string;
  readonly name: string;
  readonly status: RunStatus;
  /** Epoch milliseconds. */
  readonly startTime: number;
  /** Epoch milliseconds; null while running. */
  readonly endTime: number | null;
  /** The run this one is a child of (a trial of a search, a fold of a cross-validation). */
  readonly parentRunId: string | null;
  /** Fingerprint of the training data, for lineage. */
  readonly dataFingerprint: string | null;
  /** The commit the code was at, when it was in a git repository. */
  readonly gitCommit: string | null;
  /** Logged once each, immutable. */
  readonly params: Readonly<Record<string, string>>;
  /** Mutable labels. */
  readonly tags: Readonly<Record<string, string>>;
  /** The latest value of each metric: highest step, then latest timestamp. May be NaN or ±Infinity. */
  readonly metrics: Readonly<Record<string, number>>;
  readonly artifacts: readonly ArtifactRef[];
}

/** One recorded value of a metric. */
export interface MetricPoint {
  readonly key: string;
  /** Any number, NaN and ±Infinity included (a diverged loss is worth recording). */
  readonly value: number;
  /** Integer step: iteration, epoch, fold. */
  readonly step: number;
  /** Epoch milliseconds. */
  readonly timestamp: number;
}

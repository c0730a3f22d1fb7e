/**
 * The prediction log's tables as Kysely sees them (migration 003_prediction_log). Same conventions
 * as ../kysely-store/tables.ts: epoch-ms times and versions in `bigint` columns.
 */
export interface PredictionsTable {
  /** Made by the caller (a v4 UUID), so that an HTTP answer can return it before the row exists. */
  id: string;
  /**
   * Log order: the writer numbers each batch after the highest number in the table, inside the
   * batch's write transaction (so two processes never share a number). Ids are random, and
   * several predictions share a millisecond, so neither orders the log.
   */
  seq: number;
  time: number;
  model: string;
  version: number | null;
  /** 'http' or 'batch'. */
  source: string;
  /** JSON object: feature name → number, string, boolean or null. */
  inputs: string;
  /** JSON object: { prediction, proba? }. */
  outputs: string;
  latency_ms: number;
}

/**
 * Ground truth, one row per prediction (a later value replaces an earlier one). Kept apart from
 * the prediction row and joined when read, so feedback never rewrites the log.
 */
export interface PredictionFeedbackTable {
  prediction_id: string;
  /** JSON scalar, so that 1, "1" and true stay apart. */
  value: string;
  time: number;
}

export interface PredictionLogTables {
  predictions: PredictionsTable;
  prediction_feedback: PredictionFeedbackTable;
}

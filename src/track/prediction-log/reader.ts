/**
 * Reads the prediction log back: records with their feedback joined, counts, and windows of one
 * model's traffic as typed columns for the monitor. It sees what the writer has committed (call
 * `writer.flush()` first to read your own writes). Dialect-neutral Kysely; reads run on the
 * caller's thread, so they belong to the monitor and tools, not to the request path.
 *
 *   const recent = await reader.query({ model: 'penguins', since: Date.now() - 3600_000 });
 *   const w = await reader.window({ model: 'penguins', features: model.info.features,
 *                                   classes: model.classes });
 */
import type { Kysely, SelectQueryBuilder } from 'kysely';
import { type Column, Frame } from '../../data/frame.js';
import { describeValue, InputError } from '../../util/errors.js';
import type { TrackDatabase } from '../kysely-store/tables.js';
import type {
  Feedback,
  FeedbackValue,
  LoggedPrediction,
  PredictionOutputs,
  PredictionSource,
} from './records.js';
import type { PredictionsTable } from './tables.js';
import { type ColumnSpec, categoryColumn, columnOf, numberColumn } from './window-columns.js';

export type TimeBound = number | Date;

export interface PredictionQuery {
  readonly model: string;
  /** A registry version, or null for predictions of an unregistered model; absent: any. */
  readonly version?: number | null;
  /** From this time on (inclusive), epoch ms or a Date. */
  readonly since?: TimeBound;
  /** Before this time (exclusive). */
  readonly until?: TimeBound;
  /** At most this many records. */
  readonly limit?: number;
  /** Log order (default 'oldest' first); with `limit`, 'newest' gives the latest records. */
  readonly order?: 'oldest' | 'newest';
}

export interface WindowQuery extends Omit<PredictionQuery, 'order'> {
  /** The input columns and their kinds: the model signature (`model.info.features`). */
  readonly features: readonly ColumnSpec[];
  /** Class labels, in the model's order (classification): fixes the prediction categories. */
  readonly classes?: readonly string[];
}

/** One model's traffic over a window, in log order, as columns. With `limit`: the latest rows. */
export interface PredictionWindow {
  readonly rows: number;
  readonly ids: readonly string[];
  /** Epoch ms of each prediction. */
  readonly times: Float64Array;
  readonly versions: readonly (number | null)[];
  /** One column per feature, of the kind the signature gives. */
  readonly inputs: Frame;
  /** Category column of labels for classifiers (given `classes` or string predictions), else numbers. */
  readonly predictions: Column;
  /** Ground truth in the same form as `predictions`; missing where none arrived. */
  readonly feedback: Column;
  /** How many rows have feedback. */
  readonly withFeedback: number;
}

type Row = {
  id: string;
  time: number;
  model: string;
  version: number | null;
  source: string;
  inputs: string;
  outputs: string;
  latency_ms: number;
  feedback_value: string | null;
  feedback_time: number | null;
};

export class PredictionLogReader {
  readonly #db: Kysely<TrackDatabase>;

  constructor(db: Kysely<TrackDatabase>) {
    this.#db = db;
  }

  /** Records with their feedback, in log order. */
  async query(q: PredictionQuery): Promise<LoggedPrediction[]> {
    const rows = await this.#select(q, q.order ?? 'oldest');
    return rows.map(toLogged);
  }

  async count(q: Omit<PredictionQuery, 'limit' | 'order'>): Promise<number> {
    const row = await filtered(this.#db.selectFrom('predictions as p'), checkQuery(q))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /** Whether a prediction with this id is in the log (committed). */
  async has(id: string): Promise<boolean> {
    const row = await this.#db.selectFrom('predictions').select('id').where('id', '=', id).executeTakeFirst();
    return row !== undefined;
  }

  async window(q: WindowQuery): Promise<PredictionWindow> {
    if (!Array.isArray(q?.features))
      throw new InputError('bad_query', 'window: features must be the model signature (a list of columns)', {
        field: 'features',
      });
    const rows = await this.#select(q, 'newest');
    rows.reverse(); // the latest `limit` rows, oldest first
    const n = rows.length;
    const inputs = rows.map((r) => JSON.parse(r.inputs) as Record<string, unknown>);
    const outputs = rows.map((r) => (JSON.parse(r.outputs) as PredictionOutputs).prediction);
    const truth = rows.map((r) =>
      r.feedback_value === null ? null : (JSON.parse(r.feedback_value) as FeedbackValue),
    );
    const frame = new Frame(
      q.features.map(
        (f) =>
          [
            f.name,
            columnOf(
              f,
              inputs.map((o) => o[f.name]),
            ),
          ] as const,
      ),
      n,
    );
    const labels = q.classes !== undefined || outputs.some((p) => typeof p === 'string');
    let predictions: Column;
    let feedback: Column;
    if (labels) {
      const p = categoryColumn(outputs, q.classes);
      // the feedback's labels extend the predictions', so that one label has one code in both
      feedback = categoryColumn(truth, p.categories);
      predictions = { ...p, categories: feedback.categories };
    } else {
      predictions = numberColumn(outputs);
      feedback = numberColumn(truth);
    }
    return {
      rows: n,
      ids: rows.map((r) => r.id),
      times: Float64Array.from(rows, (r) => Number(r.time)),
      versions: rows.map((r) => (r.version === null ? null : Number(r.version))),
      inputs: frame,
      predictions,
      feedback,
      withFeedback: truth.filter((t) => t !== null).length,
    };
  }

  #select(q: PredictionQuery, order: 'oldest' | 'newest'): Promise<Row[]> {
    const c = checkQuery(q);
    if (order !== 'oldest' && order !== 'newest')
      throw new InputError('bad_query', `order must be 'oldest' or 'newest', got ${describeValue(order)}`, {
        field: 'order',
      });
    let s = filtered(this.#db.selectFrom('predictions as p'), c)
      .leftJoin('prediction_feedback as f', 'f.prediction_id', 'p.id')
      .select([
        'p.id',
        'p.time',
        'p.model',
        'p.version',
        'p.source',
        'p.inputs',
        'p.outputs',
        'p.latency_ms',
        'f.value as feedback_value',
        'f.time as feedback_time',
      ])
      .orderBy('p.seq', order === 'oldest' ? 'asc' : 'desc');
    if (c.limit !== undefined) s = s.limit(c.limit);
    return s.execute() as Promise<Row[]>;
  }
}

interface CheckedQuery {
  readonly model: string;
  readonly version?: number | null;
  readonly since?: number;
  readonly until?: number;
  readonly limit?: number;
}

/** The database with the predictions table aliased `p`, as Kysely types `selectFrom('predictions as p')`. */
type AliasedDb = TrackDatabase & { p: PredictionsTable };

function filtered(
  s: SelectQueryBuilder<AliasedDb, 'p', object>,
  q: CheckedQuery,
): SelectQueryBuilder<AliasedDb, 'p', object> {
  s = s.where('p.model', '=', q.model);
  if (q.version === null) s = s.where('p.version', 'is', null);
  else if (q.version !== undefined) s = s.where('p.version', '=', q.version);
  if (q.since !== undefined) s = s.where('p.time', '>=', q.since);
  if (q.until !== undefined) s = s.where('p.time', '<', q.until);
  return s;
}

function checkQuery(q: PredictionQuery | Omit<PredictionQuery, 'limit' | 'order'>): CheckedQuery {
  if (typeof q !== 'object' || q === null) throw new InputError('bad_query', 'a query must be an object', {});
  if (typeof q.model !== 'string' || q.model === '')
    throw new InputError('bad_query', `query: model must be a model name, got ${describeValue(q.model)}`, {
      field: 'model',
    });
  const version = q.version;
  if (version !== undefined && version !== null && !Number.isSafeInteger(version))
    throw new InputError(
      'bad_query',
      `query: version must be a whole number or null, got ${describeValue(version)}`,
      {
        field: 'version',
      },
    );
  const limit = 'limit' in q ? q.limit : undefined;
  if (limit !== undefined && !(Number.isSafeInteger(limit) && limit >= 0))
    throw new InputError(
      'bad_query',
      `query: limit must be a whole number >= 0, got ${describeValue(limit)}`,
      {
        field: 'limit',
      },
    );
  return { model: q.model, version, since: timeOf('since', q.since), until: timeOf('until', q.until), limit };
}

function timeOf(field: string, t: TimeBound | undefined): number | undefined {
  if (t === undefined) return undefined;
  const ms = t instanceof Date ? t.getTime() : t;
  if (typeof ms !== 'number' || !Number.isFinite(ms))
    throw new InputError(
      'bad_query',
      `query: ${field} must be epoch milliseconds or a valid Date, got ${describeValue(t)}`,
      {
        field,
      },
    );
  return ms;
}

function toLogged(r: Row): LoggedPrediction {
  const feedback: Feedback | null =
    r.feedback_value === null
      ? null
      : {
          predictionId: r.id,
          value: JSON.parse(r.feedback_value) as FeedbackValue,
          time: Number(r.feedback_time),
        };
  return {
    id: r.id,
    time: Number(r.time),
    model: r.model,
    version: r.version === null ? null : Number(r.version),
    source: r.source as PredictionSource,
    inputs: JSON.parse(r.inputs),
    outputs: JSON.parse(r.outputs),
    latencyMs: r.latency_ms,
    feedback,
  };
}

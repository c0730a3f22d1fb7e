/** The run queries behind getRun and listRuns, and the assembly of full runs from their tables. */
import { type Kysely, sql } from 'kysely';
import type { Run, RunStatus } from '../entities.js';
import type { CheckedOrder } from '../validate.js';
import { toRuns } from './rows.js';
import type { RunsTable, TrackDatabase } from './tables.js';
import { chunks } from './write-batch.js';

/** Runs whose id is `prefix` (32 characters) or starts with it; at most `limit`, by id. */
export function runsByPrefix(db: Kysely<TrackDatabase>, prefix: string, limit: number): Promise<RunsTable[]> {
  const q = db.selectFrom('runs').selectAll();
  return (prefix.length === 32 ? q.where('id', '=', prefix) : q.where('id', 'like', `${prefix}%`))
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** A checked listRuns query: ids resolved, values validated. */
export interface RunFilter {
  readonly experimentId?: string;
  readonly statuses: readonly RunStatus[];
  readonly parentId?: string;
  readonly order: CheckedOrder;
  readonly limit: number;
}

export function queryRuns(db: Kysely<TrackDatabase>, f: RunFilter): Promise<RunsTable[]> {
  let q = db.selectFrom('runs').selectAll('runs');
  if (f.experimentId !== undefined) q = q.where('runs.experiment_id', '=', f.experimentId);
  if (f.statuses.length > 0) q = q.where('runs.status', 'in', f.statuses);
  if (f.parentId !== undefined) q = q.where('runs.parent_run_id', '=', f.parentId);
  const order = f.order;
  if (order === 'newest' || order === 'oldest') {
    const dir = order === 'newest' ? 'desc' : 'asc';
    q = q.orderBy('runs.start_time', dir).orderBy('runs.id', dir);
  } else {
    // runs without the metric, then runs whose latest value is NaN (NULL), come last on every
    // engine: SQLite and PostgreSQL disagree on where NULLs sort, so it is spelled out
    q = q
      .leftJoin('latest_metrics as lm', (j) =>
        j.onRef('lm.run_id', '=', 'runs.id').on('lm.key', '=', order.metric),
      )
      .orderBy(sql`case when lm.run_id is null then 1 else 0 end`)
      .orderBy(sql`case when lm.value is null then 1 else 0 end`)
      .orderBy('lm.value', order.direction)
      .orderBy('runs.start_time', 'desc')
      .orderBy('runs.id', 'desc');
  }
  return q.limit(f.limit).execute();
}

/** Full runs for these rows: one query per child table for the whole set, not one per run. */
export async function loadRuns(db: Kysely<TrackDatabase>, rows: readonly RunsTable[]): Promise<Run[]> {
  const children = {
    params: [] as TrackDatabase['params'][],
    tags: [] as TrackDatabase['tags'][],
    latest: [] as TrackDatabase['latest_metrics'][],
    artifacts: [] as TrackDatabase['artifacts'][],
  };
  for (const ids of chunks(
    rows.map((r) => r.id),
    500,
  )) {
    children.params.push(...(await db.selectFrom('params').selectAll().where('run_id', 'in', ids).execute()));
    children.tags.push(...(await db.selectFrom('tags').selectAll().where('run_id', 'in', ids).execute()));
    children.latest.push(
      ...(await db.selectFrom('latest_metrics').selectAll().where('run_id', 'in', ids).execute()),
    );
    children.artifacts.push(
      ...(await db.selectFrom('artifacts').selectAll().where('run_id', 'in', ids).execute()),
    );
  }
  return toRuns(rows, children);
}

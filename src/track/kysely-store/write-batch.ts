/**
 * The body of `logBatch`, run inside the caller's write transaction. Only portable SQL: multi-row
 * inserts, `on conflict ... do nothing / do update set x = excluded.x` (SQLite 3.24+ and PostgreSQL
 * 9.5+ both have it), and `in (...)` lists cut into chunks that stay under both engines' limits on
 * bound parameters.
 */
import type { Transaction } from 'kysely';
import { InputError } from '../../util/errors.js';
import type { MetricPoint } from '../entities.js';
import type { CheckedBatch } from '../validate.js';
import { metricValueToColumn } from './rows.js';
import type { TrackDatabase } from './tables.js';

/** Rows per insert statement: 5 columns x 200 = 1000 bound values. */
const ROWS_PER_INSERT = 200;

export function chunks<T>(items: readonly T[], size = ROWS_PER_INSERT): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function writeBatch(
  trx: Transaction<TrackDatabase>,
  runId: string,
  batch: CheckedBatch,
): Promise<void> {
  await writeParams(trx, runId, batch.params);
  for (const part of chunks(batch.tags))
    await trx
      .insertInto('tags')
      .values(part.map(([key, value]) => ({ run_id: runId, key, value })))
      .onConflict((oc) =>
        oc.columns(['run_id', 'key']).doUpdateSet((eb) => ({ value: eb.ref('excluded.value') })),
      )
      .execute();
  for (const part of chunks(batch.metrics))
    await trx
      .insertInto('metrics')
      .values(part.map((m) => metricRow(runId, m)))
      .execute();
  await writeLatest(trx, runId, batch.metrics);
  for (const part of chunks(batch.artifacts))
    await trx
      .insertInto('artifacts')
      .values(part.map((a) => ({ run_id: runId, path: a.path, kind: a.kind, sha256: a.sha256 ?? null })))
      .onConflict((oc) =>
        oc
          .columns(['run_id', 'path'])
          .doUpdateSet((eb) => ({ kind: eb.ref('excluded.kind'), sha256: eb.ref('excluded.sha256') })),
      )
      .execute();
}

function metricRow(runId: string, m: MetricPoint) {
  return {
    run_id: runId,
    key: m.key,
    value: metricValueToColumn(m.value),
    step: m.step,
    timestamp: m.timestamp,
  };
}

/**
 * Params are immutable: insert the new keys, leave existing ones, then read back every key of the
 * batch and refuse (rolling the whole batch back) if a stored value differs from the one given.
 */
async function writeParams(
  trx: Transaction<TrackDatabase>,
  runId: string,
  params: CheckedBatch['params'],
): Promise<void> {
  for (const part of chunks(params)) {
    await trx
      .insertInto('params')
      .values(part.map(([key, value]) => ({ run_id: runId, key, value })))
      .onConflict((oc) => oc.columns(['run_id', 'key']).doNothing())
      .execute();
    const stored = await trx
      .selectFrom('params')
      .select(['key', 'value'])
      .where('run_id', '=', runId)
      .where(
        'key',
        'in',
        part.map(([key]) => key),
      )
      .execute();
    const byKey = new Map(stored.map((r) => [r.key, r.value]));
    for (const [key, value] of part) {
      const old = byKey.get(key);
      if (old !== value)
        throw new InputError(
          'param_changed',
          `param '${key}' of run ${runId} is already ${JSON.stringify(old)}; params are immutable, ` +
            `so ${JSON.stringify(value)} cannot be logged (start a new run, or log it as a metric or tag)`,
          { field: `params.${key}`, key, runId, stored: old, given: value },
        );
    }
  }
}

/** Later means a higher step, or the same step and a later (or equal) timestamp. */
function isLater(a: { step: number; timestamp: number }, b: { step: number; timestamp: number }): boolean {
  return a.step > b.step || (a.step === b.step && a.timestamp >= b.timestamp);
}

/**
 * One upsert per chunk, with the "is it later?" test in the conflict clause itself, so that two
 * writers racing on the same run (under PostgreSQL's read committed too) can never leave an older
 * point as the latest.
 */
async function writeLatest(trx: Transaction<TrackDatabase>, runId: string, metrics: readonly MetricPoint[]) {
  const best = new Map<string, MetricPoint>();
  for (const m of metrics) {
    const cur = best.get(m.key);
    if (!cur || isLater(m, cur)) best.set(m.key, m);
  }
  for (const part of chunks([...best.values()]))
    await trx
      .insertInto('latest_metrics')
      .values(part.map((m) => metricRow(runId, m)))
      .onConflict((oc) =>
        oc
          .columns(['run_id', 'key'])
          .doUpdateSet((eb) => ({
            value: eb.ref('excluded.value'),
            step: eb.ref('excluded.step'),
            timestamp: eb.ref('excluded.timestamp'),
          }))
          .where((eb) =>
            eb.or([
              eb('excluded.step', '>', eb.ref('latest_metrics.step')),
              eb.and([
                eb('excluded.step', '=', eb.ref('latest_metrics.step')),
                eb('excluded.timestamp', '>=', eb.ref('latest_metrics.timestamp')),
              ]),
            ]),
          ),
      )
      .execute();
}

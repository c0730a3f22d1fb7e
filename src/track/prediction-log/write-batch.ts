/**
 * One batch of the prediction log in one write transaction: the predictions numbered after the
 * highest `seq` in the table (read inside the same transaction, so concurrent writers of the same
 * database queue up on the write lock and never share a number), then the feedback. Plain Kysely,
 * so the same code serves SQLite and PostgreSQL; on PostgreSQL the transaction would also take a
 * table lock before reading max(seq).
 */
import type { Kysely } from 'kysely';
import type { TrackDatabase } from '../kysely-store/tables.js';
import type { FeedbackRow } from './protocol.js';
import { decodeLine } from './records.js';

/** Rows per INSERT: 9 parameters each stays far below SQLite's and PostgreSQL's limits. */
const ROWS_PER_INSERT = 500;

/** Writes the batch; returns how many predictions were inserted (repeated ids are skipped). */
export async function writeLogBatch(
  db: Kysely<TrackDatabase>,
  lines: readonly string[],
  feedback: readonly FeedbackRow[],
): Promise<number> {
  if (lines.length === 0 && feedback.length === 0) return 0;
  return db.transaction().execute(async (trx) => {
    let inserted = 0;
    if (lines.length > 0) {
      const top = await trx
        .selectFrom('predictions')
        .select((eb) => eb.fn.max('seq').as('top'))
        .executeTakeFirst();
      let seq = Number(top?.top ?? 0);
      for (let i = 0; i < lines.length; i += ROWS_PER_INSERT) {
        const rows = lines.slice(i, i + ROWS_PER_INSERT).map((l) => ({ ...decodeLine(l), seq: ++seq }));
        const res = await trx
          .insertInto('predictions')
          .values(rows)
          .onConflict((oc) => oc.column('id').doNothing())
          .executeTakeFirst();
        inserted += Number(res.numInsertedOrUpdatedRows ?? 0n);
      }
    }
    if (feedback.length > 0)
      await trx
        .insertInto('prediction_feedback')
        .values([...feedback])
        .onConflict((oc) =>
          oc.column('prediction_id').doUpdateSet((eb) => ({
            value: eb.ref('excluded.value'),
            time: eb.ref('excluded.time'),
          })),
        )
        .execute();
    return inserted;
  });
}

/**
 * One batch of the prediction log in one write transaction: the predictions numbered after the
 * highest `seq` in the table (read inside the same IMMEDIATE transaction, so concurrent writers of
 * the same database queue up on the write lock and never share a number), then the feedback.
 *
 * SQLite through better-sqlite3's prepared statements rather than Kysely: building a 500-row
 * Kysely insert cost ~15–19 µs a record in query compilation alone, on the core a loaded server
 * shares with its clients; a prepared statement run per record costs a few µs. A PostgreSQL store
 * will bring its own writer (COPY or multi-row inserts); readers stay on Kysely.
 */
import type Database from 'better-sqlite3';
import type { FeedbackRow } from './protocol.js';
import { decodeLine } from './records.js';

export type LogBatchWriter = (lines: readonly string[], feedback: readonly FeedbackRow[]) => number;

/** Prepares the statements once; the returned function writes a batch and returns how many predictions were inserted (repeated ids are skipped). */
export function sqliteLogBatchWriter(db: Database.Database): LogBatchWriter {
  const top = db.prepare('select max(seq) from predictions').pluck();
  const insert = db.prepare(
    'insert into predictions (id, seq, time, model, version, source, latency_ms, inputs, outputs) ' +
      'values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing',
  );
  const upsertFeedback = db.prepare(
    'insert into prediction_feedback (prediction_id, value, time) values (?, ?, ?) ' +
      'on conflict (prediction_id) do update set value = excluded.value, time = excluded.time',
  );
  const write = db.transaction((lines: readonly string[], feedback: readonly FeedbackRow[]) => {
    let inserted = 0;
    if (lines.length > 0) {
      let seq = Number(top.get() ?? 0);
      for (const line of lines) {
        const r = decodeLine(line);
        inserted += insert.run(
          r.id,
          ++seq,
          r.time,
          r.model,
          r.version,
          r.source,
          r.latency_ms,
          r.inputs,
          r.outputs,
        ).changes;
      }
    }
    for (const fb of feedback) upsertFeedback.run(fb.prediction_id, fb.value, fb.time);
    return inserted;
  });
  return (lines, feedback) =>
    lines.length === 0 && feedback.length === 0 ? 0 : write.immediate(lines, feedback);
}

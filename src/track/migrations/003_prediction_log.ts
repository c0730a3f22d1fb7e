/**
 * The prediction log: one row per served or batch-scored prediction, and ground truth attached
 * later by prediction id. Portable DDL only, like 001: application-made text ids, `bigint` times,
 * JSON kept as text (PostgreSQL could move it to jsonb in a later migration).
 */
import type { Kysely } from 'kysely';
import type { Migration } from './migration.js';

export const predictionLog: Migration = {
  name: '003_prediction_log',
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('predictions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('seq', 'bigint', (c) => c.notNull().unique())
      .addColumn('time', 'bigint', (c) => c.notNull())
      .addColumn('model', 'text', (c) => c.notNull())
      .addColumn('version', 'bigint')
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('inputs', 'text', (c) => c.notNull())
      .addColumn('outputs', 'text', (c) => c.notNull())
      .addColumn('latency_ms', 'double precision', (c) => c.notNull())
      .execute();
    // the monitor's windows: one model's traffic between two times
    await db.schema
      .createIndex('predictions_model_time')
      .on('predictions')
      .columns(['model', 'time'])
      .execute();

    // no foreign key: feedback is checked against the log when it is added, and the log may be
    // trimmed later without touching the ground truth
    await db.schema
      .createTable('prediction_feedback')
      .addColumn('prediction_id', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('time', 'bigint', (c) => c.notNull())
      .execute();
  },
};

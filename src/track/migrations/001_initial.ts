/**
 * Experiments, runs, params, tags, metrics (every point and the latest per key) and artifact
 * references. Only portable DDL: text ids made by the application (no autoincrement, whose syntax
 * differs between engines), `bigint` epoch-ms times, `double precision` values.
 */
import type { Kysely } from 'kysely';
import type { Migration } from './migration.js';

export const initial: Migration = {
  name: '001_initial',
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('experiments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('runs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('experiment_id', 'text', (c) => c.notNull().references('experiments.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('start_time', 'bigint', (c) => c.notNull())
      .addColumn('end_time', 'bigint')
      .addColumn('parent_run_id', 'text', (c) => c.references('runs.id'))
      .addColumn('data_fingerprint', 'text')
      .addColumn('git_commit', 'text')
      .execute();
    await db.schema
      .createIndex('runs_experiment_start')
      .on('runs')
      .columns(['experiment_id', 'start_time'])
      .execute();
    await db.schema.createIndex('runs_parent').on('runs').column('parent_run_id').execute();

    for (const table of ['params', 'tags']) {
      await db.schema
        .createTable(table)
        .addColumn('run_id', 'text', (c) => c.notNull().references('runs.id'))
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint(`${table}_pk`, ['run_id', 'key'])
        .execute();
    }

    // every point; no primary key, since the same (key, step, timestamp) may be logged twice
    await db.schema
      .createTable('metrics')
      .addColumn('run_id', 'text', (c) => c.notNull().references('runs.id'))
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('value', 'double precision')
      .addColumn('step', 'bigint', (c) => c.notNull())
      .addColumn('timestamp', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('metrics_run_key_step')
      .on('metrics')
      .columns(['run_id', 'key', 'step'])
      .execute();

    await db.schema
      .createTable('latest_metrics')
      .addColumn('run_id', 'text', (c) => c.notNull().references('runs.id'))
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('value', 'double precision')
      .addColumn('step', 'bigint', (c) => c.notNull())
      .addColumn('timestamp', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('latest_metrics_pk', ['run_id', 'key'])
      .execute();

    await db.schema
      .createTable('artifacts')
      .addColumn('run_id', 'text', (c) => c.notNull().references('runs.id'))
      .addColumn('path', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('sha256', 'text')
      .addPrimaryKeyConstraint('artifacts_pk', ['run_id', 'path'])
      .execute();
  },
};

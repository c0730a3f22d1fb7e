/**
 * The model registry: registered models, their numbered versions (with tags and the metrics copied
 * at registration) and aliases. Portable DDL only, like 001. `latest_version` on the model row is
 * the version counter: registering bumps it with one `update ... returning`, which serializes two
 * writers on the row (SQLite's write lock, PostgreSQL's row lock), so versions never collide.
 */
import type { Kysely } from 'kysely';
import type { Migration } from './migration.js';

export const registry: Migration = {
  name: '002_registry',
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('registered_models')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('description', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addColumn('latest_version', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('model_versions')
      .addColumn('name', 'text', (c) => c.notNull().references('registered_models.name'))
      .addColumn('version', 'bigint', (c) => c.notNull())
      .addColumn('run_id', 'text', (c) => c.references('runs.id'))
      // absolute, or relative to the store's folder when inside it (see KyselyStore)
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('model_versions_pk', ['name', 'version'])
      .execute();
    await db.schema.createIndex('model_versions_run').on('model_versions').column('run_id').execute();

    // tags (text) and metrics (NULL is NaN, as in `metrics`) of a version, one row per key
    for (const [table, type] of [
      ['model_version_tags', 'text'],
      ['model_version_metrics', 'double precision'],
    ] as const) {
      await db.schema
        .createTable(table)
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('version', 'bigint', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('value', type, (c) => (type === 'text' ? c.notNull() : c))
        .addPrimaryKeyConstraint(`${table}_pk`, ['name', 'version', 'key'])
        .addForeignKeyConstraint(`${table}_version`, ['name', 'version'], 'model_versions', [
          'name',
          'version',
        ])
        .execute();
    }

    // one row per (model, alias): moving an alias is one upsert, so it never points at two versions
    await db.schema
      .createTable('model_aliases')
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('alias', 'text', (c) => c.notNull())
      .addColumn('version', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('model_aliases_pk', ['name', 'alias'])
      .addForeignKeyConstraint('model_aliases_version', ['name', 'version'], 'model_versions', [
        'name',
        'version',
      ])
      .execute();
  },
};

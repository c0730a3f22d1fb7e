/**
 * The registry half of the Kysely store: registered models, versions and aliases, in portable SQL.
 * Two writes carry the guarantees the contract promises:
 *  - a new version number comes from `update registered_models set latest_version =
 *    latest_version + 1 ... returning`, which serializes concurrent registrations on the model's
 *    row (SQLite's write lock, PostgreSQL's row lock), so two processes never get the same number;
 *  - an alias moves with one upsert on its (model, alias) row, so it is never absent and never
 *    points at two versions.
 */
import type { Kysely, Transaction } from 'kysely';
import { InputError } from '../../util/errors.js';
import type { ModelVersion, RegisteredModel } from '../registry-entities.js';
import {
  checkAliasName,
  checkDescription,
  checkModelName,
  checkRegistration,
  checkVersionNumber,
} from '../registry-validate.js';
import type { AliasMove, RegisterVersionInput } from '../store.js';
import { toModelVersions, toRegisteredModel } from './registry-rows.js';
import { toStoredSource } from './registry-source.js';
import { metricValueToColumn, toNumber } from './rows.js';
import type { TrackDatabase } from './tables.js';
import { chunks } from './write-batch.js';

type Db = Kysely<TrackDatabase> | Transaction<TrackDatabase>;

export interface RegistryContext {
  readonly db: Kysely<TrackDatabase>;
  /** Where the store is, for messages. */
  readonly location: string;
  /** The store's folder, against which sources inside it are kept relative; none for in-memory. */
  readonly folder?: string;
  /** A full run id from an id or unique prefix (InputError otherwise). */
  readonly resolveRunId: (idOrPrefix: string) => Promise<string>;
}

export class KyselyRegistry {
  constructor(private readonly ctx: RegistryContext) {}

  async registerModelVersion(input: RegisterVersionInput): Promise<ModelVersion> {
    const r = checkRegistration(input);
    const runId = r.runId === undefined ? null : await this.ctx.resolveRunId(r.runId);
    const now = Date.now();
    const version = await this.ctx.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('registered_models')
        .values({ name: r.name, description: null, created_at: now, updated_at: now, latest_version: 0 })
        .onConflict((oc) => oc.column('name').doNothing())
        .execute();
      const bumped = await trx
        .updateTable('registered_models')
        .set((eb) => ({ latest_version: eb('latest_version', '+', 1), updated_at: now }))
        .where('name', '=', r.name)
        .returning('latest_version')
        .executeTakeFirstOrThrow();
      const v = toNumber(bumped.latest_version);
      await trx
        .insertInto('model_versions')
        .values({
          name: r.name,
          version: v,
          run_id: runId,
          source: toStoredSource(this.ctx.folder, r.source),
          description: r.description,
          created_at: now,
        })
        .execute();
      for (const part of chunks(r.tags))
        await trx
          .insertInto('model_version_tags')
          .values(part.map(([key, value]) => ({ name: r.name, version: v, key, value })))
          .execute();
      for (const part of chunks(r.metrics))
        await trx
          .insertInto('model_version_metrics')
          .values(
            part.map(([key, value]) => ({
              name: r.name,
              version: v,
              key,
              value: metricValueToColumn(value),
            })),
          )
          .execute();
      return v;
    });
    return this.getModelVersion(r.name, version);
  }

  async getRegisteredModel(name: string): Promise<RegisteredModel> {
    checkModelName(name);
    const row = await this.ctx.db
      .selectFrom('registered_models')
      .selectAll()
      .where('name', '=', name)
      .executeTakeFirst();
    if (!row) throw await this.#modelNotFound(name);
    const aliases = await this.ctx.db
      .selectFrom('model_aliases')
      .selectAll()
      .where('name', '=', name)
      .execute();
    return toRegisteredModel(row, aliases);
  }

  async listRegisteredModels(): Promise<RegisteredModel[]> {
    const rows = await this.ctx.db.selectFrom('registered_models').selectAll().orderBy('name').execute();
    const aliases = await this.ctx.db.selectFrom('model_aliases').selectAll().execute();
    return rows.map((r) => toRegisteredModel(r, aliases));
  }

  async updateRegisteredModel(
    name: string,
    patch: { readonly description: string | null },
  ): Promise<RegisteredModel> {
    checkModelName(name);
    const description = checkDescription(patch?.description, 'description');
    const res = await this.ctx.db
      .updateTable('registered_models')
      .set({ description, updated_at: Date.now() })
      .where('name', '=', name)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw await this.#modelNotFound(name);
    return this.getRegisteredModel(name);
  }

  async getModelVersion(name: string, version: number): Promise<ModelVersion> {
    checkModelName(name);
    checkVersionNumber(version);
    const [found] = await this.#versions(this.ctx.db, name, version);
    if (!found) throw await this.#versionNotFound(name, version);
    return found;
  }

  async listModelVersions(name: string): Promise<ModelVersion[]> {
    await this.getRegisteredModel(name);
    return this.#versions(this.ctx.db, name);
  }

  async setAlias(name: string, alias: string, version: number): Promise<AliasMove> {
    checkModelName(name);
    checkAliasName(alias);
    checkVersionNumber(version);
    const now = Date.now();
    return this.ctx.db.transaction().execute(async (trx) => {
      const exists = await trx
        .selectFrom('model_versions')
        .select('version')
        .where('name', '=', name)
        .where('version', '=', version)
        .executeTakeFirst();
      if (!exists) throw await this.#versionNotFound(name, version, trx);
      const before = await trx
        .selectFrom('model_aliases')
        .select('version')
        .where('name', '=', name)
        .where('alias', '=', alias)
        .executeTakeFirst();
      await trx
        .insertInto('model_aliases')
        .values({ name, alias, version, updated_at: now })
        .onConflict((oc) =>
          oc.columns(['name', 'alias']).doUpdateSet((eb) => ({
            version: eb.ref('excluded.version'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute();
      await trx.updateTable('registered_models').set({ updated_at: now }).where('name', '=', name).execute();
      return { name, alias, version, previous: before ? toNumber(before.version) : null };
    });
  }

  async deleteAlias(name: string, alias: string): Promise<void> {
    checkModelName(name);
    checkAliasName(alias);
    const res = await this.ctx.db
      .deleteFrom('model_aliases')
      .where('name', '=', name)
      .where('alias', '=', alias)
      .executeTakeFirst();
    if (Number(res.numDeletedRows) === 0) throw await this.#aliasNotFound(name, alias);
    await this.ctx.db
      .updateTable('registered_models')
      .set({ updated_at: Date.now() })
      .where('name', '=', name)
      .execute();
  }

  async getVersionByAlias(name: string, alias: string): Promise<ModelVersion> {
    checkModelName(name);
    checkAliasName(alias);
    const row = await this.ctx.db
      .selectFrom('model_aliases')
      .select('version')
      .where('name', '=', name)
      .where('alias', '=', alias)
      .executeTakeFirst();
    if (!row) throw await this.#aliasNotFound(name, alias);
    // the alias may move between the two reads: either version is a right answer
    return this.getModelVersion(name, toNumber(row.version));
  }

  // ---- helpers

  /** The versions of one model (or the one asked for), with their tags, metrics and aliases. */
  async #versions(db: Db, name: string, version?: number): Promise<ModelVersion[]> {
    let rows = db.selectFrom('model_versions').selectAll().where('name', '=', name);
    let tags = db.selectFrom('model_version_tags').selectAll().where('name', '=', name);
    let metrics = db.selectFrom('model_version_metrics').selectAll().where('name', '=', name);
    let aliases = db.selectFrom('model_aliases').selectAll().where('name', '=', name);
    if (version !== undefined) {
      rows = rows.where('version', '=', version);
      tags = tags.where('version', '=', version);
      metrics = metrics.where('version', '=', version);
      aliases = aliases.where('version', '=', version);
    }
    const found = await rows.orderBy('version').execute();
    if (found.length === 0) return [];
    return toModelVersions(
      found,
      { tags: await tags.execute(), metrics: await metrics.execute(), aliases: await aliases.execute() },
      this.ctx.folder,
    );
  }

  async #modelNotFound(name: string, db: Db = this.ctx.db): Promise<InputError> {
    const names = (
      await db.selectFrom('registered_models').select('name').orderBy('name').limit(11).execute()
    ).map((r) => r.name);
    const known =
      names.length === 0
        ? 'no models are registered yet'
        : `registered: ${names.slice(0, 10).join(', ')}${names.length > 10 ? ', ...' : ''}`;
    return new InputError('not_found', `no registered model '${name}' in ${this.ctx.location} (${known})`, {
      field: 'name',
      model: name,
    });
  }

  async #versionNotFound(name: string, version: number, db: Db = this.ctx.db): Promise<InputError> {
    const model = await db
      .selectFrom('registered_models')
      .select('latest_version')
      .where('name', '=', name)
      .executeTakeFirst();
    if (!model) return this.#modelNotFound(name, db);
    return new InputError(
      'not_found',
      `model '${name}' has no version ${version} (its versions run from 1 to ${toNumber(model.latest_version)})`,
      { field: 'version', model: name, version },
    );
  }

  async #aliasNotFound(name: string, alias: string): Promise<InputError> {
    const model = await this.getRegisteredModel(name); // throws for an unknown model
    const list = Object.entries(model.aliases).map(([a, v]) => `${a} -> ${v}`);
    return new InputError(
      'not_found',
      `model '${name}' has no alias '${alias}' (${list.length ? `aliases: ${list.join(', ')}` : 'it has no aliases yet'})`,
      { field: 'alias', model: name, alias },
    );
  }
}

/**
 * The one Store implementation, on Kysely: the same queries serve SQLite now and PostgreSQL later.
 * What differs between engines lives in the dialect handed in (see sqlite-dialect.ts), never in a
 * branch here.
 */
import type { Kysely, Transaction } from 'kysely';
import { describeValue, InputError } from '../../util/errors.js';
import {
  type Experiment,
  type MetricPoint,
  type Run,
  type RunStatus,
  TERMINAL_STATUSES,
} from '../entities.js';
import { ID_PATTERN, ID_PREFIX_PATTERN, newId } from '../ids.js';
import type { ModelVersion, RegisteredModel } from '../registry-entities.js';
import {
  type AliasMove,
  type CreateRunInput,
  type ExperimentRef,
  type ListRunsQuery,
  type LogBatch,
  type RegisterVersionInput,
  StoreBase,
} from '../store.js';
import { checkBatch, checkListQuery, checkName } from '../validate.js';
import { type MigrateOptions, migrate } from './migrate.js';
import { loadRuns, queryRuns, runsByPrefix } from './read-runs.js';
import { KyselyRegistry } from './registry.js';
import { toExperiment, toMetricPoint } from './rows.js';
import type { RunsTable, TrackDatabase } from './tables.js';
import { writeBatch } from './write-batch.js';

export class KyselyStore extends StoreBase {
  readonly #db: Kysely<TrackDatabase>;
  /** Where the store is (a path, or a URI without its password), for messages. */
  readonly location: string;

  readonly #registry: KyselyRegistry;

  private constructor(db: Kysely<TrackDatabase>, location: string, folder: string | undefined) {
    super();
    this.#db = db;
    this.location = location;
    this.#registry = new KyselyRegistry({
      db,
      location,
      folder,
      resolveRunId: async (id) => (await this.getRun(id)).id,
    });
  }

  /**
   * Migrates the database to this version's schema (refusing a newer one) and wraps it. `folder`:
   * the store's own folder (SQLite: the database file's), against which registered model sources
   * inside it are kept relative (see registry-source.ts).
   */
  static async open(
    db: Kysely<TrackDatabase>,
    opts: MigrateOptions & { readonly folder?: string },
  ): Promise<KyselyStore> {
    try {
      await migrate(db, opts);
    } catch (e) {
      await db.destroy();
      throw e;
    }
    return new KyselyStore(db, opts.location, opts.folder);
  }

  // ---- experiments

  async createExperiment(name: string): Promise<Experiment> {
    checkName('experiment', name);
    const row = { id: newId(), name, created_at: Date.now() };
    const res = await this.#db
      .insertInto('experiments')
      .values(row)
      .onConflict((oc) => oc.column('name').doNothing())
      .executeTakeFirst();
    if (Number(res.numInsertedOrUpdatedRows ?? 0n) === 0)
      throw new InputError('exists', `experiment '${name}' already exists in ${this.location}`, {
        field: 'experiment',
        name,
      });
    return toExperiment(row);
  }

  async getExperimentByName(name: string): Promise<Experiment | null> {
    const row = await this.#db
      .selectFrom('experiments')
      .selectAll()
      .where('name', '=', name)
      .executeTakeFirst();
    return row ? toExperiment(row) : null;
  }

  async getOrCreateExperiment(name: string): Promise<Experiment> {
    checkName('experiment', name);
    // insert-or-ignore then read: two processes racing both end up with the one row
    await this.#db
      .insertInto('experiments')
      .values({ id: newId(), name, created_at: Date.now() })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
    return (await this.getExperimentByName(name))!;
  }

  async listExperiments(): Promise<Experiment[]> {
    const rows = await this.#db
      .selectFrom('experiments')
      .selectAll()
      .orderBy('created_at')
      .orderBy('name')
      .execute();
    return rows.map(toExperiment);
  }

  // ---- runs: writes

  async createRun(input: CreateRunInput): Promise<Run> {
    if (input === null || typeof input !== 'object')
      throw new InputError(
        'invalid_value',
        `createRun expects {experiment, ...}, got ${describeValue(input)}`,
      );
    const experimentId =
      typeof input.experiment === 'string'
        ? (await this.getOrCreateExperiment(input.experiment)).id
        : await this.#experimentId(input.experiment);
    const id = newId();
    const name = input.name === undefined ? `run-${id.slice(0, 8)}` : checkName('name', input.name);
    const parentRunId = input.parentRunId === undefined ? null : (await this.getRun(input.parentRunId)).id;
    const batch = checkBatch({ params: input.params, tags: input.tags }, Date.now());
    const row: RunsTable = {
      id,
      experiment_id: experimentId,
      name,
      status: 'running',
      start_time: Date.now(),
      end_time: null,
      parent_run_id: parentRunId,
      data_fingerprint: optionalText('dataFingerprint', input.dataFingerprint),
      git_commit: optionalText('gitCommit', input.gitCommit),
    };
    await this.#db.transaction().execute(async (trx) => {
      await trx.insertInto('runs').values(row).execute();
      await writeBatch(trx, id, batch);
    });
    return this.getRun(id);
  }

  async logBatch(runId: string, batch: LogBatch): Promise<void> {
    const checked = checkBatch(batch, Date.now());
    await this.#db.transaction().execute(async (trx) => {
      await requireRun(trx, runId);
      await writeBatch(trx, runId, checked);
    });
  }

  async endRun(runId: string, status: Exclude<RunStatus, 'running'>): Promise<Run> {
    if (!TERMINAL_STATUSES.includes(status))
      throw new InputError(
        'invalid_value',
        `status must be one of ${TERMINAL_STATUSES.join(', ')} to end a run, got ${describeValue(status)}`,
        { field: 'status' },
      );
    const res = await this.#db
      .updateTable('runs')
      .set({ status, end_time: Date.now() })
      .where('id', '=', runId)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw runNotFound(runId);
    return this.getRun(runId);
  }

  // ---- runs: reads

  async getRun(idOrPrefix: string): Promise<Run> {
    const prefix = typeof idOrPrefix === 'string' ? idOrPrefix.trim().toLowerCase() : '';
    if (!ID_PREFIX_PATTERN.test(prefix)) throw runNotFound(idOrPrefix);
    const rows = await runsByPrefix(this.#db, prefix, 6);
    if (rows.length === 0) throw runNotFound(idOrPrefix);
    if (rows.length > 1)
      throw new InputError(
        'ambiguous_id',
        `run id prefix '${idOrPrefix}' is ambiguous: it matches ${rows
          .slice(0, 5)
          .map((r) => r.id)
          .join(', ')}${rows.length > 5 ? ', ...' : ''}; give more characters`,
        { field: 'runId', runId: idOrPrefix },
      );
    return (await loadRuns(this.#db, rows))[0];
  }

  async listRuns(query: ListRunsQuery = {}): Promise<Run[]> {
    const { limit, statuses, order } = checkListQuery(query);
    const experimentId =
      query.experiment === undefined ? undefined : await this.#experimentId(query.experiment);
    const parentId = query.parentRunId === undefined ? undefined : (await this.getRun(query.parentRunId)).id;
    const rows = await queryRuns(this.#db, {
      experimentId,
      statuses,
      parentId,
      order,
      limit,
    });
    return loadRuns(this.#db, rows);
  }

  async getMetricHistory(runId: string, key: string): Promise<MetricPoint[]> {
    await requireRun(this.#db, runId);
    const rows = await this.#db
      .selectFrom('metrics')
      .select(['key', 'value', 'step', 'timestamp'])
      .where('run_id', '=', runId)
      .where('key', '=', key)
      .orderBy('step')
      .orderBy('timestamp')
      .execute();
    return rows.map(toMetricPoint);
  }

  async close(): Promise<void> {
    await this.#db.destroy();
  }

  // ---- model registry (kysely-store/registry.ts)

  registerModelVersion(input: RegisterVersionInput): Promise<ModelVersion> {
    return this.#registry.registerModelVersion(input);
  }
  getRegisteredModel(name: string): Promise<RegisteredModel> {
    return this.#registry.getRegisteredModel(name);
  }
  listRegisteredModels(): Promise<RegisteredModel[]> {
    return this.#registry.listRegisteredModels();
  }
  updateRegisteredModel(name: string, patch: { readonly description: string | null }) {
    return this.#registry.updateRegisteredModel(name, patch);
  }
  getModelVersion(name: string, version: number): Promise<ModelVersion> {
    return this.#registry.getModelVersion(name, version);
  }
  listModelVersions(name: string): Promise<ModelVersion[]> {
    return this.#registry.listModelVersions(name);
  }
  setAlias(name: string, alias: string, version: number): Promise<AliasMove> {
    return this.#registry.setAlias(name, alias, version);
  }
  deleteAlias(name: string, alias: string): Promise<void> {
    return this.#registry.deleteAlias(name, alias);
  }
  getVersionByAlias(name: string, alias: string): Promise<ModelVersion> {
    return this.#registry.getVersionByAlias(name, alias);
  }

  // ---- helpers

  async #experimentId(ref: ExperimentRef): Promise<string> {
    if (typeof ref === 'string') {
      const e = await this.getExperimentByName(ref);
      if (!e)
        throw new InputError('not_found', `no experiment named '${ref}' in ${this.location}`, {
          field: 'experiment',
          name: ref,
        });
      return e.id;
    }
    const id = ref?.id;
    const row =
      typeof id === 'string'
        ? await this.#db.selectFrom('experiments').select('id').where('id', '=', id).executeTakeFirst()
        : undefined;
    if (!row)
      throw new InputError('not_found', `no experiment with id ${describeValue(id)} in ${this.location}`, {
        field: 'experiment',
      });
    return row.id;
  }
}

function runNotFound(runId: unknown): InputError {
  const hint =
    typeof runId === 'string' && ID_PATTERN.test(runId)
      ? ''
      : ' (run ids are 32 hex characters, or a unique prefix)';
  return new InputError('not_found', `no run ${describeValue(runId)} in this store${hint}`, {
    field: 'runId',
    runId,
  });
}

async function requireRun(
  db: Kysely<TrackDatabase> | Transaction<TrackDatabase>,
  runId: string,
): Promise<void> {
  const row =
    typeof runId === 'string'
      ? await db.selectFrom('runs').select('id').where('id', '=', runId).executeTakeFirst()
      : undefined;
  if (!row) throw runNotFound(runId);
}

function optionalText(field: string, v: string | null | undefined): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string' || v.length === 0 || v.length > 1000)
    throw new InputError('invalid_value', `${field} must be a non-empty string, got ${describeValue(v)}`, {
      field,
    });
  return v;
}

/**
 * SQLite for a store that several processes write at once (a training run, a tuning worker, the
 * dashboard): WAL journal so that readers never block the writer, a busy timeout so that a writer
 * waits its turn instead of failing, and write transactions begun IMMEDIATE. The last matters: a
 * plain (deferred) BEGIN that reads before it writes fails at once with SQLITE_BUSY when another
 * process committed in between, whatever the timeout; IMMEDIATE takes the write lock up front,
 * waiting under the busy timeout. Node-only (better-sqlite3).
 */
import Database from 'better-sqlite3';
import { CompiledQuery, type DatabaseConnection, type Driver, SqliteDialect, SqliteDriver } from 'kysely';

export interface SqliteOptions {
  /** How long a write waits for another process's transaction, in ms (default 15000). */
  readonly busyTimeoutMs?: number;
}

export const DEFAULT_BUSY_TIMEOUT_MS = 15_000;

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #database: Database.Database;
  constructor(database: Database.Database) {
    super({ database });
    this.#database = database;
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver({ database: this.#database });
  }
}

/** Opens (creating if missing) a SQLite file set up for concurrent writers; ':memory:' also works. */
export function sqliteDialect(file: string, opts: SqliteOptions = {}): SqliteDialect {
  const db = new Database(file, { timeout: opts.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
  } catch (e) {
    db.close();
    throw e;
  }
  return new ImmediateSqliteDialect(db);
}

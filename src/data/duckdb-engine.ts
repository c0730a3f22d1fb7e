import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';

/**
 * One in-memory DuckDB instance per process, shared by every load, scan and write; each call gets its
 * own connection (cheap) so that temp tables and streaming results never meet. DuckDB runs its own
 * thread pool (one thread per core by default), which is what makes CSV parsing parallel.
 */
let instance: Promise<DuckDBInstance> | undefined;

function engine(): Promise<DuckDBInstance> {
  instance ??= DuckDBInstance.create(':memory:');
  return instance;
}

/** Opens a connection with the session settings Cairn relies on. Close it with `closeSync()`. */
export async function openConnection(): Promise<DuckDBConnection> {
  const con = await (await engine()).connect();
  // Strings without an offset are UTC, whatever the machine's zone, so epoch ms never shift.
  await con.run("SET TimeZone = 'UTC'");
  return con;
}

/** Runs `fn` on a fresh connection and closes it afterwards, whatever happens. */
export async function withConnection<T>(fn: (con: DuckDBConnection) => Promise<T>): Promise<T> {
  const con = await openConnection();
  try {
    return await fn(con);
  } finally {
    con.closeSync();
  }
}

/** Closes the shared instance (tests and scripts that want a clean exit); the next call opens a new one. */
export async function closeDataEngine(): Promise<void> {
  const current = instance;
  instance = undefined;
  if (current) (await current).closeSync();
}

/** Names that cannot clash between concurrent loads in one process (temp tables, types). */
let counter = 0;
export function uniqueName(prefix: string): string {
  counter += 1;
  return `${prefix}_${process.pid}_${counter}`;
}

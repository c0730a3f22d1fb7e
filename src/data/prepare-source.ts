import type { DuckDBConnection } from '@duckdb/node-api';
import { InputError } from '../util/errors.js';
import { csvTypeForKind } from './column-plan.js';
import { normalizedColumn, type TypeClass, typeClass } from './duck-types.js';
import { sniffedTypeBroken, translateDuckDBError } from './duckdb-errors.js';
import type { ColumnKind } from './frame.js';
import type { LoadOptions } from './load-options.js';
import { KINDS_METADATA_KEY } from './parquet-out.js';
import { type FrameSource, type ResolvedSource, resolveSource, sourceLabel } from './source-sql.js';
import { quoteString } from './sql-text.js';

/** A source column as DuckDB describes it, and the class Cairn reads it as. */
export interface SourceColumn {
  readonly name: string;
  readonly duckType: string;
  readonly cls: TypeClass;
}

/** A source ready to select from: `base` yields the selected columns, normalized to their class. */
export interface PreparedSource {
  readonly src: ResolvedSource;
  readonly columns: readonly SourceColumn[];
  /** `(SELECT <selected, normalized> FROM <source> [LIMIT n])`. */
  readonly base: string;
  /** Kinds given for selected columns: the options', over those a Cairn-written Parquet file records. */
  readonly kinds: Readonly<Record<string, ColumnKind>>;
}

/** The kinds a Parquet file written by `openFrameWriter` records in its metadata (none for others). */
async function storedKinds(con: DuckDBConnection, src: ResolvedSource): Promise<Record<string, ColumnKind>> {
  if (src.format !== 'parquet' || !src.file) return {};
  const rows = (
    await con.runAndReadAll(
      `SELECT decode(value) FROM parquet_kv_metadata(${quoteString(src.file)}) WHERE decode(key) = ${quoteString(KINDS_METADATA_KEY)}`,
    )
  ).getRows();
  if (rows.length === 0) return {};
  try {
    return JSON.parse(String(rows[0][0])) as Record<string, ColumnKind>;
  } catch {
    return {};
  }
}

async function describe(con: DuckDBConnection, relation: string): Promise<SourceColumn[]> {
  const rows = (await con.runAndReadAll(`DESCRIBE SELECT * FROM ${relation}`)).getRows();
  return rows.map(([name, duckType]) => ({
    name: String(name),
    duckType: String(duckType),
    cls: typeClass(String(duckType)),
  }));
}

/**
 * Parses and binds a user's query on its own first, so that a syntax or name error quotes the
 * user's text (not the DESCRIBE wrapped around it) and a script of several statements is refused.
 */
async function checkQuery(con: DuckDBConnection, sql: string): Promise<void> {
  const statements = await con.extractStatements(sql);
  if (statements.count !== 1)
    throw new InputError('sql_error', `query: give one SELECT statement, got ${statements.count}`, {
      field: 'sql',
    });
  const prepared = await statements.prepare(0);
  prepared.destroySync();
}

function checkNames(known: readonly SourceColumn[], options: LoadOptions, src: ResolvedSource): void {
  const names = new Set(known.map((c) => c.name));
  const where = sourceLabel(src);
  const list = () => {
    const all = known.map((c) => c.name);
    return all.length > 20 ? `${all.slice(0, 20).join(', ')}, ...` : all.join(', ');
  };
  for (const [field, wanted] of [
    ['columns', options.columns ?? []],
    ['kinds', Object.keys(options.kinds ?? {})],
  ] as const)
    for (const name of wanted)
      if (!names.has(name))
        throw new InputError(
          'unknown_column',
          `${where}: ${field} names '${name}', which is not a column (columns: ${list()})`,
          {
            ...(src.file ? { file: src.file } : {}),
            column: name,
            field,
          },
        );
}

/**
 * Resolves and describes a source, checks the column names the options mention, and, for CSV,
 * re-reads with the kinds given as column types so that DuckDB's reader checks every value (and
 * names its line). `forced` holds columns already known to need reading as text.
 */
export async function prepareSource(
  con: DuckDBConnection,
  source: FrameSource,
  options: LoadOptions,
  forced: ReadonlyMap<string, string>,
): Promise<PreparedSource> {
  let src = await resolveSource(source, options, forced);
  if (src.sql !== undefined) await checkQuery(con, src.sql);
  let columns = await describe(con, src.relation);
  checkNames(columns, options, src);
  const kinds = Object.entries(options.kinds ?? {});
  if ((src.format === 'csv' || src.format === 'tsv') && kinds.length > 0) {
    const types = new Map(forced);
    for (const [name, kind] of kinds) {
      const type = csvTypeForKind(kind);
      if (type) types.set(name, type);
    }
    src = await resolveSource(source, options, types);
    columns = await describe(con, src.relation);
  }
  const byName = new Map(columns.map((c) => [c.name, c]));
  const selected = options.columns ? options.columns.map((n) => byName.get(n) as SourceColumn) : columns;
  const stored = await storedKinds(con, src);
  const merged: Record<string, ColumnKind> = {};
  for (const c of selected) {
    const kind = options.kinds?.[c.name] ?? stored[c.name];
    if (kind !== undefined) merged[c.name] = kind;
  }
  const items = selected.map((c) => normalizedColumn(c.name, c.duckType));
  const limit = options.limit !== undefined ? ` LIMIT ${options.limit}` : '';
  return {
    src,
    columns: selected.map((c) => (c.cls === 'string' ? { ...c, duckType: 'VARCHAR' } : c)),
    base: `(SELECT ${items.length > 0 ? items.join(', ') : '*'} FROM ${src.relation}${limit})`,
    kinds: merged,
  };
}

/**
 * Runs `read` over the prepared source, translating DuckDB's errors into InputErrors. When DuckDB's
 * CSV sniffer typed a column from its sample and a later value breaks that type, the read starts
 * again with that column read as text (as pandas would give it an object dtype).
 */
export async function readPrepared<T>(
  con: DuckDBConnection,
  source: FrameSource,
  options: LoadOptions,
  read: (prepared: PreparedSource) => Promise<T>,
): Promise<T> {
  const forced = new Map<string, string>();
  for (;;) {
    let prepared: PreparedSource | undefined;
    try {
      prepared = await prepareSource(con, source, options, forced);
      return await read(prepared);
    } catch (e) {
      const broken = prepared?.src.delimiter !== undefined ? sniffedTypeBroken(e) : undefined;
      if (broken !== undefined && !forced.has(broken) && !(broken in (prepared?.kinds ?? {}))) {
        forced.set(broken, 'VARCHAR');
        continue;
      }
      if (e instanceof InputError) throw e;
      const src = prepared?.src ?? (await resolveSource(source, options).catch(() => undefined));
      throw src ? await translateDuckDBError(e, src, prepared?.kinds ?? options.kinds) : e;
    }
  }
}

import { withConnection } from './duckdb-engine.js';
import type { ColumnKind } from './frame.js';
import { quoteIdent, quoteString, typeStruct } from './sql-text.js';

/** The Parquet key-value metadata entry that records each column's kind, so a reload keeps it. */
export const KINDS_METADATA_KEY = 'cairn.kinds';

const STAGED_TYPE: Record<ColumnKind, string> = {
  number: 'DOUBLE',
  category: 'VARCHAR',
  boolean: 'BOOLEAN',
  datetime: 'TIMESTAMPTZ',
  text: 'VARCHAR',
};

/**
 * Converts the CSV that a Parquet writer staged (written by `csvRows`, so quoted strings are never
 * missing) into a Parquet file, with the column types fixed from the frames' kinds rather than
 * sniffed. Datetimes become TIMESTAMP (UTC), numbers DOUBLE, categories and text VARCHAR.
 */
export async function convertStagedCsvToParquet(
  staged: string,
  out: string,
  columns: readonly [string, ColumnKind][],
  delimiter: string,
): Promise<void> {
  const types = new Map(columns.map(([n, k]) => [n, STAGED_TYPE[k]]));
  const read = `read_csv(${quoteString(staged)}, auto_detect=false, header=true, delim=${quoteString(delimiter)}, quote='"', escape='"', nullstr='', allow_quoted_nulls=false, columns=${typeStruct(types)})`;
  const select = columns
    .map(([n, k]) =>
      k === 'datetime' ? `CAST(${quoteIdent(n)} AS TIMESTAMP) AS ${quoteIdent(n)}` : quoteIdent(n),
    )
    .join(', ');
  const kinds = JSON.stringify(Object.fromEntries(columns));
  await withConnection(async (con) => {
    await con.run(
      `COPY (SELECT ${select} FROM ${read}) TO ${quoteString(out)} (FORMAT parquet, KV_METADATA {${quoteString(KINDS_METADATA_KEY)}: ${quoteString(kinds)}})`,
    );
  });
}

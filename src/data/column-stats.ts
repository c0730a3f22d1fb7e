import type { DuckDBConnection } from '@duckdb/node-api';
import { type ColumnPlan, categoryLabel } from './column-plan.js';
import { ISO_DATETIME_PATTERN, type StringEvidence } from './infer-kinds.js';
import { quoteIdent, quoteString } from './sql-text.js';

/** The row count of `base` and inference evidence for its string columns, in one scan. */
export async function collectEvidence(
  con: DuckDBConnection,
  base: string,
  stringColumns: readonly string[],
): Promise<{ rows: number; evidence: Map<string, StringEvidence> }> {
  const items = ['CAST(count(*) AS DOUBLE)'];
  for (const name of stringColumns) {
    const c = quoteIdent(name);
    items.push(
      `CAST(count(${c}) AS DOUBLE)`,
      `CAST(count(DISTINCT ${c}) AS DOUBLE)`,
      `CAST(coalesce(max(length(${c})), 0) AS DOUBLE)`,
      `CAST(count(*) FILTER (WHERE lower(${c}) IN ('true', 'false')) AS DOUBLE)`,
      // CASE, not AND: DuckDB would parse every string as a timestamp (slow); CASE parses only ISO-shaped ones.
      `CAST(count(*) FILTER (WHERE CASE WHEN regexp_full_match(${c}, ${quoteString(ISO_DATETIME_PATTERN)}) THEN TRY_CAST(${c} AS TIMESTAMPTZ) IS NOT NULL ELSE false END) AS DOUBLE)`,
    );
  }
  const row = (await con.runAndReadAll(`SELECT ${items.join(', ')} FROM ${base}`)).getRows()[0] as number[];
  const evidence = new Map<string, StringEvidence>();
  stringColumns.forEach((name, i) => {
    const [nonNull, distinct, maxLength, booleanLike, isoLike] = row.slice(1 + 5 * i, 6 + 5 * i);
    evidence.set(name, { nonNull, distinct, maxLength, booleanLike, isoLike });
  });
  return { rows: row[0], evidence };
}

/** Sorted distinct labels of each category column (sorted as `col.category` sorts them), in one scan. */
export async function distinctLabels(
  con: DuckDBConnection,
  base: string,
  plans: readonly ColumnPlan[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (plans.length === 0) return out;
  const items = plans.map(
    (p) => `list(DISTINCT ${categoryLabel(p)}) FILTER (WHERE ${quoteIdent(p.name)} IS NOT NULL)`,
  );
  const row = (await con.runAndReadAll(`SELECT ${items.join(', ')} FROM ${base}`)).getRowsJS()[0];
  plans.forEach((p, i) => {
    out.set(p.name, ((row[i] as string[] | null) ?? []).slice().sort());
  });
  return out;
}

/** The first row of a table (by insertion order) where `predicate` holds, with the column's value as text. */
export async function firstOffendingRow(
  con: DuckDBConnection,
  table: string,
  column: string,
  predicate: string,
): Promise<{ row: number; value: string } | undefined> {
  const sql = `SELECT CAST(rowid AS DOUBLE), CAST(${quoteIdent(column)} AS VARCHAR) FROM ${table} WHERE ${predicate} ORDER BY rowid LIMIT 1`;
  const rows = (await con.runAndReadAll(sql)).getRows();
  if (rows.length === 0) return undefined;
  return { row: rows[0][0] as number, value: rows[0][1] as string };
}

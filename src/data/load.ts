import type { DuckDBConnection } from '@duckdb/node-api';
import { InputError } from '../util/errors.js';
import { chunkColumns } from './chunk-columns.js';
import { badValuePredicate, type ColumnPlan, EXPECTED, valueExpression } from './column-plan.js';
import { collectEvidence, distinctLabels, firstOffendingRow } from './column-stats.js';
import { uniqueName, withConnection } from './duckdb-engine.js';
import { type Column, Frame } from './frame.js';
import { inferKind, type StringEvidence } from './infer-kinds.js';
import { checkLoadOptions, type LoadOptions } from './load-options.js';
import { type PreparedSource, readPrepared } from './prepare-source.js';
import type { FrameSource } from './source-sql.js';
import { sourceLabel } from './source-sql.js';

export type { FrameSource } from './source-sql.js';

/**
 * Loads a CSV/TSV, Parquet, JSON (array of records) or NDJSON file, or the result of a DuckDB query
 * over such files, into a Frame of typed-array columns. Kinds are inferred (see `inferKind`) unless
 * `options.kinds` gives them.
 *
 * A file with no data rows (a header alone, `[]`) is refused: no kind can be inferred from it and
 * no model learns from it. A query that selects no rows gives a 0-row frame.
 *
 * @example
 *   const penguins = await loadFrame('datasets/penguins.csv');
 *   const recent = await loadFrame({ sql: "select * from 'flights.csv' where departure > '2001-03-01'" });
 */
export async function loadFrame(source: FrameSource, options: LoadOptions = {}): Promise<Frame> {
  checkLoadOptions(options);
  return withConnection((con) =>
    readPrepared(con, source, options, (p) => loadPrepared(con, p, options.limit === 0)),
  );
}

async function loadPrepared(con: DuckDBConnection, p: PreparedSource, askedForNone: boolean): Promise<Frame> {
  const overrides = p.kinds;
  const where = sourceLabel(p.src);
  const inferred = p.columns.filter((c) => c.cls === 'string' && !(c.name in overrides));
  // Inference, category dictionaries and override checks each need a pass over the data: parse the
  // file once into a temp table for them. Sources of numbers, booleans and dates skip this.
  const needsTable =
    inferred.length > 0 ||
    p.columns.some((c) => {
      const kind = overrides[c.name];
      return (
        kind === 'category' || (kind !== undefined && badValuePredicate({ ...c, kind }, where) !== undefined)
      );
    });
  const table = needsTable ? uniqueName('cairn_load') : undefined;
  try {
    if (table) await con.run(`CREATE TEMP TABLE ${table} AS SELECT * FROM ${p.base}`);
    const base = table ?? p.base;
    let evidence = new Map<string, StringEvidence>();
    let rows: number | undefined;
    if (table)
      ({ rows, evidence } = await collectEvidence(
        con,
        table,
        inferred.map((c) => c.name),
      ));
    if (rows === 0 && !askedForNone) refuseEmpty(p);
    const plans: ColumnPlan[] = p.columns.map((c) => ({
      ...c,
      kind: overrides[c.name] ?? inferKind(c.cls, evidence.get(c.name)),
    }));
    if (table) await checkOverrides(con, table, plans, overrides, p);
    const categories = await distinctLabels(
      con,
      base,
      plans.filter((pl) => pl.kind === 'category'),
    );
    const select = plans.map((pl, i) => `${valueExpression(pl, categories.get(pl.name))} AS c${i}`);
    const result = await con.run(`SELECT ${select.join(', ')} FROM ${base}`);
    if (result.rowCount === 0 && !askedForNone) refuseEmpty(p);
    const columns = chunkColumns(result, plans);
    return new Frame(
      plans.map((pl, i) => {
        const col = columns[i];
        const cats = categories.get(pl.name);
        return [pl.name, col.kind === 'category' && cats ? { ...col, categories: cats } : col] as [
          string,
          Column,
        ];
      }),
      result.rowCount,
    );
  } finally {
    if (table) await con.run(`DROP TABLE IF EXISTS ${table}`);
  }
}

/** Files must have rows (unless `limit: 0` asked for none); a query may legitimately select none. */
function refuseEmpty(p: PreparedSource): void {
  if (!p.src.file) return;
  throw new InputError(
    'no_rows',
    `${p.src.file}: the file has no data rows${p.src.format === 'csv' || p.src.format === 'tsv' ? ' (only a header)' : ''}`,
    { file: p.src.file },
  );
}

/** Each kind override on a column of another type must fit every value: the first misfit is an error. */
async function checkOverrides(
  con: DuckDBConnection,
  table: string,
  plans: readonly ColumnPlan[],
  overrides: Readonly<Record<string, string>>,
  p: PreparedSource,
): Promise<void> {
  const where = sourceLabel(p.src);
  for (const plan of plans) {
    if (!(plan.name in overrides)) continue;
    const predicate = badValuePredicate(plan, where);
    if (!predicate) continue;
    const bad = await firstOffendingRow(con, table, plan.name, predicate);
    if (!bad) continue;
    const line = p.src.firstLine !== undefined ? bad.row + p.src.firstLine : undefined;
    throw new InputError(
      'bad_value',
      `${line !== undefined ? `${where}:${line}` : `${where} row ${bad.row}`}: column '${plan.name}': ${JSON.stringify(bad.value)} is not ${EXPECTED[plan.kind]}`,
      {
        ...(p.src.file ? { file: p.src.file } : { field: 'sql' }),
        ...(line !== undefined ? { line } : {}),
        row: bad.row,
        column: plan.name,
        value: bad.value,
      },
    );
  }
}

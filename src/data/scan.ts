import type { DuckDBConnection } from '@duckdb/node-api';
import { InputError } from '../util/errors.js';
import { type ColumnSink, columnSink } from './chunk-columns.js';
import { type ColumnPlan, guardedExpression } from './column-plan.js';
import { collectEvidence } from './column-stats.js';
import { openConnection } from './duckdb-engine.js';
import { translateDuckDBError } from './duckdb-errors.js';
import { type Column, type ColumnKind, Frame } from './frame.js';
import { inferKind } from './infer-kinds.js';
import { checkLoadOptions, type LoadOptions } from './load-options.js';
import { type PreparedSource, prepareSource } from './prepare-source.js';
import { type FrameSource, resolveSource, sourceLabel } from './source-sql.js';

export interface ScanOptions extends LoadOptions {
  /** Rows per Frame (the last one may have fewer). Default 65,536. */
  batchRows?: number;
  /** Leading rows read to infer the kinds of text columns that `kinds` leaves out. Default 10,000. */
  inferRows?: number;
}

export const SCAN_DEFAULTS = {
  batchRows: 65_536,
  inferRows: 10_000,
} as const satisfies ScanOptions;

/**
 * Reads a source as a stream of Frames of `batchRows` rows, for scoring data larger than memory:
 * DuckDB streams the file and each batch is copied out and handed over, so memory follows the
 * batch size, not the file size.
 *
 * Every batch has the same columns and kinds. Give `kinds` from the model's schema: then an
 * all-missing batch still has the right kind, and a value that does not fit its kind stops the scan
 * with an InputError (with its line, for CSV). Columns not in `kinds` take their kind from DuckDB's
 * type, and text columns from the first `inferRows` rows. Each category column carries the sorted
 * labels of its own batch as `categories`: consumers remap by label, not by code. A source with no
 * rows yields no frames.
 *
 * @example
 *   for await (const batch of scanFrames('big.csv', { kinds: { city: 'category' } })) score(batch);
 */
export async function* scanFrames(source: FrameSource, options: ScanOptions = {}): AsyncGenerator<Frame> {
  checkLoadOptions(options);
  const batchRows = options.batchRows ?? SCAN_DEFAULTS.batchRows;
  const inferRows = options.inferRows ?? SCAN_DEFAULTS.inferRows;
  for (const [field, v] of [
    ['batchRows', batchRows],
    ['inferRows', inferRows],
  ] as const)
    if (!(Number.isInteger(v) && v >= 1))
      throw new InputError('invalid_option', `${field} must be a whole number >= 1, got ${String(v)}`, {
        field,
      });

  const con = await openConnection();
  let prepared: PreparedSource | undefined;
  let plans: ColumnPlan[] = [];
  try {
    prepared = await prepareSource(con, source, options, new Map());
    plans = await planKinds(con, prepared, inferRows);
    const where = sourceLabel(prepared.src);
    const select = plans.map((p, i) => `${guardedExpression(p, where)} AS c${i}`);
    const result = await con.stream(`SELECT ${select.join(', ')} FROM ${prepared.base}`);
    const sinks = plans.map((p) => columnSink(p.kind, batchRows, true));
    let filled = 0;
    for (;;) {
      const chunk = await result.fetchChunk();
      if (!chunk || chunk.rowCount === 0) break;
      const n = chunk.rowCount;
      let from = 0;
      while (from < n) {
        const take = Math.min(n - from, batchRows - filled);
        for (let i = 0; i < sinks.length; i++) sinks[i].append(chunk, i, take, from);
        from += take;
        filled += take;
        if (filled === batchRows) {
          yield frameOf(plans, sinks, filled);
          filled = 0;
        }
      }
    }
    if (filled > 0) yield frameOf(plans, sinks, filled);
  } catch (e) {
    if (e instanceof InputError) throw e;
    const src = prepared?.src ?? (await resolveSource(source, options).catch(() => undefined));
    const kinds = Object.fromEntries(plans.map((p) => [p.name, p.kind]));
    throw src ? await translateDuckDBError(e, src, kinds) : e;
  } finally {
    con.closeSync();
  }
}

/** Kinds from `options.kinds`, else from DuckDB's type, else (strings) from a leading sample. */
async function planKinds(con: DuckDBConnection, p: PreparedSource, inferRows: number): Promise<ColumnPlan[]> {
  const given: Readonly<Record<string, ColumnKind>> = p.kinds;
  const unknown = p.columns.filter((c) => c.cls === 'string' && !(c.name in given)).map((c) => c.name);
  const { evidence } =
    unknown.length > 0
      ? await collectEvidence(con, `(SELECT * FROM ${p.base} LIMIT ${inferRows})`, unknown)
      : { evidence: new Map() };
  return p.columns.map((c) => ({ ...c, kind: given[c.name] ?? inferKind(c.cls, evidence.get(c.name)) }));
}

function frameOf(plans: readonly ColumnPlan[], sinks: readonly ColumnSink[], rows: number): Frame {
  return new Frame(
    plans.map((p, i) => [p.name, sinks[i].take()] as [string, Column]),
    rows,
  );
}

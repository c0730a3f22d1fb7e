import { stat } from 'node:fs/promises';
import { InputError } from '../util/errors.js';
import {
  checkLoadOptions,
  type DataFormat,
  DEFAULT_NULL_VALUES,
  detectFormat,
  type LoadOptions,
} from './load-options.js';
import { quoteString, stringList, typeStruct } from './sql-text.js';

/** What `loadFrame` and `scanFrames` read: a file path, or a DuckDB query over files. */
export type FrameSource = string | { readonly sql: string };

/** A source turned into a SQL table expression, with what error messages need to know about it. */
export interface ResolvedSource {
  /** The SQL table expression to select from. */
  readonly relation: string;
  /** The user's query, for a query source. */
  readonly sql?: string;
  /** The file path as the user wrote it; undefined for a query. */
  readonly file?: string;
  /** The file format; undefined for a query. */
  readonly format?: DataFormat;
  /** Line of the first data record of a CSV/NDJSON file (row r is on line r + firstLine when records are one line each). */
  readonly firstLine?: number;
  /** The CSV delimiter in effect, for diagnosing unreadable files. */
  readonly delimiter?: string;
}

/** Where errors about a source point: `file` when it is a file, a `field: 'sql'` when it is a query. */
export function sourceLabel(src: Pick<ResolvedSource, 'file'>): string {
  return src.file ?? 'query';
}

/** Refuses a missing path, a directory or an empty (0-byte) file before DuckDB sees it. */
export async function checkReadableFile(path: string): Promise<void> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError('file_not_found', `${path}: no such file`, { file: path });
    throw new InputError('unreadable_file', `${path}: cannot read (${code ?? String(e)})`, { file: path });
  }
  if (!info.isFile()) throw new InputError('not_a_file', `${path}: is not a file`, { file: path });
  if (info.size === 0)
    throw new InputError('empty_file', `${path}: the file is empty (0 bytes)`, { file: path });
}

/**
 * Resolves a source into a DuckDB table expression. `csvTypes` forces DuckDB types for CSV columns
 * (kind overrides and columns retried as text), so that the CSV reader itself reports a bad value
 * with its line number.
 */
export async function resolveSource(
  source: FrameSource,
  options: LoadOptions,
  csvTypes: ReadonlyMap<string, string> = new Map(),
): Promise<ResolvedSource> {
  checkLoadOptions(options);
  if (typeof source !== 'string') {
    if (typeof source?.sql !== 'string' || source.sql.trim() === '')
      throw new InputError('invalid_source', 'a query source needs a non-empty sql string', { field: 'sql' });
    const sql = source.sql.trim().replace(/;\s*$/, '');
    return { relation: `(${sql})`, sql };
  }
  if (source === '') throw new InputError('invalid_source', 'the source path is empty', { field: 'source' });
  await checkReadableFile(source);
  const format = detectFormat(source, options.format);
  const path = quoteString(source);
  switch (format) {
    case 'csv':
    case 'tsv': {
      const delimiter = options.delimiter ?? (format === 'tsv' ? '\t' : ',');
      const header = options.header ?? true;
      const nulls = options.nullValues ?? DEFAULT_NULL_VALUES;
      const args = [
        path,
        `delim=${quoteString(delimiter)}`,
        // RFC 4180 quoting, fixed: left to sniff, DuckDB may pick "no quotes" for a ragged file and
        // split a quoted field silently.
        `quote='"'`,
        `escape='"'`,
        `header=${header}`,
        // Quoted fields are values, never missing: that is how a writer keeps "" and "NA" as text.
        'allow_quoted_nulls=false',
        nulls.length > 0 ? `nullstr=${stringList(nulls)}` : '',
        csvTypes.size > 0 ? `types=${typeStruct(csvTypes)}` : '',
      ].filter((a) => a !== '');
      return {
        relation: `read_csv(${args.join(', ')})`,
        file: source,
        format,
        firstLine: header ? 2 : 1,
        delimiter,
      };
    }
    case 'json':
      return { relation: `read_json(${path}, format='array')`, file: source, format };
    case 'ndjson':
      return {
        relation: `read_json(${path}, format='newline_delimited')`,
        file: source,
        format,
        firstLine: 1,
      };
    case 'parquet':
      return { relation: `read_parquet(${path})`, file: source, format };
  }
}

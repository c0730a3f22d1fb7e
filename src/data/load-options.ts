import { extname } from 'node:path';
import { InputError } from '../util/errors.js';
import type { ColumnKind } from './frame.js';

/** File formats that `loadFrame`, `scanFrames` and `openFrameWriter` understand. */
export type DataFormat = 'csv' | 'tsv' | 'json' | 'ndjson' | 'parquet';

export const DATA_FORMATS: readonly DataFormat[] = ['csv', 'tsv', 'json', 'ndjson', 'parquet'];

const KINDS: readonly ColumnKind[] = ['number', 'category', 'boolean', 'datetime', 'text'];

/**
 * Cell texts that CSV/TSV reading treats as missing. `pandas.read_csv` treats the same ones (and more)
 * as NaN; `?` is what the UCI files use. `datasets/cars.csv` and `penguins.csv` leave the field empty.
 * A quoted field is never missing: `""` is an empty string and `"NA"` the text NA.
 */
export const DEFAULT_NULL_VALUES: readonly string[] = ['', 'NA', 'NaN', 'null', 'NULL', 'None', '?'];

export interface LoadOptions {
  /** Kind per column, winning over inference. Default: none (every kind inferred). */
  kinds?: Readonly<Record<string, ColumnKind>>;
  /** Columns to keep, in this order. Default: all, in file order. */
  columns?: readonly string[];
  /** Read at most this many rows. Default: all. */
  limit?: number;
  /** CSV/TSV field delimiter. Default: `,` for csv, a tab for tsv. */
  delimiter?: string;
  /** Whether the first CSV/TSV line names the columns (else they are `column0`, `column1`, ...). Default true. */
  header?: boolean;
  /** CSV/TSV cell texts read as missing. Default `DEFAULT_NULL_VALUES`. JSON has its own null. */
  nullValues?: readonly string[];
  /** File format. Default: from the extension (.csv .tsv .txt .json .ndjson .jsonl .parquet .pq). */
  format?: DataFormat;
}

/** Every field of LoadOptions that has a default, with it. */
export const LOAD_DEFAULTS = {
  header: true,
  nullValues: DEFAULT_NULL_VALUES,
} as const satisfies LoadOptions;

const BY_EXTENSION: Record<string, DataFormat> = {
  '.csv': 'csv',
  '.txt': 'csv',
  '.tsv': 'tsv',
  '.tab': 'tsv',
  '.json': 'json',
  '.ndjson': 'ndjson',
  '.jsonl': 'ndjson',
  '.parquet': 'parquet',
  '.pq': 'parquet',
};

/** The format named by `format`, else by the file's extension; an InputError when neither says. */
export function detectFormat(path: string, format?: DataFormat): DataFormat {
  if (format !== undefined) {
    if (!DATA_FORMATS.includes(format))
      throw new InputError(
        'invalid_option',
        `format must be one of ${DATA_FORMATS.join(', ')}, got ${JSON.stringify(format)}`,
        { field: 'format', file: path },
      );
    return format;
  }
  const ext = extname(path.endsWith('.gz') ? path.slice(0, -3) : path).toLowerCase();
  const found = BY_EXTENSION[ext];
  if (!found)
    throw new InputError(
      'unknown_format',
      `${path}: cannot tell the format from the extension '${ext}'; pass format (${DATA_FORMATS.join(', ')})`,
      { file: path, field: 'format' },
    );
  return found;
}

/** Checks option types and ranges up front, so that a bad option never reaches the SQL. */
export function checkLoadOptions(options: LoadOptions): void {
  const { limit, delimiter, kinds, columns, nullValues } = options;
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 0))
    throw new InputError('invalid_option', `limit must be a whole number >= 0, got ${String(limit)}`, {
      field: 'limit',
    });
  if (delimiter !== undefined && (typeof delimiter !== 'string' || delimiter.length !== 1))
    throw new InputError(
      'invalid_option',
      `delimiter must be one character, got ${JSON.stringify(delimiter)}`,
      {
        field: 'delimiter',
      },
    );
  for (const [name, kind] of Object.entries(kinds ?? {}))
    if (!KINDS.includes(kind))
      throw new InputError(
        'invalid_option',
        `kinds.${name} must be one of ${KINDS.join(', ')}, got ${JSON.stringify(kind)}`,
        { field: `kinds.${name}`, column: name },
      );
  if (columns !== undefined) {
    if (columns.length === 0)
      throw new InputError('invalid_option', 'columns must name at least one column', { field: 'columns' });
    const seen = new Set<string>();
    for (const c of columns) {
      if (seen.has(c))
        throw new InputError('invalid_option', `columns lists '${c}' twice`, { field: 'columns', column: c });
      seen.add(c);
    }
  }
  if (nullValues !== undefined && !nullValues.every((v) => typeof v === 'string'))
    throw new InputError('invalid_option', 'nullValues must be strings', { field: 'nullValues' });
}

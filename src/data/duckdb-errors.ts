import { InputError } from '../util/errors.js';
import { BAD_VALUE_MARKER, EXPECTED } from './column-plan.js';
import { findRaggedRecord } from './csv-ragged.js';
import type { ColumnKind } from './frame.js';
import { type ResolvedSource, sourceLabel } from './source-sql.js';

/** DuckDB error kinds that a user's file or query causes; anything else (out of memory, internal) is not theirs. */
const USER_CAUSED = [
  'Invalid Input',
  'IO',
  'Conversion',
  'Parser',
  'Binder',
  'Catalog',
  'Out of Range',
  'Invalid',
];

interface DuckMessage {
  /** `Conversion`, `Parser`, ... (the text before ` Error:`), or '' when the error is not DuckDB's. */
  type: string;
  /** The message after the type, first line. */
  head: string;
  /** The whole message after the type. */
  body: string;
}

function parse(e: unknown): DuckMessage {
  const text = (e instanceof Error ? e.message : String(e)).replace(
    /^Failed to (extract statements|prepare statement): /,
    '',
  );
  const m = /^([A-Za-z ]+?) Error: ([\s\S]*)$/.exec(text);
  const body = m ? m[2] : text;
  return { type: m ? m[1] : '', head: body.split('\n')[0].trim(), body };
}

/**
 * The column whose type DuckDB's CSV sniffer guessed from its sample and a later value broke (a
 * number column with a word on line 30,002): the load is retried with that column read as text.
 */
export function sniffedTypeBroken(e: unknown): string | undefined {
  const { type, body } = parse(e);
  if (type !== 'Conversion' || !body.includes('auto-detected')) return undefined;
  return /Error when converting column "((?:[^"]|"")*)"/.exec(body)?.[1].replaceAll('""', '"');
}

/**
 * A DuckDB error translated to an InputError naming the file (line, column where known); others
 * unchanged. `kinds` are the kinds being read, to say what a refused value should have been.
 */
export async function translateDuckDBError(
  e: unknown,
  src: ResolvedSource,
  kinds: Readonly<Record<string, ColumnKind>> = {},
): Promise<unknown> {
  if (e instanceof InputError) return e;
  const { type, head, body } = parse(e);
  if (!USER_CAUSED.includes(type)) return e;
  const file = src.file;
  const where = sourceLabel(src);
  const base = file ? { file } : { field: 'sql' };

  const marked = head.indexOf(BAD_VALUE_MARKER);
  if (marked >= 0) {
    const { column, value } = JSON.parse(head.slice(marked + BAD_VALUE_MARKER.length)) as {
      column: string;
      value: string;
    };
    const kind = kinds[column];
    return new InputError(
      'bad_value',
      `${where}: column '${column}': ${JSON.stringify(value)} is not ${kind ? EXPECTED[kind] : 'valid'}`,
      { ...base, column, value },
    );
  }

  const csvLine = /CSV Error on Line: (\d+)/.exec(body);
  if (csvLine) {
    const line = Number(csvLine[1]);
    const at = `${where}:${line}`;
    const fields = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(body);
    if (fields)
      return new InputError('ragged_row', `${at}: expected ${fields[1]} fields, found ${fields[2]}`, {
        ...base,
        line,
        expected: Number(fields[1]),
        found: Number(fields[2]),
      });
    const conv =
      /Error when converting column "((?:[^"]|"")*)"\. (Could not convert string "(.*)" to '(.+?)')/.exec(
        body,
      );
    if (conv) {
      const column = conv[1].replaceAll('""', '"');
      const kind = kinds[column];
      const expected = kind ? EXPECTED[kind] : `a valid ${conv[4]} (the type DuckDB detected)`;
      return new InputError(
        'bad_value',
        `${at}: column '${column}': ${JSON.stringify(conv[3])} is not ${expected}`,
        {
          ...base,
          line,
          column,
          value: conv[3],
        },
      );
    }
    return new InputError('unreadable_csv', `${at}: ${cleanCsvHint(body)}`, { ...base, line });
  }

  if (body.includes('Error when sniffing file') && file && src.delimiter) {
    const ragged = await findRaggedRecord(file, src.delimiter).catch(() => undefined);
    if (ragged)
      return new InputError(
        'ragged_row',
        `${file}:${ragged.line}: expected ${ragged.expected} fields, found ${ragged.found}`,
        { file, line: ragged.line, expected: ragged.expected, found: ragged.found },
      );
    return new InputError(
      'unreadable_csv',
      `${file}: DuckDB could not work out how to read this CSV file`,
      base,
    );
  }

  const json = /Malformed JSON in file "[^"]*", at byte (\d+) in (line|record\/value) (\d+): (.*)$/.exec(
    head,
  );
  if (json) {
    const n = Number(json[3]);
    const isLine = json[2] === 'line';
    return new InputError(
      'unreadable_json',
      `${isLine ? `${where}:${n}` : where}: malformed JSON${isLine ? '' : ` in record ${n}`} (byte ${json[1]}): ${json[4].replace(/\.\s*$/, '')}`,
      isLine ? { ...base, line: n } : { ...base, record: n },
    );
  }

  if (/No files found that match the pattern/.test(head)) {
    const missing = /pattern "(.*)"/.exec(head)?.[1];
    return new InputError('file_not_found', `${missing ?? where}: no such file`, { file: missing ?? file });
  }

  if (src.format === 'parquet')
    return new InputError(
      'unreadable_parquet',
      `${where}: not a readable Parquet file (${stripFile(head, file)})`,
      base,
    );
  if (src.format === 'json' || src.format === 'ndjson')
    return new InputError(
      'unreadable_json',
      `${where}: not readable as ${src.format === 'json' ? 'a JSON array of records' : 'NDJSON'} (${stripFile(head, file)})`,
      base,
    );
  if (!file) {
    const code = type === 'Parser' ? 'sql_syntax' : 'sql_error';
    return new InputError(
      code,
      `query: ${type === 'Parser' ? 'SQL syntax error: ' : ''}${sqlMessage(body)}`,
      base,
    );
  }
  return new InputError('unreadable_file', `${where}: ${head}`, base);
}

/** DuckDB's message without the path it repeats (the InputError names the file already). */
function stripFile(head: string, file?: string): string {
  if (!file) return head;
  let out = head;
  for (const quoted of [`"${file}"`, `'${file}'`, file])
    out = out
      .replaceAll(` in file ${quoted}`, '')
      .replaceAll(`file ${quoted}`, 'file')
      .replaceAll(`File ${quoted}`, 'File')
      .replaceAll(quoted, 'the file');
  return out.replace(/\.\s*$/, '');
}

/** DuckDB's message with its caret excerpt (`LINE 1: ...`) kept, for queries the user wrote. */
function sqlMessage(body: string): string {
  return body
    .split('\n')
    .filter((l) => l.trim() !== '')
    .join('\n');
}

/** The first line of a CSV error, without DuckDB's long list of reader options. */
function cleanCsvHint(body: string): string {
  const lines = body.split('\n').map((l) => l.trim());
  return lines.find((l, i) => i > 0 && l !== '' && !l.startsWith('Original Line')) ?? lines[0];
}

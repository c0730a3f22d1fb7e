import { DEFAULT_NULL_VALUES } from '../data/load-options.js';
import type { ColumnSchema } from '../data/schema.js';
import { InputError } from '../util/errors.js';

const NULLS = new Set(DEFAULT_NULL_VALUES);

/**
 * A text/csv request body (a header line, then one line per row, RFC 4180 quoting) as columns of
 * JSON values typed by the model's signature, ready for the same columns check as JSON requests.
 * Cells read as missing the way `loadFrame` reads them (empty, NA, NaN, null, ...); a number
 * column cell that is not a number is refused naming its row and column, or with `keepBad` kept
 * as its text for the validation policy to judge (and report with the others).
 */
export function csvColumns(
  text: string,
  features: readonly ColumnSchema[],
  opts: { readonly keepBad?: boolean } = {},
): Record<string, unknown[]> {
  const lines = parseCsv(text);
  if (lines.length === 0)
    throw new InputError('empty_body', 'the CSV body is empty: send a header line and rows');
  const header = lines[0];
  const rows = lines.slice(1);
  if (rows.length === 0)
    throw new InputError('empty_rows', 'the CSV body has a header but no rows: send at least one row', {});
  const index = new Map(header.map((name, j) => [name, j]));
  rows.forEach((r, i) => {
    if (r.length !== header.length)
      throw new InputError(
        'ragged_csv',
        `CSV row ${i + 1} has ${r.length} fields, the header has ${header.length}`,
        { row: i },
      );
  });
  const out: Record<string, unknown[]> = {};
  for (const f of features) {
    const j = index.get(f.name);
    if (j === undefined) continue; // the columns check names the missing column
    out[f.name] = rows.map((r, i) => {
      if (!opts.keepBad) return cellOf(f, r[j], i);
      try {
        return cellOf(f, r[j], i);
      } catch (e) {
        if (e instanceof InputError) return r[j];
        throw e;
      }
    });
  }
  return out;
}

function cellOf(f: ColumnSchema, text: string, row: number): unknown {
  if (NULLS.has(text)) return null;
  switch (f.kind) {
    case 'number': {
      const v = Number(text);
      if (text.trim() === '' || Number.isNaN(v))
        throw new InputError(
          'wrong_type',
          `CSV row ${row + 1}, column '${f.name}': ${JSON.stringify(text.slice(0, 40))} is not a number`,
          { row, column: f.name, expected: 'number' },
        );
      return v;
    }
    case 'boolean': {
      const t = text.toLowerCase();
      if (t === 'true' || t === '1') return true;
      if (t === 'false' || t === '0') return false;
      throw new InputError(
        'wrong_type',
        `CSV row ${row + 1}, column '${f.name}': ${JSON.stringify(text.slice(0, 40))} is not true/false`,
        { row, column: f.name, expected: 'boolean' },
      );
    }
    default:
      return text;
  }
}

/** RFC 4180 fields: commas, double quotes with "" inside, LF or CRLF line ends; blank lines skipped. */
export function parseCsv(text: string): string[][] {
  const lines: string[][] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  let line = 1;
  const n = text.length;
  const endLine = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '')) lines.push(fields);
    fields = [];
    field = '';
  };
  while (i < n) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      i++;
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endLine();
      line++;
    } else field += ch;
    i++;
  }
  if (quoted) throw new InputError('bad_csv', `CSV quote opened and never closed (line ${line})`, { line });
  if (field !== '' || fields.length > 0) endLine();
  return lines;
}

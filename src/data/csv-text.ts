import { type Column, cellOf, type Frame } from './frame.js';
import { DEFAULT_NULL_VALUES } from './load-options.js';

/**
 * CSV text as `loadFrame` reads it back: a missing value is an empty unquoted field; a string is
 * quoted when it holds the delimiter, a quote, a line break, or would otherwise read as missing
 * (`""`, `"NA"`). Numbers use JavaScript's shortest round-trip form; datetimes ISO 8601 UTC.
 */
export function csvField(value: string, delimiter: string): string {
  if (
    value === '' ||
    value.includes(delimiter) ||
    value.includes('"') ||
    value.includes('\n') ||
    value.includes('\r') ||
    NEEDS_QUOTES.has(value)
  )
    return `"${value.replaceAll('"', '""')}"`;
  return value;
}

const NEEDS_QUOTES = new Set(DEFAULT_NULL_VALUES);

export function csvHeader(names: readonly string[], delimiter: string): string {
  return `${names.map((n) => csvField(n, delimiter)).join(delimiter)}\n`;
}

function cellText(c: Column, row: number, delimiter: string): string {
  switch (c.kind) {
    case 'number': {
      const v = c.values[row];
      return Number.isNaN(v) ? '' : String(v);
    }
    case 'boolean': {
      const v = c.values[row];
      return v < 0 ? '' : v === 1 ? 'true' : 'false';
    }
    default: {
      const v = cellOf(c, row);
      return v === null ? '' : csvField(String(v), delimiter);
    }
  }
}

/** Rows `[start, end)` of a frame as CSV lines, each ending in `\n`. */
export function csvRows(frame: Frame, start: number, end: number, delimiter: string): string {
  const cols = [...frame.columns()].map(([, c]) => c);
  const lines: string[] = [];
  for (let r = start; r < end; r++) {
    let line = '';
    for (let j = 0; j < cols.length; j++) {
      if (j > 0) line += delimiter;
      line += cellText(cols[j], r, delimiter);
    }
    lines.push(line);
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

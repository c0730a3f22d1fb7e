import { type Cell, cellOf, type Frame } from './frame.js';

/**
 * One JSON object per row: missing (and non-finite) numbers are null, categories their label,
 * booleans true/false, datetimes ISO 8601 UTC strings.
 */
export function jsonRecords(frame: Frame, start: number, end: number): string[] {
  const cols = [...frame.columns()];
  const out: string[] = [];
  for (let r = start; r < end; r++) {
    // No prototype: a column named __proto__ stays a column.
    const rec = Object.create(null) as Record<string, Cell>;
    for (const [name, c] of cols) rec[name] = cellOf(c, r);
    out.push(JSON.stringify(rec));
  }
  return out;
}

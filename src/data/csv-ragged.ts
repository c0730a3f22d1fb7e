import { createReadStream } from 'node:fs';

/** The first record whose field count differs from the first record's. */
export interface RaggedRecord {
  /** 1-based line where the record starts. */
  readonly line: number;
  readonly expected: number;
  readonly found: number;
}

/**
 * Finds the first ragged record of a CSV file by reading it as a stream (memory stays flat). Quotes
 * (`"`, doubled to escape) may hold delimiters and newlines; blank lines are skipped. Used when
 * DuckDB's sniffer gives up on a small ragged file without saying where.
 */
export async function findRaggedRecord(path: string, delimiter: string): Promise<RaggedRecord | undefined> {
  const d = delimiter.charCodeAt(0);
  const QUOTE = 34;
  const LF = 10;
  const CR = 13;
  let line = 1;
  let recordLine = 1;
  let fields = 1;
  let empty = true;
  let inQuotes = false;
  let expected = -1;
  const endRecord = (): RaggedRecord | undefined => {
    if (!empty) {
      if (expected < 0) expected = fields;
      else if (fields !== expected) return { line: recordLine, expected, found: fields };
    }
    fields = 1;
    empty = true;
    recordLine = line + 1;
    return undefined;
  };
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk[i];
      if (inQuotes) {
        if (ch === QUOTE) inQuotes = false;
        else if (ch === LF) line++;
      } else if (ch === QUOTE) {
        inQuotes = true;
        empty = false;
      } else if (ch === d) {
        fields++;
        empty = false;
      } else if (ch === LF) {
        const found = endRecord();
        if (found) return found;
        line++;
      } else if (ch !== CR) empty = false;
    }
  }
  return endRecord();
}

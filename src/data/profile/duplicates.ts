import { InputError } from '../../util/errors.js';
import type { Column, Frame } from '../frame.js';
import { cellsEqual, hashFrame, RowTable } from './row-hash.js';
import type { DuplicateRows, SharedRows } from './types.js';

/** Rows kept per example group. */
const GROUP_ROWS = 10;

/**
 * Rows equal to an earlier row over every column (exact: hashes find candidates, cells confirm),
 * with the earliest groups as examples; and groups of identical columns.
 */
export function duplicatesOf(frame: Frame, examples: number): { rows: DuplicateRows; columns: string[][] } {
  const names = frame.names;
  const columns = names.map((n) => frame.column(n));
  const n = frame.nRows;
  const hashes = hashFrame(columns, n);
  const table = new RowTable(columns, hashes.rows);
  let count = 0;
  // first occurrence → its later copies, for the first `examples` groups only
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const first = table.addOrFind(i);
    if (first < 0) continue;
    count++;
    const g = groups.get(first);
    if (g) {
      if (g.length < GROUP_ROWS) g.push(i);
    } else if (groups.size < examples || first < Math.max(...groups.keys())) {
      groups.set(first, [first, i]);
      if (groups.size > examples) groups.delete(Math.max(...groups.keys()));
    }
  }
  const rows = {
    count,
    examples: [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([, g]) => g),
  };
  return { rows, columns: duplicateColumns(names, columns, hashes.columns, n) };
}

function duplicateColumns(
  names: readonly string[],
  columns: readonly Column[],
  hashes: Uint32Array,
  n: number,
): string[][] {
  const groups: number[][] = [];
  const placed = new Uint8Array(names.length);
  for (let a = 0; a < names.length; a++) {
    if (placed[a]) continue;
    const group = [a];
    for (let b = a + 1; b < names.length; b++)
      if (!placed[b] && hashes[a] === hashes[b] && columnsEqual(columns[a], columns[b], n)) {
        group.push(b);
        placed[b] = 1;
      }
    if (group.length > 1) groups.push(group);
  }
  return groups.map((g) => g.map((j) => names[j]));
}

function columnsEqual(a: Column, b: Column, n: number): boolean {
  if (a.kind !== b.kind) return false;
  for (let i = 0; i < n; i++) if (!cellsEqual(a, i, b, i)) return false;
  return true;
}

/**
 * Rows of `test` equal to some row of `frame` over the columns both have (by name; categories by
 * label). A column both have with different kinds is an InputError naming it.
 */
export function sharedRows(frame: Frame, test: Frame, examples: number): SharedRows {
  const names = frame.names.filter((n) => test.has(n));
  if (names.length === 0)
    throw new InputError(
      'no_shared_columns',
      `the test data has none of the profiled columns (${frame.names.slice(0, 8).join(', ')}): rows cannot be compared`,
      { field: 'test' },
    );
  const ours = names.map((n) => frame.column(n));
  const theirs = names.map((n, k) => {
    const c = test.column(n);
    if (c.kind !== ours[k].kind)
      throw new InputError(
        'kind_mismatch',
        `column '${n}' is ${ours[k].kind} in the data but ${c.kind} in the test data`,
        { column: n, field: 'test' },
      );
    return c;
  });
  const table = new RowTable(ours, hashFrame(ours, frame.nRows).rows);
  for (let i = 0; i < frame.nRows; i++) table.addOrFind(i);
  const testHashes = hashFrame(theirs, test.nRows).rows;
  let shared = 0;
  const found: [number, number][] = [];
  for (let i = 0; i < test.nRows; i++) {
    const j = table.find(theirs, testHashes[i], i);
    if (j < 0) continue;
    shared++;
    if (found.length < examples) found.push([i, j]);
  }
  return { rows: test.nRows, shared, columns: names, examples: found };
}

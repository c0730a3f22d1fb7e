import type { Column, Frame } from '../data/frame.js';
import { type Matrix, matrix } from '../data/matrix.js';
import { InputError } from '../util/errors.js';

/**
 * The row-major matrix a model takes: number columns as they are, booleans as 0/1 (missing as
 * NaN). Any other kind must be encoded first, so it is refused with the column's name.
 * `columns` picks and orders the columns (default: all, in frame order).
 */
export function frameToMatrix(frame: Frame, columns: readonly string[] = frame.names): Matrix {
  const rows = frame.nRows;
  const cols = columns.length;
  const sources = columns.map((name) => numericColumn(frame, name));
  const data = new Float64Array(rows * cols);
  // Rows in blocks, columns within a block: the block's slice of the output stays in cache
  // instead of striding through the whole matrix once per column.
  for (let start = 0; start < rows; start += BLOCK_ROWS) {
    const end = Math.min(rows, start + BLOCK_ROWS);
    for (let j = 0; j < cols; j++) {
      const c = sources[j];
      const v = c.values;
      if (c.kind === 'number') for (let i = start; i < end; i++) data[i * cols + j] = v[i];
      else for (let i = start; i < end; i++) data[i * cols + j] = v[i] < 0 ? Number.NaN : v[i];
    }
  }
  return matrix(rows, cols, data);
}

const BLOCK_ROWS = 256;

function numericColumn(frame: Frame, name: string): Extract<Column, { kind: 'number' | 'boolean' }> {
  const c = frame.column(name);
  if (c.kind === 'number' || c.kind === 'boolean') return c;
  const hint =
    c.kind === 'category'
      ? 'encode it first (OneHotEncoder or OrdinalEncoder)'
      : 'drop it or turn it into number columns first';
  throw new InputError('not_numeric', `column '${name}' is ${c.kind}, a model needs numbers: ${hint}`, {
    column: name,
    expected: 'number|boolean',
    got: c.kind,
  });
}

/**
 * A dense matrix on one Float64Array with an explicit layout. Models take row-major matrices:
 * element (i, j) sits at `data[i * cols + j]`.
 */
export interface Matrix {
  readonly data: Float64Array;
  readonly rows: number;
  readonly cols: number;
  readonly layout: 'row' | 'col';
}

export function matrix(
  rows: number,
  cols: number,
  data?: Float64Array,
  layout: 'row' | 'col' = 'row',
): Matrix {
  const d = data ?? new Float64Array(rows * cols);
  if (d.length !== rows * cols)
    throw new RangeError(`matrix data has ${d.length} values, expected ${rows}×${cols}`);
  return { data: d, rows, cols, layout };
}

/** Row-major matrix from nested arrays (tests and small inputs). */
export function fromRows(rows: readonly (readonly number[])[]): Matrix {
  const r = rows.length;
  const c = r === 0 ? 0 : rows[0].length;
  const data = new Float64Array(r * c);
  for (let i = 0; i < r; i++) {
    if (rows[i].length !== c) throw new RangeError(`row ${i} has ${rows[i].length} values, expected ${c}`);
    data.set(rows[i], i * c);
  }
  return matrix(r, c, data);
}

export function toRowMajor(m: Matrix): Matrix {
  if (m.layout === 'row') return m;
  const out = new Float64Array(m.rows * m.cols);
  for (let j = 0; j < m.cols; j++) {
    const base = j * m.rows;
    for (let i = 0; i < m.rows; i++) out[i * m.cols + j] = m.data[base + i];
  }
  return matrix(m.rows, m.cols, out, 'row');
}

export function toColMajor(m: Matrix): Matrix {
  if (m.layout === 'col') return m;
  const out = new Float64Array(m.rows * m.cols);
  for (let i = 0; i < m.rows; i++) {
    const base = i * m.cols;
    for (let j = 0; j < m.cols; j++) out[j * m.rows + i] = m.data[base + j];
  }
  return matrix(m.rows, m.cols, out, 'col');
}

/** Rows by index, row-major out. */
export function takeRows(m: Matrix, idx: ArrayLike<number>): Matrix {
  const rm = toRowMajor(m);
  const out = new Float64Array(idx.length * m.cols);
  for (let i = 0; i < idx.length; i++)
    out.set(rm.data.subarray(idx[i] * m.cols, (idx[i] + 1) * m.cols), i * m.cols);
  return matrix(idx.length, m.cols, out);
}

export function toNested(m: Matrix): number[][] {
  const rm = toRowMajor(m);
  const out: number[][] = [];
  for (let i = 0; i < m.rows; i++) out.push(Array.from(rm.data.subarray(i * m.cols, (i + 1) * m.cols)));
  return out;
}

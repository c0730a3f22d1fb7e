import { InputError } from '../../util/errors.js';
import { chi2Sf } from './gamma.js';

export interface Chi2ContingencyResult {
  /** Pearson's chi-square statistic (after Yates' correction when it applies). */
  readonly statistic: number;
  readonly pValue: number;
  /** Degrees of freedom, (rows - 1) (cols - 1). */
  readonly dof: number;
  /** Expected counts under independence, row-major like the table. */
  readonly expected: Float64Array;
}

/**
 * Pearson's chi-square test of independence on a rows x cols contingency table (row-major counts),
 * equal to SciPy 1.10's `chi2_contingency(table, correction)`: expected counts from the margins;
 * with one degree of freedom and `correction` (the default) Yates' continuity correction, each
 * observed count moved towards its expected count by at most 0.5; no degrees of freedom gives
 * statistic 0 and p-value 1. A table with a zero margin (an expected count of zero) is refused, as
 * SciPy refuses it: drop empty categories first.
 */
export function chi2Contingency(
  table: ArrayLike<number>,
  rows: number,
  cols: number,
  correction = true,
): Chi2ContingencyResult {
  if (
    !(Number.isInteger(rows) && Number.isInteger(cols) && rows > 0 && cols > 0) ||
    table.length !== rows * cols
  )
    throw new InputError(
      'bad_table',
      `chi2Contingency: a ${rows} x ${cols} table needs ${rows * cols} counts, got ${table.length}`,
      { field: 'table' },
    );
  const rowSums = new Float64Array(rows);
  const colSums = new Float64Array(cols);
  let total = 0;
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < cols; j++) {
      const v = table[i * cols + j];
      if (!(v >= 0))
        throw new InputError('bad_count', `chi2Contingency: counts must be >= 0, got ${v} at (${i}, ${j})`, {
          field: 'table',
        });
      rowSums[i] += v;
      colSums[j] += v;
      total += v;
    }
  const expected = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < cols; j++) {
      const e = (rowSums[i] * colSums[j]) / total;
      if (!(e > 0))
        throw new InputError(
          'zero_expected',
          `chi2Contingency: the expected count at (${i}, ${j}) is zero (an empty row or column); drop it first`,
          { field: 'table' },
        );
      expected[i * cols + j] = e;
    }
  const dof = rows * cols - rows - cols + 1;
  if (dof === 0) return { statistic: 0, pValue: 1, dof, expected };
  let statistic = 0;
  for (let k = 0; k < expected.length; k++) {
    const e = expected[k];
    let o = table[k];
    if (dof === 1 && correction) {
      const diff = e - o;
      o += Math.min(0.5, Math.abs(diff)) * Math.sign(diff);
    }
    statistic += (o - e) ** 2 / e;
  }
  return { statistic, pValue: chi2Sf(statistic, dof), dof, expected };
}

import { InputError } from '../../util/errors.js';

/**
 * Checks `sampleWeight` from fit options: one finite weight >= 0 per row, not all zero. Returns null
 * when there are none, so kernels can take their unweighted path.
 */
export function checkSampleWeight(
  kind: string,
  w: Float64Array | undefined,
  rows: number,
): Float64Array | null {
  if (w === undefined) return null;
  if (!(w instanceof Float64Array))
    throw new InputError('sample_weight', `${kind}: sampleWeight must be a Float64Array`, {
      field: 'sampleWeight',
    });
  if (w.length !== rows)
    throw new InputError(
      'sample_weight',
      `${kind}: sampleWeight has ${w.length} values but X has ${rows} rows`,
      { field: 'sampleWeight', expected: rows, got: w.length },
    );
  let sum = 0;
  for (let i = 0; i < rows; i++) {
    const v = w[i];
    if (!(v >= 0) || !Number.isFinite(v))
      throw new InputError(
        'sample_weight',
        `${kind}: sampleWeight at row ${i} is ${v}; expected a finite number >= 0`,
        {
          field: 'sampleWeight',
          row: i,
        },
      );
    sum += v;
  }
  if (!(sum > 0))
    throw new InputError('sample_weight', `${kind}: all sample weights are 0`, { field: 'sampleWeight' });
  return w;
}

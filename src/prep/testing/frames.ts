/** Small frames and helpers shared by the preprocessing tests. */
import { col, Frame } from '../../data/frame.js';

/** Six rows of every kind, with missing values in each. */
export function mixedFrame(): Frame {
  return new Frame({
    x: col.number([1, 2, null, 4, 10, 6]),
    z: col.number([0.5, -1, 3, 3, null, 2]),
    color: col.category(['red', null, 'blue', 'red', 'green', 'blue']),
    flag: col.boolean([true, false, null, true, true, false]),
    note: col.text(['a', 'b', null, 'd', 'e', 'f']),
  });
}

/**
 * Every number, category and boolean value of a frame, column after column, as numbers: category
 * cells as their label's position in the sorted labels (so dictionaries do not matter), missing as
 * NaN. Text columns add their length only.
 */
export function flattenFrame(frame: Frame): Float64Array {
  const out: number[] = [];
  for (const [, c] of frame.columns()) {
    if (c.kind === 'number' || c.kind === 'datetime') out.push(...c.values);
    else if (c.kind === 'boolean') for (const v of c.values) out.push(v < 0 ? Number.NaN : v);
    else if (c.kind === 'category') {
      const sorted = [...c.categories].sort();
      for (const v of c.values) out.push(v < 0 ? Number.NaN : sorted.indexOf(c.categories[v]));
    } else out.push(c.values.length);
  }
  return Float64Array.from(out);
}

/** The frame with one column fewer (the contract's wrong-width input). */
export function withoutColumn(frame: Frame, name: string): Frame {
  return frame.drop([name]);
}

/** The same frame with one more missing value in a number column. */
export function withMissing(frame: Frame, name: string, row: number): Frame {
  const values = Float64Array.from(frame.columnOf(name, 'number').values);
  values[row] = Number.NaN;
  return frame.with(name, { kind: 'number', values });
}

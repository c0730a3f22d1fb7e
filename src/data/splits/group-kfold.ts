import { InputError } from '../../util/errors.js';
import { numpyArgsort } from './numpy-argsort.js';
import {
  checkInteger,
  checkRows,
  type Fold,
  foldsFromAssignment,
  requireRows,
  type SplitData,
  type Splitter,
} from './splitter.js';

export interface GroupKFoldOptions {
  /** Number of folds, >= 2 and at most the number of groups. Default 5. */
  nSplits?: number;
}

/**
 * scikit-learn's GroupKFold (1.2): no group is split across folds. Groups are sorted by label,
 * then taken from the largest to the smallest (numpy's argsort, reversed, so ties fall as they do
 * in scikit-learn), each into the fold with the fewest rows so far. Deterministic: it has no
 * shuffle, so it needs no seed.
 */
export class GroupKFold implements Splitter {
  readonly kind = 'GroupKFold';
  readonly nSplits: number;

  constructor(opts: GroupKFoldOptions = {}) {
    this.nSplits = checkInteger(this.kind, 'nSplits', opts.nSplits ?? 5, 2);
  }

  split(n: number, data: SplitData = {}): Fold[] {
    checkRows(this.kind, n, this.nSplits);
    const groups = requireRows(this.kind, 'groups', data.groups, n);
    const { index, count } = groupIndex(this.kind, groups);
    if (count < this.nSplits)
      throw new InputError(
        'too_few_groups',
        `${this.kind}: cannot cut ${count} group(s) into ${this.nSplits} folds; use fewer folds (nSplits)`,
        { field: 'nSplits' },
      );
    const sizes = new Float64Array(count);
    for (let i = 0; i < n; i++) sizes[index[i]]++;
    const order = numpyArgsort(sizes).reverse();
    const foldRows = new Float64Array(this.nSplits);
    const groupFold = new Int32Array(count);
    for (const g of order) {
      let lightest = 0;
      for (let f = 1; f < this.nSplits; f++) if (foldRows[f] < foldRows[lightest]) lightest = f;
      foldRows[lightest] += sizes[g];
      groupFold[g] = lightest;
    }
    const testFold = new Int32Array(n);
    for (let i = 0; i < n; i++) testFold[i] = groupFold[index[i]];
    return foldsFromAssignment(testFold, this.nSplits);
  }

  describe(): Record<string, unknown> {
    return { kind: this.kind, nSplits: this.nSplits };
  }
}

/** Each row's position among the sorted distinct group labels (numpy.unique's inverse). */
function groupIndex(
  kind: string,
  groups: ArrayLike<number | string | null>,
): { index: Int32Array; count: number } {
  const n = groups.length;
  const first = n > 0 ? typeof groups[0] : 'number';
  for (let i = 0; i < n; i++) {
    const g = groups[i];
    if (g === null || (typeof g === 'number' && Number.isNaN(g)))
      throw new InputError('missing_group', `${kind}: group at row ${i} is missing`, {
        row: i,
        field: 'groups',
      });
    if (typeof g !== first)
      throw new InputError('mixed_groups', `${kind}: groups mix numbers and strings (row ${i})`, {
        row: i,
        field: 'groups',
      });
  }
  const distinct = [...new Set(Array.from(groups) as (number | string)[])];
  distinct.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const position = new Map(distinct.map((g, i) => [g, i]));
  const index = new Int32Array(n);
  for (let i = 0; i < n; i++) index[i] = position.get(groups[i] as number | string)!;
  return { index, count: distinct.length };
}

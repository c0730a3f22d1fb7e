import { Rng } from '../util/random.js';

/**
 * The fold of every training row for cross-fitting, seeded. Without `classes`, a shuffled K-fold:
 * the first n mod k folds get one row more. With `classes` (a class index per row), stratified:
 * each class's rows, shuffled, are dealt to the folds in turn, continuing where the previous class
 * stopped, so every fold gets each class's share within one row and the fold sizes within one.
 */
export function assignFolds(n: number, nFolds: number, seed: number, classes?: Int32Array): Int32Array {
  const rng = new Rng(seed);
  const folds = new Int32Array(n);
  if (!classes) {
    const order = rng.permutation(n);
    const base = Math.floor(n / nFolds);
    const extra = n % nFolds;
    let at = 0;
    for (let k = 0; k < nFolds; k++) {
      const size = base + (k < extra ? 1 : 0);
      for (let i = 0; i < size; i++) folds[order[at++]] = k;
    }
    return folds;
  }
  let nClasses = 0;
  for (let r = 0; r < n; r++) nClasses = Math.max(nClasses, classes[r] + 1);
  const byClass: number[][] = Array.from({ length: nClasses }, () => []);
  for (let r = 0; r < n; r++) byClass[classes[r]].push(r);
  let next = 0;
  for (const rows of byClass) {
    rng.shuffle(rows);
    for (const r of rows) {
      folds[r] = next;
      next = (next + 1) % nFolds;
    }
  }
  return folds;
}

/**
 * numpy's default `argsort` (kind 'quicksort': introsort with median-of-three partitions, insertion
 * sort below 17 elements and heapsort past the depth limit; numpy 1.24's npysort/quicksort.cpp),
 * transcribed so that orders among equal values match scikit-learn's exactly. GroupKFold sorts
 * group sizes with it, and equal sizes are common.
 */
export function numpyArgsort(v: ArrayLike<number>): Int32Array {
  const n = v.length;
  const a = new Int32Array(n);
  for (let i = 0; i < n; i++) a[i] = i;
  if (n < 2) return a;
  const swap = (i: number, j: number) => {
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  };
  const stack: number[] = [];
  const depths: number[] = [];
  let pl = 0;
  let pr = n - 1;
  let cdepth = msb(n) * 2;
  for (;;) {
    if (cdepth < 0) heapsort(v, a, pl, pr - pl + 1);
    else {
      while (pr - pl > SMALL_QUICKSORT) {
        const pm = pl + ((pr - pl) >> 1);
        if (v[a[pm]] < v[a[pl]]) swap(pm, pl);
        if (v[a[pr]] < v[a[pm]]) swap(pr, pm);
        if (v[a[pm]] < v[a[pl]]) swap(pm, pl);
        const vp = v[a[pm]];
        let pi = pl;
        let pj = pr - 1;
        swap(pm, pj);
        for (;;) {
          do ++pi;
          while (v[a[pi]] < vp);
          do --pj;
          while (vp < v[a[pj]]);
          if (pi >= pj) break;
          swap(pi, pj);
        }
        swap(pi, pr - 1);
        // the larger part waits on the stack
        if (pi - pl < pr - pi) {
          stack.push(pi + 1, pr);
          pr = pi - 1;
        } else {
          stack.push(pl, pi - 1);
          pl = pi + 1;
        }
        depths.push(--cdepth);
      }
      for (let pi = pl + 1; pi <= pr; ++pi) {
        const vi = a[pi];
        const vp = v[vi];
        let pj = pi;
        while (pj > pl && vp < v[a[pj - 1]]) {
          a[pj] = a[pj - 1];
          pj--;
        }
        a[pj] = vi;
      }
    }
    if (stack.length === 0) break;
    pr = stack.pop()!;
    pl = stack.pop()!;
    cdepth = depths.pop()!;
  }
  return a;
}

const SMALL_QUICKSORT = 15;

/** Index of the highest set bit (npy_get_msb). */
function msb(n: number): number {
  let depth = 0;
  for (let u = n >>> 1; u > 0; u >>>= 1) depth++;
  return depth;
}

/** numpy's aheapsort on a[start .. start+n-1], 1-based heap indexing as in the C source. */
function heapsort(v: ArrayLike<number>, a: Int32Array, start: number, n: number): void {
  const at = (k: number) => a[start + k - 1];
  const set = (k: number, x: number) => {
    a[start + k - 1] = x;
  };
  for (let l = n >> 1; l > 0; --l) {
    const tmp = at(l);
    let i = l;
    for (let j = l << 1; j <= n; ) {
      if (j < n && v[at(j)] < v[at(j + 1)]) j += 1;
      if (v[tmp] < v[at(j)]) {
        set(i, at(j));
        i = j;
        j += j;
      } else break;
    }
    set(i, tmp);
  }
  for (let m = n; m > 1; ) {
    const tmp = at(m);
    set(m, at(1));
    m -= 1;
    let i = 1;
    for (let j = 2; j <= m; ) {
      if (j < m && v[at(j)] < v[at(j + 1)]) j++;
      if (v[tmp] < v[at(j)]) {
        set(i, at(j));
        i = j;
        j += j;
      } else break;
    }
    set(i, tmp);
  }
}

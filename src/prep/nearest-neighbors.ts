/**
 * Neighbour queries on one and two coordinates for the mutual-information estimators: the distance
 * to each point's k-th nearest other point (max-norm in 2-D, a static k-d tree), and counts of
 * points within a radius (sorted values, binary search). Browser-safe.
 */

const LEAF_SIZE = 16;

/**
 * For every point i, the max-norm (Chebyshev) distance max(|x_i - x_j|, |y_i - y_j|) to its k-th
 * nearest other point j (1 <= k < n).
 */
export function kthNeighborDistance2d(x: Float64Array, y: Float64Array, k: number): Float64Array {
  const n = x.length;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  // nodes: [start, end, left, right] and bounding boxes [minX, maxX, minY, maxY], built in arrays
  // and queried from typed copies
  const nodeList: number[] = [];
  const boxList: number[] = [];
  const build = (start: number, end: number): number => {
    const id = nodeList.length / 4;
    let minX = Number.POSITIVE_INFINITY;
    let maxX = Number.NEGATIVE_INFINITY;
    let minY = Number.POSITIVE_INFINITY;
    let maxY = Number.NEGATIVE_INFINITY;
    for (let p = start; p < end; p++) {
      const i = order[p];
      if (x[i] < minX) minX = x[i];
      if (x[i] > maxX) maxX = x[i];
      if (y[i] < minY) minY = y[i];
      if (y[i] > maxY) maxY = y[i];
    }
    nodeList.push(start, end, -1, -1);
    boxList.push(minX, maxX, minY, maxY);
    if (end - start <= LEAF_SIZE) return id;
    const coord = maxX - minX >= maxY - minY ? x : y;
    const mid = (start + end) >> 1;
    select(order, coord, start, end - 1, mid);
    const left = build(start, mid);
    const right = build(mid, end);
    nodeList[id * 4 + 2] = left;
    nodeList[id * 4 + 3] = right;
    return id;
  };
  build(0, n);
  const nodes = Int32Array.from(nodeList);
  const boxes = Float64Array.from(boxList);

  const out = new Float64Array(n);
  const best = new Float64Array(k);
  const stack = new Int32Array(64 + 2 * Math.ceil(Math.log2(n + 1)) * 2);
  for (let i = 0; i < n; i++) {
    const xi = x[i];
    const yi = y[i];
    best.fill(Number.POSITIVE_INFINITY);
    let top = 0;
    stack[top++] = 0;
    while (top > 0) {
      const node = stack[--top];
      const b = node * 4;
      if (boxGap(boxes, node, xi, yi) >= best[k - 1]) continue;
      const left = nodes[b + 2];
      if (left < 0) {
        for (let p = nodes[b]; p < nodes[b + 1]; p++) {
          const j = order[p];
          if (j === i) continue;
          const d = Math.max(Math.abs(xi - x[j]), Math.abs(yi - y[j]));
          if (d < best[k - 1]) insertSorted(best, d);
        }
      } else {
        // the child nearer the point is searched first (pushed last), so the k-th distance shrinks
        // early and prunes more of the farther one
        const right = nodes[b + 3];
        if (boxGap(boxes, left, xi, yi) <= boxGap(boxes, right, xi, yi)) {
          stack[top++] = right;
          stack[top++] = left;
        } else {
          stack[top++] = left;
          stack[top++] = right;
        }
      }
    }
    out[i] = best[k - 1];
  }
  return out;
}

/** Max-norm distance from (x, y) to a node's bounding box (0 inside). */
function boxGap(boxes: Float64Array, node: number, x: number, y: number): number {
  const b = node * 4;
  return Math.max(boxes[b] - x, x - boxes[b + 1], boxes[b + 2] - y, y - boxes[b + 3], 0);
}

/** Puts d into the ascending array, dropping its largest value. */
function insertSorted(best: Float64Array, d: number): void {
  let p = best.length - 1;
  while (p > 0 && best[p - 1] > d) {
    best[p] = best[p - 1];
    p--;
  }
  best[p] = d;
}

/** Quickselect on order[lo..hi] by coord so that position `nth` holds its order statistic. */
function select(order: Int32Array, coord: Float64Array, lo: number, hi: number, nth: number): void {
  while (hi > lo) {
    const pivot = coord[order[(lo + hi) >> 1]];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (coord[order[i]] < pivot) i++;
      while (coord[order[j]] > pivot) j--;
      if (i <= j) {
        const t = order[i];
        order[i] = order[j];
        order[j] = t;
        i++;
        j--;
      }
    }
    if (nth <= j) hi = j;
    else if (nth >= i) lo = i;
    else return;
  }
}

/**
 * For every value of an ascending array, the distance to its k-th nearest other value
 * (1 <= k < n), by walking outwards from its position.
 */
export function kthNeighborDistanceSorted(sorted: Float64Array, k: number): Float64Array {
  const n = sorted.length;
  const out = new Float64Array(n);
  for (let p = 0; p < n; p++) {
    let left = p - 1;
    let right = p + 1;
    let d = 0;
    for (let step = 0; step < k; step++) {
      const dl = left >= 0 ? sorted[p] - sorted[left] : Number.POSITIVE_INFINITY;
      const dr = right < n ? sorted[right] - sorted[p] : Number.POSITIVE_INFINITY;
      if (dl <= dr) {
        d = dl;
        left--;
      } else {
        d = dr;
        right++;
      }
    }
    out[p] = d;
  }
  return out;
}

/**
 * How many values of an ascending array lie within `radius` of `center`, |v - center| <= radius
 * evaluated as written (as scikit-learn's KDTree does), by binary search on each side.
 */
export function countWithin(sorted: Float64Array, center: number, radius: number): number {
  // first index whose value is not below center - radius in the |.| sense
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < center && center - sorted[mid] > radius) lo = mid + 1;
    else hi = mid;
  }
  const first = lo;
  hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= center || sorted[mid] - center <= radius) lo = mid + 1;
    else hi = mid;
  }
  return lo - first;
}

/** The largest double below a positive d (`np.nextafter(d, 0)`); 0 stays 0. */
export function nextBelow(d: number): number {
  if (!(d > 0)) return d;
  if (d === Number.POSITIVE_INFINITY) return Number.MAX_VALUE;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, d);
  view.setBigUint64(0, view.getBigUint64(0) - 1n);
  return view.getFloat64(0);
}

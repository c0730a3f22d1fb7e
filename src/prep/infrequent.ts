/**
 * Which categories of a column are rare enough to share one output: scikit-learn 1.2's
 * `OneHotEncoder._identify_infrequent`, on the per-slot counts of one column.
 */
export interface FrequencyLimits {
  /**
   * A category seen fewer times than this is infrequent: an integer >= 1 is a count of rows, a
   * number in (0, 1) a share of all fit rows (missing rows included). `null`: no minimum.
   */
  readonly minFrequency: number | null;
  /**
   * At most this many outputs per column, the infrequent group counting as one: the least frequent
   * categories (ties: the earlier label first) join the group until it fits. `null`: no bound.
   */
  readonly maxCategories: number | null;
}

/** The test of a `minFrequency` value: an integer count >= 1 or a share in (0, 1). */
export function isMinFrequency(v: unknown): boolean {
  return v === null || (typeof v === 'number' && ((Number.isInteger(v) && v >= 1) || (v > 0 && v < 1)));
}

/**
 * Slots (indices into `counts`, ascending) grouped as infrequent, or none. `counts` follows the
 * learned order (sorted labels, then the missing slot) as scikit-learn's `categories_` does, so a
 * stable sort by count breaks ties exactly as its mergesort does.
 *
 * One deliberate difference: scikit-learn 1.2 with `max_categories=1` slices `argsort[:0]` and
 * groups nothing; 1.3 fixed that to group every category, which is what this does.
 */
export function infrequentSlots(
  counts: ArrayLike<number>,
  nSamples: number,
  limits: FrequencyLimits,
): number[] {
  const k = counts.length;
  const mask = new Uint8Array(k);
  const { minFrequency, maxCategories } = limits;
  if (minFrequency !== null) {
    // a count when integral (scikit-learn's Integral), else a share of the fit rows
    const least = Number.isInteger(minFrequency) ? minFrequency : nSamples * minFrequency;
    for (let j = 0; j < k; j++) if (counts[j] < least) mask[j] = 1;
  }
  let nInfrequent = 0;
  for (let j = 0; j < k; j++) nInfrequent += mask[j];
  // outputs there would be now: the frequent ones plus one group (counted even when empty, as 1.2 does)
  const nOutputs = k - nInfrequent + 1;
  if (maxCategories !== null && maxCategories < nOutputs) {
    const order = Array.from({ length: k }, (_, j) => j).sort((a, b) => counts[a] - counts[b] || a - b);
    const keep = maxCategories - 1;
    for (let r = 0; r < k - keep; r++) mask[order[r]] = 1;
  }
  const out: number[] = [];
  for (let j = 0; j < k; j++) if (mask[j]) out.push(j);
  return out;
}

/**
 * Exact distinct counts of doubles by hashing their bits. A million values do not fit a cache-sized
 * hash table, and random probes into a 16 MB one cost a cache miss each, so large inputs are first
 * partitioned by the top bits of their hash (sequential writes into a few hundred streams), then
 * each partition is counted in its own small table. 0 and −0 count as one value; NaN is skipped.
 */

/** Values per partition: its table (twice as many slots, 8 bytes each) stays within L2. */
const PARTITION = 8192;

export function distinctNumbers(values: Float64Array): number {
  const n = values.length;
  const hashes = new Uint32Array(n);
  const words = new Int32Array(values.buffer, values.byteOffset, 2 * n);
  let present = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (Number.isNaN(v)) continue;
    hashes[present] = v === 0 ? ZERO : mix(words[2 * i], words[2 * i + 1]);
    present++;
  }
  let bits = 0;
  while (present >> bits > PARTITION) bits++;
  if (bits === 0) return countInTable(values, hashes, 0, n, present, true, tableFor(present));
  // counting sort of the values by the top `bits` bits of their hash
  const parts = 1 << bits;
  const shift = 32 - bits;
  const starts = new Int32Array(parts + 1);
  for (let i = 0; i < present; i++) starts[(hashes[i] >>> shift) + 1]++;
  let largest = 0;
  for (let p = 0; p < parts; p++) {
    largest = Math.max(largest, starts[p + 1]);
    starts[p + 1] += starts[p];
  }
  const fill = starts.slice(0, parts);
  const byPart = new Float64Array(present);
  const hashByPart = new Uint32Array(present);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (Number.isNaN(v)) continue;
    const h = hashes[k++];
    const d = fill[h >>> shift]++;
    byPart[d] = v;
    hashByPart[d] = h;
  }
  const table = tableFor(largest);
  let count = 0;
  for (let p = 0; p < parts; p++)
    count += countInTable(
      byPart,
      hashByPart,
      starts[p],
      starts[p + 1],
      starts[p + 1] - starts[p],
      false,
      table,
    );
  return count;
}

/** A table for up to `present` values: twice as many slots, a power of two. */
function tableFor(present: number): Float64Array {
  let size = 16;
  while (size < 2 * present) size <<= 1;
  return new Float64Array(size);
}

/**
 * Distinct values among values[from..to) with their hashes (packed from `from` unless `sparse`,
 * when NaN values are skipped and hashes start at 0). Empty slots hold NaN, which no key is.
 */
function countInTable(
  values: Float64Array,
  hashes: Uint32Array,
  from: number,
  to: number,
  present: number,
  sparse: boolean,
  table: Float64Array,
): number {
  let size = 16;
  while (size < 2 * present) size <<= 1;
  const mask = size - 1;
  table.fill(Number.NaN, 0, size);
  let count = 0;
  let k = sparse ? 0 : from;
  for (let i = from; i < to; i++) {
    const v = values[i];
    if (sparse && Number.isNaN(v)) continue;
    let slot = hashes[k++] & mask;
    for (;;) {
      const key = table[slot];
      if (key === v) break;
      if (Number.isNaN(key)) {
        table[slot] = v;
        count++;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return count;
}

/** A 32-bit mix of two 32-bit words (murmur3's finalizer over a multiplicative combine). */
export function mix(lo: number, hi: number): number {
  let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 15;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 13;
  return h >>> 0;
}

/** The hash of 0, which −0 shares. */
const ZERO = mix(0, 0);

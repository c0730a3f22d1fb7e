/**
 * MurmurHash3 x86 32-bit (Austin Appleby's public-domain algorithm) over bytes, as scikit-learn's
 * `murmurhash3_32(key, seed=0)` computes it for the UTF-8 bytes of a string: the signed 32-bit
 * result, so hashed feature columns land exactly where scikit-learn puts them.
 */
export function murmurhash3(bytes: Uint8Array, seed = 0): number {
  const c1 = 0xcc9e2d51;
  const c2 = 0x1b873593;
  const n = bytes.length;
  const blocks = n & ~3;
  let h = seed | 0;
  for (let i = 0; i < blocks; i += 4) {
    let k = bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24);
    k = Math.imul(k, c1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, c2);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  const tail = n & 3;
  if (tail > 0) {
    let k = bytes[blocks];
    if (tail > 1) k ^= bytes[blocks + 1] << 8;
    if (tail > 2) k ^= bytes[blocks + 2] << 16;
    k = Math.imul(k, c1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, c2);
    h ^= k;
  }
  h ^= n;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

const utf8 = new TextEncoder();

/** The hash of a string's UTF-8 bytes (scikit-learn encodes str keys as UTF-8). */
export function murmurhash3String(text: string, seed = 0): number {
  return murmurhash3(utf8.encode(text), seed);
}

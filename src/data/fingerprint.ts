import { createHash, type Hash } from 'node:crypto';
import type { Column, Frame } from './frame.js';

/** Values hashed per block, so that a large column is never copied whole. */
const BLOCK = 65_536;

/**
 * A sha256 (hex) of a frame's content: row count, then per column its name, kind and values. Stable
 * across runs, processes and machines (little-endian bytes, canonical NaN, -0 as 0). Category columns
 * hash their labels in sorted order and each row's label (not its code), so the same data encoded
 * with its categories in another order has the same fingerprint.
 */
export function fingerprintFrame(frame: Frame): string {
  const hash = createHash('sha256');
  hash.update(`cairn-frame-v1\0${frame.nRows}\0${frame.nCols}\0`);
  for (const [name, column] of frame.columns()) {
    hash.update(`${name.length}:${name}\0${column.kind}\0`);
    hashColumn(hash, column);
  }
  return hash.digest('hex');
}

function hashColumn(hash: Hash, c: Column): void {
  switch (c.kind) {
    case 'number':
    case 'datetime':
      hashFloats(hash, c.values);
      return;
    case 'boolean':
      hashBytes(hash, c.values);
      return;
    case 'category': {
      const sorted = c.categories
        .map((label, code) => ({ label, code }))
        .sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
      const rank = new Int32Array(c.categories.length);
      sorted.forEach((s, i) => {
        rank[s.code] = i;
      });
      hash.update(`${sorted.length}\0`);
      for (const s of sorted) hash.update(`${s.label.length}:${s.label}\0`);
      const block = new Int32Array(Math.min(BLOCK, c.values.length));
      for (let start = 0; start < c.values.length; start += BLOCK) {
        const n = Math.min(BLOCK, c.values.length - start);
        for (let i = 0; i < n; i++) {
          const code = c.values[start + i];
          block[i] = code < 0 || code >= rank.length ? -1 : rank[code];
        }
        hashBytes(hash, block.subarray(0, n));
      }
      return;
    }
    case 'text':
      for (const v of c.values) hash.update(v === null ? '\x01' : `${v.length}:${v}\0`);
      return;
  }
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function hashBytes(hash: Hash, values: Int8Array | Int32Array): void {
  if (LITTLE_ENDIAN || values.BYTES_PER_ELEMENT === 1) {
    hash.update(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
    return;
  }
  const view = new DataView(new ArrayBuffer(values.length * 4));
  for (let i = 0; i < values.length; i++) view.setInt32(i * 4, values[i], true);
  hash.update(new Uint8Array(view.buffer));
}

/** Doubles as little-endian bytes, with every NaN one bit pattern and -0 written as 0. */
function hashFloats(hash: Hash, values: Float64Array): void {
  const block = new Float64Array(Math.min(BLOCK, values.length));
  const bytes = new DataView(block.buffer);
  for (let start = 0; start < values.length; start += BLOCK) {
    const n = Math.min(BLOCK, values.length - start);
    for (let i = 0; i < n; i++) {
      const v = values[start + i];
      if (Number.isNaN(v)) {
        bytes.setUint32(i * 8, 0, true);
        bytes.setUint32(i * 8 + 4, 0x7ff80000, true);
      } else bytes.setFloat64(i * 8, v === 0 ? 0 : v, true);
    }
    hash.update(new Uint8Array(block.buffer, 0, n * 8));
  }
}

import type { BooleanColumn, CategoryColumn, Column } from '../frame.js';
import { mix } from './distinct.js';

/**
 * 32-bit hashes of rows and of columns, from one hash per cell. Categories hash by label (not by
 * code), so rows of two frames with different category dictionaries hash alike; missing hashes
 * alike in every kind of column, and 0 like −0. Equal hashes are only candidates: callers confirm
 * with `cellsEqual`.
 */
export interface FrameHashes {
  readonly rows: Uint32Array;
  /** One per column, in the order given. */
  readonly columns: Uint32Array;
}

const MISSING = 0x7f4a7c15;

export function hashFrame(columns: readonly Column[], n: number): FrameHashes {
  const rows = new Uint32Array(n).fill(0x811c9dc5);
  const colHashes = new Uint32Array(columns.length);
  columns.forEach((c, j) => {
    colHashes[j] = foldColumn(c, n, rows);
  });
  for (let i = 0; i < n; i++) rows[i] = finish(rows[i]);
  return { rows, columns: colHashes };
}

const P1 = 0x9e3779b1;
const P2 = 0x85ebca6b;

/**
 * Folds each cell of a column into its row's running hash and returns the column's own hash.
 * One multiply per 32-bit word: h = (rotl(h, 13) ^ w) · P is a bijection of w for a fixed h, so
 * rows that differ in one cell never collide; `finish` spreads the bits at the end. One loop per
 * kind, so that each stays monomorphic.
 */
function foldColumn(c: Column, n: number, rows: Uint32Array): number {
  let ch = 0x811c9dc5;
  if (c.kind === 'number' || c.kind === 'datetime') {
    const v = c.values;
    const words = new Int32Array(v.buffer, v.byteOffset, 2 * n);
    for (let i = 0; i < n; i++) {
      const x = v[i];
      let lo: number;
      let hi: number;
      if (Number.isNaN(x)) {
        lo = MISSING;
        hi = MISSING;
      } else if (x === 0) {
        lo = 0;
        hi = 0;
      } else {
        lo = words[2 * i];
        hi = words[2 * i + 1];
      }
      let h = rows[i];
      h = Math.imul(((h << 13) | (h >>> 19)) ^ lo, P1);
      rows[i] = Math.imul(((h << 13) | (h >>> 19)) ^ hi, P2);
      ch = Math.imul(((ch << 13) | (ch >>> 19)) ^ lo, P1);
      ch = Math.imul(((ch << 13) | (ch >>> 19)) ^ hi, P2);
    }
  } else if (c.kind === 'category' || c.kind === 'boolean') {
    const byLabel = labelHashes(c);
    const codes = c.values;
    for (let i = 0; i < n; i++) {
      const code = codes[i];
      const w = code < 0 ? MISSING : byLabel[code];
      const h = rows[i];
      rows[i] = Math.imul(((h << 13) | (h >>> 19)) ^ w, P1);
      ch = Math.imul(((ch << 13) | (ch >>> 19)) ^ w, P1);
    }
  } else {
    const v = c.values;
    for (let i = 0; i < n; i++) {
      const s = v[i];
      const w = s === null ? MISSING : stringHash(s);
      const h = rows[i];
      rows[i] = Math.imul(((h << 13) | (h >>> 19)) ^ w, P1);
      ch = Math.imul(((ch << 13) | (ch >>> 19)) ^ w, P1);
    }
  }
  return finish(ch);
}

/** murmur3's 32-bit finalizer. */
function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function labelHashes(c: CategoryColumn | BooleanColumn): Uint32Array {
  return c.kind === 'category'
    ? Uint32Array.from(c.categories, stringHash)
    : Uint32Array.of(stringHash('false'), stringHash('true'));
}

/** FNV-1a over UTF-16 code units, finished with the mixer. */
export function stringHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return mix(h, s.length);
}

/** Whether two cells hold the same value: by label for categories, missing equal to missing, 0 to −0. */
export function cellsEqual(a: Column, i: number, b: Column, j: number): boolean {
  switch (a.kind) {
    case 'number':
    case 'datetime': {
      if (b.kind !== a.kind) return false;
      const x = a.values[i];
      const y = b.values[j];
      return x === y || (Number.isNaN(x) && Number.isNaN(y));
    }
    case 'category': {
      if (b.kind !== 'category') return false;
      const x = a.values[i];
      const y = b.values[j];
      if (x < 0 || y < 0) return x < 0 && y < 0;
      return a === b ? x === y : a.categories[x] === b.categories[y];
    }
    case 'boolean':
      return b.kind === 'boolean' && (a.values[i] < 0 ? b.values[j] < 0 : a.values[i] === b.values[j]);
    case 'text':
      return b.kind === 'text' && a.values[i] === b.values[j];
  }
}

export function rowsEqual(a: readonly Column[], i: number, b: readonly Column[], j: number): boolean {
  for (let k = 0; k < a.length; k++) if (!cellsEqual(a[k], i, b[k], j)) return false;
  return true;
}

/** An open-addressing table of row indices keyed by row hash, holding each distinct row once. */
export class RowTable {
  readonly #slots: Int32Array;
  readonly #mask: number;
  readonly #hashes: Uint32Array;
  readonly #columns: readonly Column[];

  constructor(columns: readonly Column[], hashes: Uint32Array) {
    let size = 16;
    while (size < 2 * hashes.length) size <<= 1;
    this.#slots = new Int32Array(size).fill(-1);
    this.#mask = size - 1;
    this.#hashes = hashes;
    this.#columns = columns;
  }

  /** The earlier row equal to row `i` of these columns, or −1 after adding row `i`. */
  addOrFind(i: number): number {
    const h = this.#hashes[i];
    let s = h & this.#mask;
    for (;;) {
      const j = this.#slots[s];
      if (j < 0) {
        this.#slots[s] = i;
        return -1;
      }
      if (this.#hashes[j] === h && rowsEqual(this.#columns, j, this.#columns, i)) return j;
      s = (s + 1) & this.#mask;
    }
  }

  /** A row of the table equal to row `i` of `other` (same column order), or −1. */
  find(other: readonly Column[], hash: number, i: number): number {
    let s = hash & this.#mask;
    for (;;) {
      const j = this.#slots[s];
      if (j < 0) return -1;
      if (this.#hashes[j] === hash && rowsEqual(this.#columns, j, other, i)) return j;
      s = (s + 1) & this.#mask;
    }
  }
}

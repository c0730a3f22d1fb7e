import { FALSE_WORDS, TRUE_WORDS } from '../column-plan.js';
import type { ColumnKind } from '../frame.js';

/** How one cell reads as its column's kind (small numbers, compared on hot-ish loops). */
export const CellStatus = {
  /** Already of the kind. */
  Ok: 0,
  Missing: 1,
  /** Of another type, and converted without loss (`"12"` for a number, `1` for true). */
  Converted: 2,
  /** Of another type, and not convertible (`"abc"` for a number, `2` for a boolean). */
  Failed: 3,
} as const;
export type CellStatus = (typeof CellStatus)[keyof typeof CellStatus];

/** A cell's value as the model reads it: numbers (date-times in epoch ms), booleans, labels. */
export type CellValue = number | boolean | string | null;

const TRUE = new Set<string>(TRUE_WORDS);
const FALSE = new Set<string>(FALSE_WORDS);

/**
 * Reads plain cells (JSON values, or a Frame's cells) as a column's kind, into `value`. One reader
 * is reused across cells: the slow paths that call it allocate nothing per cell.
 */
export class CellReader {
  value: CellValue = null;

  /**
   * `epochNumbers`: a number given for a date-time is epoch milliseconds (the serving API says so);
   * a batch column of numbers for a date-time feature is refused instead (years? seconds?).
   */
  constructor(private readonly epochNumbers: boolean) {}

  read(kind: ColumnKind, v: unknown): CellStatus {
    if (v === null || v === undefined) {
      this.value = null;
      return CellStatus.Missing;
    }
    switch (kind) {
      case 'number':
        return this.#number(v);
      case 'boolean':
        return this.#boolean(v);
      case 'datetime':
        return this.#datetime(v);
      case 'category':
      case 'text':
        if (typeof v === 'string') return this.#set(v, CellStatus.Ok);
        if ((typeof v === 'number' && Number.isFinite(v)) || typeof v === 'boolean')
          return this.#set(String(v), CellStatus.Converted);
        return this.#fail();
    }
  }

  #number(v: unknown): CellStatus {
    if (typeof v === 'number') return Number.isFinite(v) ? this.#set(v, CellStatus.Ok) : this.#fail();
    if (typeof v === 'string') {
      const t = v.trim();
      const n = t === '' ? Number.NaN : Number(t);
      return Number.isFinite(n) ? this.#set(n, CellStatus.Converted) : this.#fail();
    }
    if (typeof v === 'boolean') return this.#set(v ? 1 : 0, CellStatus.Converted);
    return this.#fail();
  }

  #boolean(v: unknown): CellStatus {
    if (typeof v === 'boolean') return this.#set(v, CellStatus.Ok);
    if (typeof v === 'number')
      return v === 0 || v === 1 ? this.#set(v === 1, CellStatus.Converted) : this.#fail();
    if (typeof v === 'string') {
      const t = v.trim().toLowerCase();
      if (TRUE.has(t)) return this.#set(true, CellStatus.Converted);
      if (FALSE.has(t)) return this.#set(false, CellStatus.Converted);
    }
    return this.#fail();
  }

  #datetime(v: unknown): CellStatus {
    if (typeof v === 'number')
      return this.epochNumbers && Number.isFinite(v) ? this.#set(v, CellStatus.Ok) : this.#fail();
    if (typeof v === 'string') {
      const ms = parseDateTime(v);
      return Number.isNaN(ms) ? this.#fail() : this.#set(ms, CellStatus.Ok);
    }
    return this.#fail();
  }

  #set(value: CellValue, status: CellStatus): CellStatus {
    this.value = value;
    return status;
  }

  #fail(): CellStatus {
    this.value = null;
    return CellStatus.Failed;
  }
}

/** ISO 8601 dates and date-times (a space for the T reads as UTC), as the serving API and loaders take them. */
export function parseDateTime(s: string): number {
  return Date.parse(s.includes('T') || s.length <= 10 ? s : `${s.replace(' ', 'T')}Z`);
}

/** What a kind's values are, in words, for messages. */
export const KIND_WORDS: Readonly<Record<ColumnKind, string>> = {
  number: 'a number',
  boolean: 'true or false',
  datetime: 'an ISO 8601 date-time',
  category: 'a category label',
  text: 'text',
};

import { InputError } from '../util/errors.js';

/**
 * Frame: named, equally long, typed columns. Missing values are `NaN` for numbers and datetimes,
 * `-1` for category codes and booleans, and `null` for text.
 */
export type ColumnKind = 'number' | 'category' | 'boolean' | 'datetime' | 'text';

export interface NumberColumn {
  readonly kind: 'number';
  readonly values: Float64Array;
}
export interface CategoryColumn {
  readonly kind: 'category';
  /** Codes into `categories`; -1 is missing. */
  readonly values: Int32Array;
  readonly categories: readonly string[];
}
export interface BooleanColumn {
  readonly kind: 'boolean';
  /** 1 true, 0 false, -1 missing. */
  readonly values: Int8Array;
}
export interface DatetimeColumn {
  readonly kind: 'datetime';
  /** Milliseconds since the Unix epoch, UTC; NaN is missing. */
  readonly values: Float64Array;
}
export interface TextColumn {
  readonly kind: 'text';
  readonly values: readonly (string | null)[];
}
export type Column = NumberColumn | CategoryColumn | BooleanColumn | DatetimeColumn | TextColumn;
export type ColumnOf<K extends ColumnKind> = Extract<Column, { kind: K }>;

/** A single cell as plain JavaScript: what rows, JSON and CSV writers see. */
export type Cell = number | string | boolean | null;

export class Frame {
  readonly nRows: number;
  readonly #columns: ReadonlyMap<string, Column>;

  constructor(columns: Iterable<readonly [string, Column]> | Record<string, Column>, nRows?: number) {
    const entries: [string, Column][] =
      Symbol.iterator in columns
        ? [...(columns as Iterable<readonly [string, Column]>)].map(([n, c]) => [n, c])
        : Object.entries(columns as Record<string, Column>);
    const map = new Map<string, Column>();
    let rows = nRows;
    for (const [name, col] of entries) {
      if (map.has(name))
        throw new InputError('duplicate_column', `column '${name}' appears twice`, { column: name });
      const len = col.values.length;
      if (rows === undefined) rows = len;
      else if (len !== rows)
        throw new InputError('ragged_columns', `column '${name}' has ${len} values, expected ${rows}`, {
          column: name,
        });
      map.set(name, col);
    }
    this.#columns = map;
    this.nRows = rows ?? 0;
  }

  get names(): string[] {
    return [...this.#columns.keys()];
  }

  get nCols(): number {
    return this.#columns.size;
  }

  has(name: string): boolean {
    return this.#columns.has(name);
  }

  /** The column, or an InputError that lists what the frame has. */
  column(name: string): Column {
    const c = this.#columns.get(name);
    if (!c) {
      const known = this.names;
      const shown = known.length > 12 ? `${known.slice(0, 12).join(', ')}, ...` : known.join(', ');
      throw new InputError('unknown_column', `no column '${name}' (columns: ${shown})`, { column: name });
    }
    return c;
  }

  /** The column, checked to be of one kind. */
  columnOf<K extends ColumnKind>(name: string, kind: K): ColumnOf<K> {
    const c = this.column(name);
    if (c.kind !== kind)
      throw new InputError('wrong_kind', `column '${name}' is ${c.kind}, expected ${kind}`, { column: name });
    return c as ColumnOf<K>;
  }

  columns(): IterableIterator<[string, Column]> {
    return this.#columns.entries();
  }

  select(names: readonly string[]): Frame {
    return new Frame(
      names.map((n) => [n, this.column(n)] as const),
      this.nRows,
    );
  }

  drop(names: readonly string[]): Frame {
    const gone = new Set(names);
    return new Frame(
      [...this.#columns].filter(([n]) => !gone.has(n)),
      this.nRows,
    );
  }

  /** A new frame with `name` added or replaced. */
  with(name: string, column: Column): Frame {
    const next = new Map(this.#columns);
    next.set(name, column);
    return new Frame(next, this.#columns.size === 0 ? column.values.length : this.nRows);
  }

  /** Rows by index, in the given order (indices may repeat). */
  take(indices: ArrayLike<number>): Frame {
    return new Frame(
      [...this.#columns].map(([n, c]) => [n, takeColumn(c, indices)] as const),
      indices.length,
    );
  }

  slice(start: number, end = this.nRows): Frame {
    const s = Math.max(0, start);
    const e = Math.min(this.nRows, end);
    const idx = new Int32Array(Math.max(0, e - s));
    for (let i = 0; i < idx.length; i++) idx[i] = s + i;
    return this.take(idx);
  }

  /** One cell as plain JavaScript (category label, boolean, ISO date string, null for missing). */
  cell(name: string, row: number): Cell {
    return cellOf(this.column(name), row);
  }

  /** Rows as plain records, for display, JSON and small exports. */
  toRecords(start = 0, end = this.nRows): Record<string, Cell>[] {
    const out: Record<string, Cell>[] = [];
    const cols = [...this.#columns];
    for (let r = start; r < Math.min(end, this.nRows); r++) {
      const rec: Record<string, Cell> = {};
      for (const [n, c] of cols) rec[n] = cellOf(c, r);
      out.push(rec);
    }
    return out;
  }
}

export function cellOf(c: Column, row: number): Cell {
  switch (c.kind) {
    case 'number': {
      const v = c.values[row];
      return Number.isNaN(v) ? null : v;
    }
    case 'category': {
      const code = c.values[row];
      return code < 0 ? null : c.categories[code];
    }
    case 'boolean': {
      const v = c.values[row];
      return v < 0 ? null : v === 1;
    }
    case 'datetime': {
      const v = c.values[row];
      return Number.isNaN(v) ? null : new Date(v).toISOString();
    }
    case 'text':
      return c.values[row] ?? null;
  }
}

export function isMissing(c: Column, row: number): boolean {
  switch (c.kind) {
    case 'number':
    case 'datetime':
      return Number.isNaN(c.values[row]);
    case 'category':
    case 'boolean':
      return c.values[row] < 0;
    case 'text':
      return c.values[row] === null;
  }
}

export function countMissing(c: Column): number {
  let n = 0;
  for (let i = 0; i < c.values.length; i++) if (isMissing(c, i)) n++;
  return n;
}

export function takeColumn(c: Column, idx: ArrayLike<number>): Column {
  const n = idx.length;
  switch (c.kind) {
    case 'number':
    case 'datetime': {
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = c.values[idx[i]];
      return { kind: c.kind, values: out } as Column;
    }
    case 'category': {
      const out = new Int32Array(n);
      for (let i = 0; i < n; i++) out[i] = c.values[idx[i]];
      return { kind: 'category', values: out, categories: c.categories };
    }
    case 'boolean': {
      const out = new Int8Array(n);
      for (let i = 0; i < n; i++) out[i] = c.values[idx[i]];
      return { kind: 'boolean', values: out };
    }
    case 'text': {
      const out = new Array<string | null>(n);
      for (let i = 0; i < n; i++) out[i] = c.values[idx[i]];
      return { kind: 'text', values: out };
    }
  }
}

/** Column constructors, for tests and small in-memory frames. */
export const col = {
  number(values: ArrayLike<number | null>): NumberColumn {
    const out = new Float64Array(values.length);
    for (let i = 0; i < values.length; i++) out[i] = values[i] ?? Number.NaN;
    return { kind: 'number', values: out };
  },
  /** Categories are sorted (as scikit-learn's encoders sort them) unless given. */
  category(values: ArrayLike<string | null>, categories?: readonly string[]): CategoryColumn {
    const cats = categories ?? [...new Set(Array.from(values).filter((v): v is string => v !== null))].sort();
    const index = new Map(cats.map((c, i) => [c, i]));
    const codes = new Int32Array(values.length);
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      codes[i] = v === null ? -1 : (index.get(v) ?? -1);
    }
    return { kind: 'category', values: codes, categories: cats };
  },
  boolean(values: ArrayLike<boolean | null>): BooleanColumn {
    const out = new Int8Array(values.length);
    for (let i = 0; i < values.length; i++) out[i] = values[i] === null ? -1 : values[i] ? 1 : 0;
    return { kind: 'boolean', values: out };
  },
  datetime(values: ArrayLike<Date | string | number | null>): DatetimeColumn {
    const out = new Float64Array(values.length);
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      out[i] = v === null ? Number.NaN : v instanceof Date ? v.getTime() : new Date(v).getTime();
    }
    return { kind: 'datetime', values: out };
  },
  text(values: ArrayLike<string | null>): TextColumn {
    return { kind: 'text', values: Array.from(values) };
  },
};

import type { DuckDBDataChunk, DuckDBMaterializedResult } from '@duckdb/node-api';
import duckdb from '@duckdb/node-bindings';
import type { Column, ColumnKind } from './frame.js';

/**
 * Copies DuckDB result chunks into typed-array columns. The SQL (see `valueExpression`) already gave
 * every non-text column its final representation with missing values encoded (NaN, -1), so a chunk's
 * vector is copied with one `TypedArray.set` from DuckDB's own buffer: no per-value JavaScript.
 */
export interface ColumnSink {
  /** Appends `rows` values of column `index` of `chunk`, starting at the chunk's row `from`. */
  append(chunk: DuckDBDataChunk, index: number, rows: number, from?: number): void;
  /** The column so far (trimmed to the rows appended), and a fresh start for the next batch. */
  take(): Column;
}

type Typed = Float64Array | Int32Array | Int8Array;
type TypedCtor = {
  new (n: number): Typed;
  new (b: ArrayBufferLike, o: number, n: number): Typed;
  BYTES_PER_ELEMENT: number;
};

/** A view on the vector's data, or a copy when DuckDB's buffer is not aligned for the element size. */
function vectorView<T extends Typed>(
  ctor: TypedCtor,
  chunk: DuckDBDataChunk,
  index: number,
  rows: number,
): T {
  const vector = duckdb.data_chunk_get_vector(chunk.chunk, index);
  const bytes = duckdb.vector_get_data(vector, rows * ctor.BYTES_PER_ELEMENT);
  if (bytes.byteOffset % ctor.BYTES_PER_ELEMENT === 0)
    return new ctor(bytes.buffer, bytes.byteOffset, rows) as T;
  return new ctor(bytes.slice().buffer, 0, rows) as T;
}

class TypedSink implements ColumnSink {
  #values: Typed;
  #length = 0;
  constructor(
    readonly kind: 'number' | 'datetime' | 'boolean' | 'category',
    readonly ctor: TypedCtor,
    readonly capacity: number,
  ) {
    this.#values = new ctor(capacity);
  }
  append(chunk: DuckDBDataChunk, index: number, rows: number, from = 0): void {
    const view = vectorView(this.ctor, chunk, index, from + rows);
    this.#values.set(from === 0 ? view : view.subarray(from, from + rows), this.#length);
    this.#length += rows;
  }
  take(): Column {
    const values = this.#length === this.capacity ? this.#values : this.#values.slice(0, this.#length);
    this.#values = new this.ctor(this.capacity);
    this.#length = 0;
    return this.kind === 'category'
      ? { kind: 'category', values: values as Int32Array, categories: [] }
      : ({ kind: this.kind, values } as Column);
  }
}

class StringSink implements ColumnSink {
  #values: (string | null)[] = [];
  append(chunk: DuckDBDataChunk, index: number, rows: number, from = 0): void {
    const vector = chunk.getColumnVector(index);
    for (let i = from; i < from + rows; i++) this.#values.push(vector.getItem(i) as string | null);
  }
  constructor(readonly asLabels: boolean) {}
  take(): Column {
    const values = this.#values;
    this.#values = [];
    return this.asLabels ? encodeLabels(values) : { kind: 'text', values };
  }
}

/**
 * A sink for a column of the given kind, holding up to `capacity` rows. Category columns come out
 * as codes with no categories (the caller attaches them), unless `labels` is set: then they arrive
 * as strings and each batch is encoded with its own sorted categories (`encodeLabels`).
 */
export function columnSink(kind: ColumnKind, capacity: number, labels = false): ColumnSink {
  switch (kind) {
    case 'number':
    case 'datetime':
      return new TypedSink(kind, Float64Array as TypedCtor, capacity);
    case 'boolean':
      return new TypedSink(kind, Int8Array as TypedCtor, capacity);
    case 'category':
      return labels ? new StringSink(true) : new TypedSink(kind, Int32Array as TypedCtor, capacity);
    case 'text':
      return new StringSink(false);
  }
}

/** Strings to a category column with its own sorted categories (as `col.category` sorts them). */
export function encodeLabels(values: readonly (string | null)[]): Column {
  const index = new Map<string, number>();
  for (const v of values) if (v !== null && !index.has(v)) index.set(v, 0);
  const categories = [...index.keys()].sort();
  for (let i = 0; i < categories.length; i++) index.set(categories[i], i);
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    codes[i] = v === null ? -1 : (index.get(v) as number);
  }
  return { kind: 'category', values: codes, categories };
}

/** Every chunk of a materialized result copied into one column per plan (category codes without categories). */
export function chunkColumns(
  result: DuckDBMaterializedResult,
  plans: readonly { readonly kind: ColumnKind }[],
): Column[] {
  const rows = result.rowCount;
  const sinks = plans.map((p) => columnSink(p.kind, rows));
  for (let c = 0; c < result.chunkCount; c++) {
    const chunk = result.getChunk(c);
    const n = chunk.rowCount;
    for (let i = 0; i < sinks.length; i++) sinks[i].append(chunk, i, n);
  }
  return sinks.map((s) => s.take());
}

/**
 * Typed columns from logged JSON values, for the monitor: the kinds come from the model's
 * signature, not from the values, so that a window of traffic lines up with the training data.
 * Values the kind cannot take become missing (the request validator let none through, but an old
 * log may hold them). Categories keep the signature's order, and categories never seen in training
 * are appended in order of first appearance, since new categories are what drift looks for.
 * Browser-safe.
 */
import type { CategoryColumn, Column, ColumnKind, NumberColumn } from '../../data/frame.js';

/** What the window needs of a column's schema (a ColumnSchema fits). */
export interface ColumnSpec {
  readonly name: string;
  readonly kind: ColumnKind;
  readonly categories?: readonly string[];
}

export function numberColumn(values: readonly unknown[]): NumberColumn {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = toNumber(values[i]);
  return { kind: 'number', values: out };
}

export function categoryColumn(values: readonly unknown[], known: readonly string[] = []): CategoryColumn {
  const categories = [...known];
  const index = new Map(categories.map((c, i) => [c, i]));
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined || typeof v === 'object') {
      codes[i] = -1;
      continue;
    }
    const label = String(v);
    let code = index.get(label);
    if (code === undefined) {
      code = categories.push(label) - 1;
      index.set(label, code);
    }
    codes[i] = code;
  }
  return { kind: 'category', values: codes, categories };
}

/** A column of the given kind from plain values. */
export function columnOf(spec: ColumnSpec, values: readonly unknown[]): Column {
  const n = values.length;
  switch (spec.kind) {
    case 'number':
      return numberColumn(values);
    case 'category':
      return categoryColumn(values, spec.categories);
    case 'boolean': {
      const out = new Int8Array(n);
      for (let i = 0; i < n; i++) out[i] = toBoolean(values[i]);
      return { kind: 'boolean', values: out };
    }
    case 'datetime': {
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const v = values[i];
        out[i] = typeof v === 'string' ? Date.parse(v) : typeof v === 'number' ? v : Number.NaN;
      }
      return { kind: 'datetime', values: out };
    }
    case 'text':
      return {
        kind: 'text',
        values: values.map((v) =>
          typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : null,
        ),
      };
  }
}

function toNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '') return Number(v);
  return Number.NaN;
}

function toBoolean(v: unknown): number {
  if (v === true || v === 1 || v === 'true') return 1;
  if (v === false || v === 0 || v === 'false') return 0;
  return -1;
}

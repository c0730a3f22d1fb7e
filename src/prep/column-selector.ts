import type { ColumnKind, Frame } from '../data/frame.js';
import { InputError } from '../util/errors.js';

const KINDS: readonly ColumnKind[] = ['number', 'category', 'boolean', 'datetime', 'text'];

/**
 * Which columns a part of a ColumnTransformer takes: names (each must exist), every column of a
 * kind (or of several), or every column whose name matches a regular expression (its source, so
 * that the selector stays plain data when saved). Kinds and patterns are resolved once, at fit,
 * into names; transform then takes those names.
 */
export type ColumnSelector =
  | readonly string[]
  | { readonly kind: ColumnKind | readonly ColumnKind[] }
  | { readonly pattern: string };

/** Why a selector is malformed, or null when it is fine. */
export function selectorProblem(s: unknown): string | null {
  if (Array.isArray(s)) {
    if (!s.every((c) => typeof c === 'string')) return 'column names must be strings';
    if (new Set(s).size !== s.length) return 'a column is named twice';
    return null;
  }
  if (typeof s !== 'object' || s === null) return 'expected a list of names, { kind } or { pattern }';
  const keys = Object.keys(s);
  if (keys.length !== 1) return 'expected exactly one of names, { kind } or { pattern }';
  if ('kind' in s) {
    const kinds = Array.isArray(s.kind) ? s.kind : [s.kind];
    const bad = kinds.find((k) => !KINDS.includes(k as ColumnKind));
    return kinds.length === 0 || bad !== undefined
      ? `kind must be one of ${KINDS.join(', ')} (or a list of them), got ${JSON.stringify(bad ?? s.kind)}`
      : null;
  }
  if ('pattern' in s) {
    if (typeof s.pattern !== 'string') return 'pattern must be a regular expression source string';
    try {
      new RegExp(s.pattern);
    } catch (e) {
      return `pattern is not a valid regular expression: ${(e as Error).message}`;
    }
    return null;
  }
  return `expected a list of names, { kind } or { pattern }, got key ${JSON.stringify(keys[0])}`;
}

/** The column names a selector takes from this frame, in the selector's order (names) or the frame's. */
export function resolveSelector(owner: string, s: ColumnSelector, frame: Frame): string[] {
  if (Array.isArray(s)) {
    for (const name of s as readonly string[])
      if (!frame.has(name))
        throw new InputError(
          'unknown_column',
          `${owner}: no column '${name}' (columns: ${shortList(frame.names)})`,
          {
            column: name,
          },
        );
    return [...(s as readonly string[])];
  }
  const out: string[] = [];
  if ('kind' in s) {
    const kinds: readonly ColumnKind[] = Array.isArray(s.kind) ? s.kind : [s.kind as ColumnKind];
    for (const [name, c] of frame.columns()) if (kinds.includes(c.kind)) out.push(name);
  } else {
    const re = new RegExp((s as { pattern: string }).pattern);
    for (const name of frame.names) if (re.test(name)) out.push(name);
  }
  return out;
}

/** A selector in words, for messages and the train output. */
export function describeSelector(s: ColumnSelector): string {
  if (Array.isArray(s)) return (s as readonly string[]).join(', ');
  if ('kind' in s) return `every ${Array.isArray(s.kind) ? s.kind.join(' or ') : s.kind} column`;
  return `columns matching /${(s as { pattern: string }).pattern}/`;
}

function shortList(names: readonly string[]): string {
  return names.length > 12 ? `${names.slice(0, 12).join(', ')}, ...` : names.join(', ');
}

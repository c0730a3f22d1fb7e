import { InputError } from '../util/errors.js';
import { locate } from './consistency.js';
import { dirnameOf } from './paths.js';
import type { Pos } from './read.js';
import type { Spec } from './types.js';

/**
 * Where a parsed spec came from, kept beside it (not in it) so the spec stays plain data. Checks
 * that need the data, such as "target is not a column", run long after parsing and still point at
 * the line: `specError(spec, 'target', ...)`.
 */

interface Source {
  readonly file: string;
  readonly positions: ReadonlyMap<string, Pos>;
}

const sources = new WeakMap<Spec, Source>();

export function rememberSource(spec: Spec, file: string, positions: ReadonlyMap<string, Pos>): void {
  sources.set(spec, { file, positions });
}

/** The spec file and its folder (`''` for the current one), when the spec was parsed from a file. */
export function specSource(spec: Spec): { file: string; dir: string } | undefined {
  const s = sources.get(spec);
  return s && { file: s.file, dir: dirnameOf(s.file) };
}

/** Line and column of a dotted YAML field (`split.test_size`), or of the nearest section holding it. */
export function specPosition(spec: Spec, field: string): Pos | undefined {
  const s = sources.get(spec);
  return s && locate(s, field);
}

/**
 * An InputError about one field of a parsed spec: `cairn.yaml:4:9: <message>`. The message should
 * name the field, as the parser's do. A spec built in code (no file) gives the message alone.
 */
export function specError(spec: Spec, field: string, message: string, code = 'invalid_spec'): InputError {
  const s = sources.get(spec);
  if (!s) return new InputError(code, message, { field });
  const { line, col } = locate(s, field);
  return new InputError(code, `${s.file}:${line}:${col}: ${message}`, { file: s.file, line, col, field });
}

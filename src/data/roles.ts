import { InputError } from '../util/errors.js';
import { type Column, type Frame, isMissing } from './frame.js';
import type { ColumnRole } from './schema.js';

export interface GuessRolesOptions {
  /** The column to predict; it gets the role 'target'. Default: none. */
  target?: string;
}

/** Names that say "identifier": `id`, `ID`, `user_id`, `userId`, `order-id`, `uuid`, `guid`, `key` (not `paid`, `valid`). */
export const ID_NAME = /^(id|Id|ID|uuid|UUID|guid|GUID|key|KEY)$|[_\-\s.](id|Id|ID)$|[a-z0-9](Id|ID)$/;

/** The longest value for which unique strings read as identifiers rather than free text. */
export const ID_MAX_LENGTH = 64;

/**
 * Roles from names and values, as a first guess to confirm:
 * - the `target` column is 'target';
 * - a column is 'id' when no value is missing and every value is distinct, and either its name says
 *   id (`ID_NAME`) or it holds short strings (category or text, at most `ID_MAX_LENGTH` characters,
 *   two or more rows);
 * - every other column is a 'feature' (dates too: the date-feature transformers take them).
 */
export function guessRoles(frame: Frame, options: GuessRolesOptions = {}): Record<string, ColumnRole> {
  const { target } = options;
  if (target !== undefined && !frame.has(target))
    throw new InputError(
      'unknown_column',
      `target '${target}' is not a column (columns: ${frame.names.join(', ')})`,
      {
        column: target,
        field: 'target',
      },
    );
  const roles: Record<string, ColumnRole> = {};
  for (const [name, column] of frame.columns()) {
    if (name === target) roles[name] = 'target';
    else roles[name] = looksLikeId(name, column, frame.nRows) ? 'id' : 'feature';
  }
  return roles;
}

function looksLikeId(name: string, c: Column, rows: number): boolean {
  if (rows === 0) return false;
  const named = ID_NAME.test(name);
  const shortStrings =
    (c.kind === 'category' || c.kind === 'text') && rows >= 2 && maxLength(c) <= ID_MAX_LENGTH;
  if (!named && !shortStrings) return false;
  if (c.kind === 'boolean' || (c.kind === 'number' && !named)) return false;
  return uniqueAndComplete(c);
}

function maxLength(c: Column): number {
  let max = 0;
  if (c.kind === 'category') for (const s of c.categories) max = Math.max(max, s.length);
  else if (c.kind === 'text') for (const s of c.values) max = Math.max(max, s?.length ?? 0);
  return max;
}

function uniqueAndComplete(c: Column): boolean {
  const n = c.values.length;
  for (let i = 0; i < n; i++) if (isMissing(c, i)) return false;
  if (c.kind === 'category') {
    if (c.categories.length < n) return false;
    const seen = new Uint8Array(c.categories.length);
    for (const code of c.values) {
      if (seen[code]) return false;
      seen[code] = 1;
    }
    return true;
  }
  const seen = new Set<unknown>(c.values as ArrayLike<unknown> as unknown[]);
  return seen.size === n;
}

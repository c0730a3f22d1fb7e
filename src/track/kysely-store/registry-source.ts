/**
 * Where a version's artifact is, as stored: relative to the store's folder (with `/` separators)
 * when the artifact lies inside it, so that a whole `.cairn` folder (database and
 * `artifacts/<run>/model`) can be moved or copied and its registry still resolves; absolute
 * otherwise, and always for a store without a folder (in memory, or on a server).
 */
import { isAbsolute, join, relative, sep } from 'node:path';

export function toStoredSource(folder: string | undefined, source: string): string {
  if (!folder) return source;
  const rel = relative(folder, source);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return source;
  return rel.split(sep).join('/');
}

export function fromStoredSource(folder: string | undefined, stored: string): string {
  if (isAbsolute(stored) || !folder) return stored;
  return join(folder, ...stored.split('/'));
}

/**
 * Path arithmetic for the spec, written without `node:path` so that parsing a spec also works in
 * the browser (the dashboard shows and checks specs). Both `/` and `\` separate folders.
 */

const URL_LIKE = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//;
const WINDOWS_ABSOLUTE = /^([A-Za-z]:[\\/]|\\\\)/;

export function isAbsolutePath(p: string): boolean {
  return p.startsWith('/') || WINDOWS_ABSOLUTE.test(p) || URL_LIKE.test(p);
}

/** The folder part of a path, '' for a bare file name. */
export function dirnameOf(p: string): string {
  const i = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
  if (i < 0) return '';
  return i === 0 ? '/' : p.slice(0, i);
}

export function basenameOf(p: string): string {
  const trimmed = p.replace(/[\\/]+$/, '');
  return trimmed.slice(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\')) + 1);
}

/**
 * A data path written in the spec, as seen from where the spec was loaded: relative paths are
 * joined to the spec file's folder (`proj/cairn.yaml` + `data/a.csv` -> `proj/data/a.csv`);
 * absolute paths and URLs are kept as written.
 */
export function resolveFromSpec(specFile: string, p: string): string {
  if (isAbsolutePath(p)) return p;
  const dir = dirnameOf(specFile);
  return normalizePath(dir === '' ? p : `${dir}/${p}`);
}

/** Collapse `.` and `name/..` segments; leading `..` of a relative path stay. */
export function normalizePath(p: string): string {
  const absolute = p.startsWith('/');
  const out: string[] = [];
  for (const seg of p.split(/[\\/]+/)) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else if (seg === '..' && absolute) continue;
    else out.push(seg);
  }
  const joined = out.join('/');
  if (absolute) return `/${joined}`;
  return joined === '' ? '.' : joined;
}

const NAME_OK = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const DATA_EXTENSIONS =
  /(\.(csv|tsv|txt|parquet|pq|json|jsonl|ndjson|arrow|feather|db|sqlite|duckdb))?(\.(gz|zst|bz2|xz))?$/i;

export function isValidName(s: string): boolean {
  return NAME_OK.test(s) && s.length <= 100;
}

/** A model name from a data file name: `data/Churn 2024.csv.gz` -> `Churn-2024`; 'model' if nothing is left. */
export function nameFromPath(p: string): string {
  const stem = basenameOf(p).replace(DATA_EXTENSIONS, '');
  const cleaned = stem
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .slice(0, 100);
  return cleaned === '' ? 'model' : cleaned;
}

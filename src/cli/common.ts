import { isAbsolute, join, relative, resolve } from 'node:path';
import { parseStoreUri } from '../track/open-store.js';
import { InputError } from '../util/errors.js';
import type { CliIO } from './io.js';

/** Default home of Cairn's local state, under the working directory. */
export const CAIRN_DIR = '.cairn';
export const DEFAULT_STORE = `sqlite:${CAIRN_DIR}/cairn.db`;

/**
 * The store URI from a flag, then CAIRN_STORE, then the default. A relative SQLite path is made
 * absolute against the command's working directory (io.cwd), as artifact paths are, so that a
 * command run in-process for another directory uses that directory's store.
 */
export function storeUri(io: CliIO, flag?: string): string {
  const uri = flag ?? io.env.CAIRN_STORE ?? DEFAULT_STORE;
  const target = parseStoreUri(uri, io.cwd);
  return target.kind === 'sqlite' && target.file !== ':memory:' ? `sqlite:${target.file}` : uri;
}

/** Where a run's files go: `.cairn/artifacts/<run id>/`. */
export function runArtifactDir(io: CliIO, runId: string): string {
  return join(io.cwd, CAIRN_DIR, 'artifacts', runId);
}

export function absolute(io: CliIO, p: string): string {
  return isAbsolute(p) ? p : resolve(io.cwd, p);
}

/** A path to open: as the user wrote it when we run in their directory (so errors quote it as
 * written), else resolved against the command's working directory. */
export function fsPath(io: CliIO, p: string): string {
  return resolve(io.cwd) === process.cwd() ? p : absolute(io, p);
}

/** A path as the user would like to read it: relative to the working directory when inside it. */
export function shown(io: CliIO, p: string): string {
  const rel = relative(io.cwd, p);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : p;
}

/** `--param key=value`: the value as JSON when it parses (numbers, booleans, null), else a string. */
export function parseParam(text: string, into: Record<string, unknown> = {}): Record<string, unknown> {
  const eq = text.indexOf('=');
  if (eq <= 0)
    throw new InputError('bad_param', `--param must look like key=value, got '${text}'`, { field: 'param' });
  const key = snakeToCamel(text.slice(0, eq).trim());
  const raw = text.slice(eq + 1).trim();
  let value: unknown = raw;
  try {
    value = JSON.parse(raw);
  } catch {
    // a bare word stays a string: --param classWeight=balanced
  }
  into[key] = value;
  return into;
}

export function snakeToCamel(s: string): string {
  return s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

export function parseNumberFlag(
  name: string,
  text: string | undefined,
  check: (v: number) => boolean,
  expected: string,
): number | undefined {
  if (text === undefined) return undefined;
  const v = Number(text);
  if (text.trim() === '' || !Number.isFinite(v) || !check(v))
    throw new InputError('bad_flag', `--${name} must be ${expected}, got '${text}'`, { field: name });
  return v;
}

/** Prints the result as JSON (one line, for scripts) or as the human text. */
export function emit(io: CliIO, json: boolean | undefined, result: unknown, human: () => string): void {
  if (json) io.out(`${JSON.stringify(result, jsonReplacer)}\n`);
  else io.out(human());
}

/** NaN and infinities are not JSON: write them as null (scripts test for null). */
export function jsonReplacer(_key: string, v: unknown): unknown {
  return typeof v === 'number' && !Number.isFinite(v) ? null : v;
}

/**
 * Checks what callers hand the store, before any write, so that a bad batch fails whole with an
 * error naming the field (`metrics.3.step`) and what was expected. Limits follow MLflow's where it
 * has them, so that runs can be exported there.
 */
import { describeValue, InputError } from '../util/errors.js';
import { type ArtifactRef, type MetricPoint, RUN_STATUSES, type RunStatus } from './entities.js';
import type { ListRunsQuery, LogBatch, ParamValue, RunOrder } from './store.js';

export const MAX_KEY_LENGTH = 250;
export const MAX_PARAM_VALUE_LENGTH = 6000;
export const MAX_TAG_VALUE_LENGTH = 8000;
export const MAX_NAME_LENGTH = 250;
export const DEFAULT_LIST_LIMIT = 100;
export const MAX_LIST_LIMIT = 10_000;

/** Letters, digits and `_ - . / : space`, like MLflow's keys; `/` lets keys nest (`val/auc`). */
const KEY_PATTERN = /^[A-Za-z0-9_\-. /:]+$/;
const KIND_PATTERN = /^[a-z][a-z0-9_-]{0,63}$/;
const SHA256_PATTERN = /^[0-9a-f]{64}$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it refuses
const CONTROL = /[\u0000-\u001f\u007f]/;

/** A batch after validation: plain rows, defaults filled in. */
export interface CheckedBatch {
  readonly params: readonly (readonly [string, string])[];
  readonly metrics: readonly MetricPoint[];
  readonly tags: readonly (readonly [string, string])[];
  readonly artifacts: readonly ArtifactRef[];
}

function fail(field: string, message: string, extra: Record<string, unknown> = {}): never {
  throw new InputError('invalid_value', `${field}: ${message}`, { field, ...extra });
}

export function checkKey(field: string, key: unknown): string {
  if (typeof key !== 'string' || key.length === 0)
    fail(field, `key must be a non-empty string, got ${describeValue(key)}`);
  if (key.length > MAX_KEY_LENGTH)
    fail(field, `key is ${key.length} characters, at most ${MAX_KEY_LENGTH} allowed`, { key });
  if (!KEY_PATTERN.test(key))
    fail(field, `key ${JSON.stringify(key)} may only hold letters, digits and _ - . / : or spaces`, { key });
  return key;
}

/** Experiment and run names: free text without control characters. */
export function checkName(field: string, name: unknown): string {
  if (typeof name !== 'string' || name.trim().length === 0)
    fail(field, `name must be a non-empty string, got ${describeValue(name)}`);
  if (name.length > MAX_NAME_LENGTH)
    fail(field, `name is ${name.length} characters, at most ${MAX_NAME_LENGTH} allowed`);
  if (CONTROL.test(name)) fail(field, `name ${JSON.stringify(name)} must not hold control characters`);
  return name;
}

export function paramText(value: ParamValue): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return JSON.stringify(value, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v));
}

function checkInteger(field: string, v: unknown, min: number): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min)
    fail(field, `expected an integer${min === 0 ? ' >= 0' : ''}, got ${describeValue(v)}`);
  return v;
}

export function checkArtifact(field: string, a: ArtifactRef): ArtifactRef {
  if (a === null || typeof a !== 'object')
    fail(field, `expected {path, kind, sha256?}, got ${describeValue(a)}`);
  const { path, kind, sha256 } = a;
  if (typeof path !== 'string' || path.length === 0)
    fail(`${field}.path`, `expected a relative path, got ${describeValue(path)}`);
  const parts = path.split('/');
  if (
    path.startsWith('/') ||
    path.includes('\\') ||
    parts.some((p) => p === '' || p === '.' || p === '..') ||
    CONTROL.test(path)
  )
    fail(
      `${field}.path`,
      `${JSON.stringify(path)} must be a relative path with / separators and no . or .. parts`,
    );
  if (typeof kind !== 'string' || !KIND_PATTERN.test(kind))
    fail(
      `${field}.kind`,
      `expected a lowercase word such as 'model' or 'report', got ${describeValue(kind)}`,
    );
  if (sha256 !== undefined && (typeof sha256 !== 'string' || !SHA256_PATTERN.test(sha256)))
    fail(`${field}.sha256`, `expected 64 lowercase hex characters, got ${describeValue(sha256)}`);
  return sha256 === undefined ? { path, kind } : { path, kind, sha256 };
}

export function checkBatch(batch: LogBatch, now: number): CheckedBatch {
  if (batch === null || typeof batch !== 'object')
    fail('batch', `expected an object, got ${describeValue(batch)}`);
  const params: [string, string][] = [];
  for (const [key, value] of Object.entries(batch.params ?? {})) {
    if (value === undefined) continue;
    checkKey(`params.${key}`, key);
    const text = paramText(value);
    if (text.length > MAX_PARAM_VALUE_LENGTH)
      fail(`params.${key}`, `value is ${text.length} characters, at most ${MAX_PARAM_VALUE_LENGTH} allowed`, {
        key,
      });
    params.push([key, text]);
  }
  const tags: [string, string][] = [];
  for (const [key, value] of Object.entries(batch.tags ?? {})) {
    checkKey(`tags.${key}`, key);
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean')
      fail(`tags.${key}`, `expected a string, number or boolean, got ${describeValue(value)}`, { key });
    const text = String(value);
    if (text.length > MAX_TAG_VALUE_LENGTH)
      fail(`tags.${key}`, `value is ${text.length} characters, at most ${MAX_TAG_VALUE_LENGTH} allowed`, {
        key,
      });
    tags.push([key, text]);
  }
  const metrics = (batch.metrics ?? []).map((m, i): MetricPoint => {
    const field = `metrics.${i}`;
    if (m === null || typeof m !== 'object')
      fail(field, `expected {key, value, step?, timestamp?}, got ${describeValue(m)}`);
    const key = checkKey(`${field}.key`, m.key);
    if (typeof m.value !== 'number')
      fail(`${field}.value`, `expected a number, got ${describeValue(m.value)}`, { key });
    const step = m.step === undefined ? 0 : checkInteger(`${field}.step`, m.step, Number.MIN_SAFE_INTEGER);
    const timestamp = m.timestamp === undefined ? now : checkInteger(`${field}.timestamp`, m.timestamp, 0);
    return { key, value: m.value, step, timestamp };
  });
  // one row per path, the last one given winning, as a later logArtifact call would
  const byPath = new Map<string, ArtifactRef>();
  (batch.artifacts ?? []).forEach((a, i) => {
    const checked = checkArtifact(`artifacts.${i}`, a);
    byPath.delete(checked.path);
    byPath.set(checked.path, checked);
  });
  return { params, metrics, tags, artifacts: [...byPath.values()] };
}

export type CheckedOrder =
  | 'newest'
  | 'oldest'
  | { readonly metric: string; readonly direction: 'asc' | 'desc' };

/** The plain parts of a listRuns query (the experiment and parent are resolved by the store). */
export function checkListQuery(query: ListRunsQuery): {
  limit: number;
  statuses: RunStatus[];
  order: CheckedOrder;
} {
  if (query === null || typeof query !== 'object')
    fail('query', `expected an object, got ${describeValue(query)}`);
  const limit = query.limit ?? DEFAULT_LIST_LIMIT;
  if (typeof limit !== 'number' || !Number.isSafeInteger(limit) || limit < 1 || limit > MAX_LIST_LIMIT)
    fail('limit', `expected an integer from 1 to ${MAX_LIST_LIMIT}, got ${describeValue(limit)}`);
  const statuses =
    query.status === undefined ? [] : typeof query.status === 'string' ? [query.status] : [...query.status];
  for (const s of statuses)
    if (!RUN_STATUSES.includes(s))
      fail('status', `expected one of ${RUN_STATUSES.join(', ')}, got ${describeValue(s)}`);
  return { limit, statuses, order: checkOrder(query.order ?? 'newest') };
}

function checkOrder(order: RunOrder): CheckedOrder {
  if (order === 'newest' || order === 'oldest') return order;
  if (order === null || typeof order !== 'object')
    fail('order', `expected 'newest', 'oldest' or {metric, direction?}, got ${describeValue(order)}`);
  const metric = checkKey('order.metric', order.metric);
  const direction = order.direction ?? 'desc';
  if (direction !== 'asc' && direction !== 'desc')
    fail('order.direction', `expected 'asc' or 'desc', got ${describeValue(direction)}`);
  return { metric, direction };
}

/**
 * Checks what callers hand the registry, before any write, so that a bad call fails whole with an
 * error naming the model, version, alias or field and what was expected.
 */
import { isAbsolute } from 'node:path';
import { describeValue, InputError } from '../util/errors.js';
import type { RegisterVersionInput } from './store.js';
import { checkKey, MAX_TAG_VALUE_LENGTH } from './validate.js';

/** The spec's rule for model names (src/spec/paths.ts), so that a spec's name always registers. */
const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
export const MAX_MODEL_NAME_LENGTH = 100;
export const MAX_DESCRIPTION_LENGTH = 5000;
export const MAX_SOURCE_LENGTH = 4000;
/** Reserved for `models:/<name>/latest`, so that an alias can never shadow it. */
export const RESERVED_ALIASES: readonly string[] = ['latest'];
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it refuses
const CONTROL = /[\u0000-\u001f\u007f]/;

const NAME_RULE = `letters, digits, ".", "_" and "-", starting with a letter or digit, at most ${MAX_MODEL_NAME_LENGTH} characters`;

export function checkModelName(name: unknown, field = 'name'): string {
  if (typeof name !== 'string' || !NAME_PATTERN.test(name) || name.length > MAX_MODEL_NAME_LENGTH)
    throw new InputError(
      'invalid_value',
      `model name must hold only ${NAME_RULE}; got ${describeValue(name)}`,
      {
        field,
        model: name,
      },
    );
  return name;
}

/** Alias names follow the model name rule, but are never all digits, so `@3` cannot mean version 3. */
export function checkAliasName(alias: unknown, field = 'alias'): string {
  if (
    typeof alias !== 'string' ||
    !NAME_PATTERN.test(alias) ||
    alias.length > MAX_MODEL_NAME_LENGTH ||
    /^\d+$/.test(alias)
  )
    throw new InputError(
      'invalid_value',
      `alias must hold only ${NAME_RULE}, and not only digits (those are version numbers); got ${describeValue(alias)}`,
      { field, alias },
    );
  if (RESERVED_ALIASES.includes(alias))
    throw new InputError(
      'invalid_value',
      `alias '${alias}' is reserved: models:/<name>/latest already means the newest version`,
      { field, alias },
    );
  return alias;
}

export function checkVersionNumber(version: unknown, field = 'version'): number {
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1)
    throw new InputError(
      'invalid_value',
      `version must be a whole number from 1, got ${describeValue(version)}`,
      { field, version },
    );
  return version;
}

export function checkDescription(d: unknown, field: string): string | null {
  if (d === undefined || d === null) return null;
  if (typeof d !== 'string' || d.length > MAX_DESCRIPTION_LENGTH)
    throw new InputError(
      'invalid_value',
      `${field} must be text of at most ${MAX_DESCRIPTION_LENGTH} characters, got ${describeValue(d)}`,
      { field },
    );
  return d;
}

/** A registration after validation: plain rows, defaults filled in. */
export interface CheckedRegistration {
  readonly name: string;
  readonly source: string;
  readonly runId: string | undefined;
  readonly description: string | null;
  readonly tags: readonly (readonly [string, string])[];
  readonly metrics: readonly (readonly [string, number])[];
}

export function checkRegistration(input: RegisterVersionInput): CheckedRegistration {
  if (input === null || typeof input !== 'object')
    throw new InputError(
      'invalid_value',
      `registerModelVersion expects {name, source, ...}, got ${describeValue(input)}`,
    );
  const name = checkModelName(input.name);
  const { source } = input;
  if (
    typeof source !== 'string' ||
    !isAbsolute(source) ||
    source.length > MAX_SOURCE_LENGTH ||
    CONTROL.test(source)
  )
    throw new InputError(
      'invalid_value',
      `source must be the absolute path of a model artifact directory, got ${describeValue(source)}`,
      { field: 'source', model: name },
    );
  const runId = input.runId ?? undefined;
  if (runId !== undefined && typeof runId !== 'string')
    throw new InputError('invalid_value', `runId must be a run id, got ${describeValue(runId)}`, {
      field: 'runId',
    });
  const tags = Object.entries(input.tags ?? {}).map(([key, value]) => {
    checkKey(`tags.${key}`, key);
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean')
      throw new InputError(
        'invalid_value',
        `tags.${key}: expected a string, number or boolean, got ${describeValue(value)}`,
        { field: `tags.${key}` },
      );
    const text = String(value);
    if (text.length > MAX_TAG_VALUE_LENGTH)
      throw new InputError('invalid_value', `tags.${key}: at most ${MAX_TAG_VALUE_LENGTH} characters`, {
        field: `tags.${key}`,
      });
    return [key, text] as const;
  });
  const metrics = Object.entries(input.metrics ?? {}).map(([key, value]) => {
    checkKey(`metrics.${key}`, key);
    if (typeof value !== 'number')
      throw new InputError(
        'invalid_value',
        `metrics.${key}: expected a number, got ${describeValue(value)}`,
        {
          field: `metrics.${key}`,
        },
      );
    return [key, value] as const;
  });
  return {
    name,
    source,
    runId,
    description: checkDescription(input.description, 'description'),
    tags,
    metrics,
  };
}

/**
 * Model URIs, MLflow's forms, accepted everywhere a model directory is:
 *
 *   models:/churn/3          version 3 of the registered model `churn`
 *   models:/churn/latest     its newest version
 *   models:/churn@champion   the version the alias `champion` points at now
 *   runs:/3fa2c1             the model saved by a run (any unique prefix of its id; `/model` may follow)
 *   models/churn-v2          a plain model directory
 *
 * `parseModelUri` only reads the text; `resolveModelUri` asks the store and returns the artifact
 * directory with what it resolved through, so that a server can log "version 3, via champion".
 */
import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { checkAliasName, checkModelName } from '../track/registry-validate.js';
import type { Store } from '../track/store.js';
import { describeValue, InputError } from '../util/errors.js';

export type ModelUri =
  | { readonly kind: 'version'; readonly name: string; readonly version: number }
  | { readonly kind: 'latest'; readonly name: string }
  | { readonly kind: 'alias'; readonly name: string; readonly alias: string }
  | { readonly kind: 'run'; readonly runId: string }
  | { readonly kind: 'path'; readonly path: string };

/** Where a model URI led: the artifact directory, and the registry or run facts on the way. */
export interface ResolvedModel {
  /** The URI as given. */
  readonly uri: string;
  /** Absolute path of the model artifact directory (it exists). */
  readonly path: string;
  readonly name?: string;
  readonly version?: number;
  readonly alias?: string;
  readonly runId?: string;
}

export interface ResolveOptions {
  /** Base of relative directory paths (default: process.cwd()). */
  readonly cwd?: string;
  /** Where runs keep their files, `<dir>/<run id>/model` (default: `<cwd>/.cairn/artifacts`). */
  readonly artifactsDir?: string;
}

const FORMS =
  'models:/<name>/<version>, models:/<name>/latest, models:/<name>@<alias>, runs:/<run id> or a model directory';

function bad(uri: string, why: string, extra: Record<string, unknown> = {}): InputError {
  return new InputError('bad_model_uri', `model URI '${uri}' ${why}`, { field: 'model', uri, ...extra });
}

/** Reads a model URI; an InputError names what is wrong and the forms that work. */
export function parseModelUri(uri: string): ModelUri {
  if (typeof uri !== 'string' || uri.trim() === '')
    throw new InputError('bad_model_uri', `a model must be one of ${FORMS}, got ${describeValue(uri)}`, {
      field: 'model',
    });
  if (uri.startsWith('models:')) return parseModelsUri(uri);
  if (uri.startsWith('runs:')) {
    const m = /^runs:\/([^/]+)(\/model)?\/?$/.exec(uri);
    if (!m || !/^[0-9a-fA-F]{1,32}$/.test(m[1]))
      throw bad(uri, 'must read runs:/<run id>, the id (or a unique prefix of it) in hex');
    return { kind: 'run', runId: m[1].toLowerCase() };
  }
  // any other scheme (s3://, http://) is a mistake, not a directory called "s3:"
  const scheme = /^([a-z][a-z0-9+.-]+):\//i.exec(uri)?.[1];
  if (scheme) throw bad(uri, `has an unsupported scheme '${scheme}:'; use one of ${FORMS}`);
  return { kind: 'path', path: uri };
}

function parseModelsUri(uri: string): ModelUri {
  const body = uri.startsWith('models:/') ? uri.slice('models:/'.length) : undefined;
  if (body === undefined || body === '' || body.startsWith('/'))
    throw bad(uri, `must read models:/<name>/<version> or models:/<name>@<alias>`);
  const at = body.indexOf('@');
  const slash = body.indexOf('/');
  if (at >= 0 && (slash < 0 || at < slash)) {
    const name = named(uri, body.slice(0, at));
    const alias = body.slice(at + 1).replace(/\/$/, '');
    try {
      checkAliasName(alias);
    } catch (e) {
      throw bad(uri, `has a bad alias: ${(e as Error).message}`, { alias });
    }
    return { kind: 'alias', name, alias };
  }
  if (slash < 0)
    throw bad(
      uri,
      `names no version: write models:/${body}/<version>, models:/${body}/latest or models:/${body}@<alias>`,
    );
  const name = named(uri, body.slice(0, slash));
  const rest = body.slice(slash + 1).replace(/\/$/, '');
  if (rest === 'latest') return { kind: 'latest', name };
  if (!/^[1-9]\d{0,14}$/.test(rest))
    throw bad(uri, `has version '${rest}': a version is a whole number from 1, or 'latest'`, {
      version: rest,
    });
  return { kind: 'version', name, version: Number(rest) };
}

function named(uri: string, name: string): string {
  try {
    return checkModelName(name);
  } catch (e) {
    throw bad(uri, `has a bad model name: ${(e as Error).message}`, { model: name });
  }
}

/** The text form of a parsed URI (a path comes back as given). */
export function formatModelUri(u: ModelUri): string {
  switch (u.kind) {
    case 'version':
      return `models:/${u.name}/${u.version}`;
    case 'latest':
      return `models:/${u.name}/latest`;
    case 'alias':
      return `models:/${u.name}@${u.alias}`;
    case 'run':
      return `runs:/${u.runId}`;
    case 'path':
      return u.path;
  }
}

/** Whether resolving this URI needs the store (a plain directory does not). */
export function needsStore(u: ModelUri): boolean {
  return u.kind !== 'path';
}

/** The model directory a run saved: `<artifactsDir>/<run id>/model`. */
export function runModelDir(artifactsDir: string, runId: string): string {
  return join(artifactsDir, runId, 'model');
}

export function defaultArtifactsDir(cwd: string = process.cwd()): string {
  return join(cwd, '.cairn', 'artifacts');
}

/**
 * Resolves a model URI to its artifact directory. `store` may be undefined for a plain directory;
 * every other form needs it. Unknown models, versions, aliases and runs, and artifacts that are
 * gone, are InputErrors naming them.
 */
export async function resolveModelUri(
  store: Store | undefined,
  uri: string | ModelUri,
  opts: ResolveOptions = {},
): Promise<ResolvedModel> {
  const parsed = typeof uri === 'string' ? parseModelUri(uri) : uri;
  const text = typeof uri === 'string' ? uri : formatModelUri(uri);
  const cwd = opts.cwd ?? process.cwd();
  if (parsed.kind === 'path') {
    const path = isAbsolute(parsed.path) ? parsed.path : resolve(cwd, parsed.path);
    if (!existsSync(path))
      throw new InputError(
        'model_not_found',
        `${parsed.path}: no such model directory (give a directory written by cairn train, ` +
          'models:/<name>/<version>, models:/<name>@<alias> or runs:/<run id>)',
        { file: parsed.path },
      );
    return { uri: text, path };
  }
  if (!store) throw new Error(`resolveModelUri: '${text}' needs a store`);
  if (parsed.kind === 'run') {
    const run = await store.getRun(parsed.runId);
    const path = runModelDir(opts.artifactsDir ?? defaultArtifactsDir(cwd), run.id);
    if (!existsSync(path))
      throw new InputError('model_not_found', `run ${run.id.slice(0, 8)} has no saved model at ${path}`, {
        file: path,
        runId: run.id,
      });
    return { uri: text, path, runId: run.id };
  }
  const version =
    parsed.kind === 'version'
      ? await store.getModelVersion(parsed.name, parsed.version)
      : parsed.kind === 'alias'
        ? await store.getVersionByAlias(parsed.name, parsed.alias)
        : await store.getModelVersion(
            parsed.name,
            (await store.getRegisteredModel(parsed.name)).latestVersion,
          );
  if (!existsSync(version.source))
    throw new InputError(
      'model_not_found',
      `${text} is version ${version.version} of '${version.name}', whose artifact ${version.source} no longer exists`,
      { file: version.source, model: version.name, version: version.version },
    );
  return {
    uri: text,
    path: version.source,
    name: version.name,
    version: version.version,
    ...(parsed.kind === 'alias' ? { alias: parsed.alias } : {}),
    ...(version.runId ? { runId: version.runId } : {}),
  };
}

import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { InputError } from '../../util/errors.js';
import { decodeValue, makeTyped, type TypedArray } from '../../util/typed-json.js';
import {
  ARTIFACT_FORMAT_VERSION,
  type ArtifactContent,
  MANIFEST_FILE,
  type Manifest,
  MODEL_FILE,
  PROFILE_FILE,
} from './format.js';
import { sha256 } from './hash.js';

/**
 * Loads an artifact after checking every file against the manifest: a missing, changed, truncated
 * or extra file, or a format newer than this Cairn reads, is refused with an InputError naming the
 * file. Nothing is evaluated: the JSON is data and typed arrays come from raw bytes.
 */
export async function loadArtifact(dir: string): Promise<ArtifactContent> {
  const root = resolve(dir);
  const manifestPath = join(root, MANIFEST_FILE);
  const manifest = parseJSON(await readOrFail(manifestPath, dir), manifestPath) as Manifest;
  if (
    !manifest ||
    typeof manifest !== 'object' ||
    typeof manifest.files !== 'object' ||
    manifest.files === null
  )
    throw new InputError('bad_artifact', `${manifestPath}: not a Cairn model manifest (no "files")`, {
      file: manifestPath,
    });
  checkFormat(manifest.formatVersion, manifestPath);

  const files = new Map<string, Uint8Array>();
  for (const [path, entry] of Object.entries(manifest.files)) {
    const full = join(root, path);
    if (relative(root, full).startsWith('..'))
      throw new InputError(
        'bad_artifact',
        `${manifestPath}: file path '${path}' leaves the model directory`,
        {
          file: manifestPath,
        },
      );
    const bytes = await readOrFail(full, dir);
    if (bytes.byteLength !== entry.bytes)
      throw new InputError(
        'artifact_truncated',
        `${full}: ${bytes.byteLength} bytes, the manifest says ${entry.bytes}: the model file is truncated or was changed after saving`,
        { file: full },
      );
    if (sha256(bytes) !== entry.sha256)
      throw new InputError(
        'artifact_tampered',
        `${full}: checksum does not match the manifest: the model file was changed after saving`,
        { file: full },
      );
    files.set(path, bytes);
  }
  for (const extra of await listFiles(root))
    if (extra !== MANIFEST_FILE && !files.has(extra))
      throw new InputError('artifact_tampered', `${join(root, extra)}: file not listed in the manifest`, {
        file: join(root, extra),
      });

  const resolveRef = (marker: Record<string, unknown>): TypedArray => {
    const bytes = files.get(String(marker.ref));
    if (!bytes)
      throw new InputError('bad_artifact', `${root}: buffer '${String(marker.ref)}' is not in the manifest`, {
        file: root,
      });
    const t = makeTyped(String(marker.$typed), bytes);
    if (t.length !== marker.length)
      throw new InputError(
        'bad_artifact',
        `${join(root, String(marker.ref))}: length ${t.length}, expected ${String(marker.length)}`,
        {
          file: join(root, String(marker.ref)),
        },
      );
    return t;
  };
  const doc = (name: string) => {
    const bytes = files.get(name);
    if (!bytes)
      throw new InputError('bad_artifact', `${join(root, name)}: missing from the manifest`, {
        file: join(root, name),
      });
    return decodeValue(parseJSON(bytes, join(root, name)), resolveRef);
  };
  const model = doc(MODEL_FILE) as Record<string, unknown>;
  checkFormat(model.formatVersion, join(root, MODEL_FILE));
  return { model, profile: doc(PROFILE_FILE) };
}

function checkFormat(v: unknown, file: string): void {
  if (typeof v !== 'number')
    throw new InputError('bad_artifact', `${file}: no formatVersion: not a Cairn model`, {
      file,
      field: 'formatVersion',
    });
  if (v > ARTIFACT_FORMAT_VERSION)
    throw new InputError(
      'newer_format',
      `${file}: model format version ${v} is newer than this Cairn reads (${ARTIFACT_FORMAT_VERSION}): upgrade Cairn`,
      { file, field: 'formatVersion' },
    );
}

async function readOrFail(path: string, dir: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new InputError(
        'not_found',
        `${path}: no such file${path.endsWith(MANIFEST_FILE) ? ` (is ${dir} a Cairn model directory?)` : ''}`,
        {
          file: path,
        },
      );
    throw new InputError('unreadable', `${path}: cannot read (${code ?? String(e)})`, { file: path });
  }
}

function parseJSON(bytes: Uint8Array, file: string): unknown {
  const text = new TextDecoder().decode(bytes);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InputError(
      'bad_json',
      `${file}: not valid JSON (${(e as Error).message}): the file is damaged`,
      { file },
    );
  }
}

async function listFiles(root: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(join(root, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(root, rel)));
    else out.push(rel);
  }
  return out;
}

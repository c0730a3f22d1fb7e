import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { bytesOf, encodeValue, type TypedArray, typedArrayName } from '../../util/typed-json.js';
import { CAIRN_VERSION } from '../../version.js';
import {
  ARTIFACT_FORMAT_VERSION,
  type ArtifactContent,
  BUFFER_DIR,
  INLINE_MAX_BYTES,
  MANIFEST_FILE,
  type Manifest,
  MODEL_FILE,
  PROFILE_FILE,
} from './format.js';
import { sha256 } from './hash.js';

/**
 * Saves atomically: everything is written into a fresh sibling directory which is renamed into
 * place at the end. An existing artifact at `dir` is replaced only once the new one is complete.
 */
export async function saveArtifact(dir: string, content: ArtifactContent): Promise<string> {
  const target = resolve(dir);
  const parent = dirname(target);
  await mkdir(parent, { recursive: true });
  const stamp = `${process.pid}-${Date.now().toString(36)}`;
  const tmp = join(parent, `.${basename(target)}.tmp-${stamp}`);
  try {
    await mkdir(join(tmp, BUFFER_DIR), { recursive: true });
    const files: Record<string, Uint8Array> = {};
    let next = 0;
    const onTyped = (t: TypedArray) => {
      const name = typedArrayName(t);
      if (t.byteLength <= INLINE_MAX_BYTES) return encodeValue(t);
      const ref = `${BUFFER_DIR}/${String(next++).padStart(4, '0')}.bin`;
      files[ref] = copyBytes(t);
      return { $typed: name, ref, length: t.length };
    };
    const model = { ...content.model, formatVersion: ARTIFACT_FORMAT_VERSION, cairnVersion: CAIRN_VERSION };
    files[MODEL_FILE] = utf8(JSON.stringify(encodeValue(model, onTyped)));
    files[PROFILE_FILE] = utf8(JSON.stringify(encodeValue(content.profile, onTyped)));
    const manifest: Manifest = {
      formatVersion: ARTIFACT_FORMAT_VERSION,
      createdBy: `cairn ${CAIRN_VERSION}`,
      files: Object.fromEntries(
        Object.entries(files).map(([path, bytes]) => [
          path,
          { sha256: sha256(bytes), bytes: bytes.byteLength },
        ]),
      ),
    };
    for (const [path, bytes] of Object.entries(files)) await writeFile(join(tmp, path), bytes);
    await writeFile(join(tmp, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    await swapInto(tmp, target, stamp);
    return target;
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    throw err;
  }
}

/** Moves a finished directory to `target`, replacing what was there only after the move succeeds. */
async function swapInto(tmp: string, target: string, stamp: string): Promise<void> {
  const old = join(dirname(target), `.${basename(target)}.old-${stamp}`);
  let moved = false;
  try {
    await rename(target, old);
    moved = true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  try {
    await rename(tmp, target);
  } catch (e) {
    if (moved) await rename(old, target);
    throw e;
  }
  if (moved) await rm(old, { recursive: true, force: true });
}

function utf8(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}

/** Own little-endian bytes (every platform Node runs on is little-endian). */
function copyBytes(t: TypedArray): Uint8Array {
  return new Uint8Array(bytesOf(t));
}

/**
 * The model artifact: a directory `<name>/` holding
 *   cairn-model.json        format version, estimator/pipeline state, signature, metrics, lineage
 *   reference-profile.json  the training data's profile, for drift monitoring
 *   buffers/NNNN.bin        typed arrays, little-endian, referenced from the JSON files
 *   manifest.json           sha256 and size of every other file
 * Loading checks the manifest before parsing anything, so a changed or truncated file is refused.
 */
export const ARTIFACT_FORMAT_VERSION = 1;
export const MODEL_FILE = 'cairn-model.json';
export const PROFILE_FILE = 'reference-profile.json';
export const MANIFEST_FILE = 'manifest.json';
export const BUFFER_DIR = 'buffers';

/** Typed arrays shorter than this stay inline (base64) in the JSON, longer ones get a buffer file. */
export const INLINE_MAX_BYTES = 256;

export interface ManifestEntry {
  readonly sha256: string;
  readonly bytes: number;
}

export interface Manifest {
  readonly formatVersion: number;
  readonly createdBy: string;
  readonly files: Readonly<Record<string, ManifestEntry>>;
}

/** What is saved and loaded: two documents that may contain typed arrays anywhere. */
export interface ArtifactContent {
  /** The body of cairn-model.json (the loader checks `formatVersion` itself). */
  readonly model: Record<string, unknown>;
  readonly profile: unknown;
}

/** Cairn's data layer: Frame and Schema, loading, streaming, writing and fingerprinting data. */

export { closeDataEngine } from './duckdb-engine.js';
export { fingerprintFrame } from './fingerprint.js';
export * from './frame.js';
export { type FrameWriter, type FrameWriterOptions, openFrameWriter, writeFrame } from './frame-writer.js';
export { CATEGORY_RULE, ISO_DATETIME_PATTERN, inferKind, type StringEvidence } from './infer-kinds.js';
export { loadFrame } from './load.js';
export {
  DATA_FORMATS,
  type DataFormat,
  DEFAULT_NULL_VALUES,
  detectFormat,
  LOAD_DEFAULTS,
  type LoadOptions,
} from './load-options.js';
export * from './matrix.js';
export { type GuessRolesOptions, guessRoles, ID_MAX_LENGTH, ID_NAME } from './roles.js';
export { SCAN_DEFAULTS, type ScanOptions, scanFrames } from './scan.js';
export * from './schema.js';
export type { FrameSource } from './source-sql.js';

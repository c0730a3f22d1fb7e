import type { Frame } from '../data/frame.js';
import type { ColumnSchema } from '../data/schema.js';
import { conformBatch } from '../data/validate/index.js';

/**
 * Makes a frame fit a model's input signature, as every prediction needs: every feature column
 * must be present; a column read with another kind is converted where that loses nothing (numbers
 * written as text, 0/1 as booleans, numbers as category labels) and refused otherwise, naming the
 * column and the first row that does not convert. Extra columns are kept (ids, for output) and
 * ignored by the model. This is the 'warn' validation policy's floor: range, category and missing
 * checks, and the other policies, are `validateBatch`'s (src/data/validate), which the CLI and the
 * server run before predicting.
 */
export function conformToSignature(frame: Frame, features: readonly ColumnSchema[], source?: string): Frame {
  // The common case costs one pass over the names: everything is there with its kind.
  if (features.every((f) => frame.has(f.name) && frame.column(f.name).kind === f.kind)) return frame;
  return conformBatch(frame, features, undefined, { policy: 'warn', ...(source ? { source } : {}) }).frame;
}

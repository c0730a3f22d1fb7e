/**
 * What serving and batch scoring do with a batch that differs from the training data:
 *
 * - `reject`: strict. Anything the model would see differently from training refuses the batch:
 *   a missing column, a value of another type (even one that converts), a new category, a value
 *   outside the training range, a missing value where training had none.
 * - `warn` (the default): refuse only what the model cannot score as sent (a missing column, a
 *   value that does not convert to its column's kind, a label an encoder refuses); convert values
 *   that convert without loss (numbers written as text, 0/1 for booleans), and score the rest,
 *   reporting every finding as a warning.
 * - `coerce`: as `warn`, and make the batch look like training: values that do not convert become
 *   missing, numbers are clipped to the training range, new categories become missing (the imputer
 *   then fills them as it fills any missing value). Only a missing column still refuses.
 *
 * Batch-level findings (extra columns, a jump in a column's missing share) never refuse.
 */
export type ValidationPolicy = 'reject' | 'warn' | 'coerce';

export const VALIDATION_POLICIES: readonly ValidationPolicy[] = ['reject', 'warn', 'coerce'];

/** Used when neither a flag nor the model (the spec's `validation.policy` at training) says. */
export const DEFAULT_POLICY: ValidationPolicy = 'warn';

export function isValidationPolicy(v: unknown): v is ValidationPolicy {
  return typeof v === 'string' && (VALIDATION_POLICIES as readonly string[]).includes(v);
}

/** Thresholds of the batch-level checks. */
export interface ValidationThresholds {
  /**
   * A column's missing share may rise this much over its training share (absolute, 0.1 = ten
   * percentage points) before it is reported. Default 0.1.
   */
  readonly missingShareJump: number;
  /** Rows a batch needs before its missing shares are compared (a few rows prove nothing). Default 100. */
  readonly minRowsForShare: number;
}

export const VALIDATION_DEFAULTS: ValidationThresholds = { missingShareJump: 0.1, minRowsForShare: 100 };

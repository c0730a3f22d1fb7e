/** Validation of a new batch against a model's training schema, and the policy that applies it. */
export { BatchValidator, conformBatch, type ValidateOptions, validateBatch } from './batch-validator.js';
export { CellReader, CellStatus, type CellValue, KIND_WORDS, parseDateTime } from './cells.js';
export { coerceColumn } from './coerce.js';
export type {
  ExtraColumn,
  Finding,
  FindingKind,
  MissingColumn,
  MissingShare,
  NewCategory,
  OutOfRange,
  Severity,
  ShownValue,
  TypeChange,
  ValidationReport,
} from './findings.js';
export { reportOf } from './findings.js';
export { type CellName, fileCell, type JudgeContext, judgeColumn, num } from './judge.js';
export {
  DEFAULT_POLICY,
  isValidationPolicy,
  VALIDATION_DEFAULTS,
  VALIDATION_POLICIES,
  type ValidationPolicy,
  type ValidationThresholds,
} from './policy.js';
export { type RejectionOptions, rejection } from './reject.js';
export { type ColumnRule, columnRules, type ProfileCounts } from './rules.js';
export { ColumnTally } from './tally.js';

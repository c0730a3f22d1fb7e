import type { ColumnKind } from '../frame.js';
import type { ValidationPolicy } from './policy.js';

/** `error`: the policy refuses the batch for it. `warning`: reported, and the batch is scored. */
export type Severity = 'error' | 'warning';

export type FindingKind =
  | 'missing_column'
  | 'extra_column'
  | 'type_change'
  | 'new_category'
  | 'out_of_range'
  | 'missing_share';

interface FindingBase {
  readonly kind: FindingKind;
  readonly column: string;
  readonly severity: Severity;
  /** One line a person can act on, naming the column and the first offending row. */
  readonly message: string;
  /** 0-based row of the first offending value (in the whole batch), when rows are at fault. */
  readonly row?: number;
}

export interface MissingColumn extends FindingBase {
  readonly kind: 'missing_column';
  readonly expected: ColumnKind;
}

/** A column the model does not use (the target and ids of labelled data are not reported). */
export interface ExtraColumn extends FindingBase {
  readonly kind: 'extra_column';
}

/** A value as a report shows it. */
export type ShownValue = string | number | boolean;

/** Values of another type than the column's kind. */
export interface TypeChange extends FindingBase {
  readonly kind: 'type_change';
  readonly expected: ColumnKind;
  /** What arrived instead: a Frame kind (batch) or a JSON type (requests), most frequent first. */
  readonly got: readonly string[];
  /** Values read as the expected kind without loss (numbers written as text, 0/1 for booleans). */
  readonly converted: number;
  /** Values that do not convert; `examples` shows the first few with their rows. */
  readonly unconvertible: number;
  readonly examples: readonly { readonly row: number; readonly value: ShownValue }[];
  /** Under `coerce`: unconvertible values set to missing. */
  readonly setMissing?: number;
}

export interface NewCategory extends FindingBase {
  readonly kind: 'new_category';
  /** Values whose label was not seen in training. */
  readonly count: number;
  /** The new labels, most frequent first (at most 20), with their counts. */
  readonly categories: readonly { readonly label: string; readonly count: number }[];
  readonly distinct: number;
  /** Whether an encoder of the model refuses unknown labels (then only `coerce` can score them). */
  readonly refusedByModel: boolean;
  /** Under `coerce`: values set to missing. */
  readonly setMissing?: number;
}

export interface OutOfRange extends FindingBase {
  readonly kind: 'out_of_range';
  readonly count: number;
  readonly below: number;
  readonly above: number;
  /** Smallest and largest values seen in the batch. */
  readonly min: number;
  readonly max: number;
  readonly trainMin: number;
  readonly trainMax: number;
  /** Farthest distance beyond the training range, and that as a share of the range's width (null: one value in training). */
  readonly beyond: number;
  readonly beyondShare: number | null;
  /** Under `coerce`: values clipped to the training range. */
  readonly clipped?: number;
}

/** Missing values where training had none, or a missing share well above training's. */
export interface MissingShare extends FindingBase {
  readonly kind: 'missing_share';
  readonly count: number;
  readonly share: number;
  readonly trainShare: number;
  /** The allowed rise (absent when training had no missing values at all: any is reported). */
  readonly threshold?: number;
}

export type Finding = MissingColumn | ExtraColumn | TypeChange | NewCategory | OutOfRange | MissingShare;

/** What `validateBatch` returns: plain JSON. */
export interface ValidationReport {
  readonly policy: ValidationPolicy;
  readonly rows: number;
  /** False when some finding is an error: the policy refuses the batch. */
  readonly ok: boolean;
  readonly errors: number;
  readonly warnings: number;
  /** Errors first, then by column order of the signature. */
  readonly findings: readonly Finding[];
}

export function reportOf(
  policy: ValidationPolicy,
  rows: number,
  findings: readonly Finding[],
): ValidationReport {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const sorted = [
    ...findings.filter((f) => f.severity === 'error'),
    ...findings.filter((f) => f.severity !== 'error'),
  ];
  return { policy, rows, ok: errors === 0, errors, warnings: findings.length - errors, findings: sorted };
}

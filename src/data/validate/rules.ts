import type { ColumnKind } from '../frame.js';
import type { ColumnSchema } from '../schema.js';

/**
 * The parts of a model's reference profile (src/monitor/reference-profile.ts) that validation
 * reads: per feature, rows and missing values in training. Structural, so `data` needs no import
 * from `monitor`; a ReferenceProfile is one.
 */
export interface ProfileCounts {
  readonly features: Readonly<Record<string, { readonly count: number; readonly missing: number }>>;
}

/** One feature's checks, precompiled from the signature and profile once per model, not per batch. */
export interface ColumnRule {
  readonly name: string;
  readonly kind: ColumnKind;
  /** Training range of a number feature; `hasRange` false when training had no values. */
  readonly hasRange: boolean;
  readonly min: number;
  readonly max: number;
  /** Training labels of a category feature; null for other kinds. */
  readonly labels: ReadonlySet<string> | null;
  /** The training labels in order, for messages. */
  readonly categories: readonly string[];
  /** An encoder of the model refuses labels it did not see in training. */
  readonly strict: boolean;
  /** Whether training had missing values here (the signature's `nullable`). */
  readonly nullable: boolean;
  /** Share of training rows missing here, NaN when the profile does not say. */
  readonly trainShare: number;
}

export function columnRules(
  signature: readonly ColumnSchema[],
  profile?: ProfileCounts,
  strict: ReadonlySet<string> = new Set(),
): ColumnRule[] {
  return signature.map((f) => {
    const p = profile?.features[f.name];
    // Date-times move on by nature (every new batch is later than training): no range for them.
    const hasRange = f.kind === 'number' && f.min !== undefined && f.max !== undefined;
    return {
      name: f.name,
      kind: f.kind,
      hasRange,
      min: hasRange ? (f.min as number) : Number.NEGATIVE_INFINITY,
      max: hasRange ? (f.max as number) : Number.POSITIVE_INFINITY,
      labels: f.kind === 'category' ? new Set(f.categories ?? []) : null,
      categories: f.categories ?? [],
      strict: strict.has(f.name),
      nullable: f.nullable,
      trainShare: p && p.count > 0 ? p.missing / p.count : Number.NaN,
    };
  });
}

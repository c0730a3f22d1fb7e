import type { Schema } from '../data/schema.js';
import { OneHotEncoder } from './one-hot-encoder.js';
import { OrdinalEncoder } from './ordinal-encoder.js';
import { SelectColumns } from './select-columns.js';
import { SimpleImputer } from './simple-imputer.js';
import { StandardScaler } from './standard-scaler.js';
import type { FrameTransformer } from './transformer.js';

/** Which kind of model the steps prepare for. */
export type ModelFamily = 'linear' | 'tree';

export interface AutoPreprocess {
  /** Unfitted transformer steps, ready to go before the model in a Pipeline. */
  readonly steps: FrameTransformer[];
  /** Feature columns the steps use, in schema order. */
  readonly columns: string[];
  /** Feature columns left out, with why: one sentence each, for the user. */
  readonly notes: string[];
}

/**
 * The preprocessing an ML engineer would write first, chosen per column kind from the schema.
 * Only role 'feature' columns are used; a SelectColumns step drops everything else (targets, ids).
 *
 * - linear: numbers → median impute, standardize; categories and booleans → most-frequent impute,
 *   one-hot (unknown categories → all zeros).
 * - tree: numbers → median impute; categories and booleans → most-frequent impute; categories →
 *   ordinal codes (sorted-label positions, unseen → -1); booleans reach the model as 0/1.
 *   Trees need no scaling, and ordinal codes keep the matrix narrow.
 *
 * Datetime and text features are dropped, with a note, until date and text transformers exist.
 */
export function autoPreprocess(schema: Schema, family: ModelFamily): AutoPreprocess {
  const numbers: string[] = [];
  const categories: string[] = [];
  const booleans: string[] = [];
  const columns: string[] = [];
  const notes: string[] = [];
  for (const c of schema.columns) {
    if (c.role !== 'feature') continue;
    if (c.kind === 'datetime' || c.kind === 'text') {
      notes.push(
        `dropped ${c.kind} column '${c.name}': Cairn has no ${c.kind === 'datetime' ? 'date' : 'text'} transformer yet; derive number or category columns from it to use it`,
      );
      continue;
    }
    columns.push(c.name);
    if (c.kind === 'number') numbers.push(c.name);
    else if (c.kind === 'category') categories.push(c.name);
    else booleans.push(c.name);
  }
  const coded = [...categories, ...booleans];
  const steps: FrameTransformer[] = [new SelectColumns({ columns })];
  if (numbers.length > 0) steps.push(new SimpleImputer({ strategy: 'median', columns: numbers }));
  if (coded.length > 0) steps.push(new SimpleImputer({ strategy: 'most_frequent', columns: coded }));
  if (family === 'linear') {
    if (numbers.length > 0) steps.push(new StandardScaler({ columns: numbers }));
    if (coded.length > 0) steps.push(new OneHotEncoder({ handleUnknown: 'ignore', columns: coded }));
  } else if (categories.length > 0) steps.push(new OrdinalEncoder({ columns: categories }));
  return { steps, columns, notes };
}

import { type ColumnKind, countMissing, type Frame } from './frame.js';

/** What a column is for. Features feed the model; the rest are kept apart. */
export type ColumnRole = 'feature' | 'target' | 'id' | 'timestamp' | 'weight' | 'ignore';

export const COLUMN_ROLES: readonly ColumnRole[] = [
  'feature',
  'target',
  'id',
  'timestamp',
  'weight',
  'ignore',
];

export interface ColumnSchema {
  readonly name: string;
  readonly kind: ColumnKind;
  readonly role: ColumnRole;
  /** Whether missing values were seen (or are allowed). */
  readonly nullable: boolean;
  /** Known categories, for category columns. */
  readonly categories?: readonly string[];
  /** Range seen in training, for numbers and datetimes (epoch ms). */
  readonly min?: number;
  readonly max?: number;
}

export interface Schema {
  readonly columns: readonly ColumnSchema[];
}

/** The schema of a frame as it stands, with roles given by name (the rest are features). */
export function schemaOf(frame: Frame, roles: Readonly<Record<string, ColumnRole>> = {}): Schema {
  const columns: ColumnSchema[] = [];
  for (const [name, c] of frame.columns()) {
    const base = { name, kind: c.kind, role: roles[name] ?? 'feature', nullable: countMissing(c) > 0 };
    if (c.kind === 'category') columns.push({ ...base, categories: c.categories });
    else if (c.kind === 'number' || c.kind === 'datetime') {
      let min = Number.POSITIVE_INFINITY;
      let max = Number.NEGATIVE_INFINITY;
      for (const v of c.values) {
        if (v < min) min = v;
        if (v > max) max = v;
      }
      columns.push(min <= max ? { ...base, min, max } : base);
    } else columns.push(base);
  }
  return { columns };
}

export function columnsWithRole(schema: Schema, role: ColumnRole): ColumnSchema[] {
  return schema.columns.filter((c) => c.role === role);
}

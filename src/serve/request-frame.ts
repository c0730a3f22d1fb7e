import type { Cell, Column, Frame as FrameType } from '../data/frame.js';
import { Frame } from '../data/frame.js';
import type { ColumnSchema } from '../data/schema.js';
import type { Finding } from '../data/validate/index.js';
import { InputError } from '../util/errors.js';

/**
 * Turns validated request values into the model's input Frame, straight into typed arrays: one
 * pass per feature, no intermediate records. Categories are coded against the training labels,
 * so the encoders' lookup tables match the training dictionary; a label the model never saw gets
 * a code past the end (the encoder then treats it as unknown).
 */
export interface FeatureCoder {
  readonly schema: ColumnSchema;
  readonly name: string;
  /** Training labels → code, for category columns. */
  readonly codes?: ReadonlyMap<string, number>;
}

export type FramePlan = readonly FeatureCoder[];

export function framePlan(features: readonly ColumnSchema[]): FramePlan {
  return features.map((schema) => ({
    schema,
    name: schema.name,
    ...(schema.kind === 'category'
      ? { codes: new Map((schema.categories ?? []).map((c, i) => [c, i])) }
      : {}),
  }));
}

/**
 * Request values, however they were laid out: `n` rows, read cell by cell. A class, not closures,
 * so a request allocates one small object (the request path creates no functions).
 */
export class RequestInput {
  private constructor(
    readonly n: number,
    private readonly rows: readonly Record<string, unknown>[] | null,
    private readonly columns: Readonly<Record<string, readonly unknown[]>> | null,
    /** What validation found and the policy let through: the answer's `warnings`. Null when clean. */
    readonly findings: readonly Finding[] | null = null,
  ) {}

  static ofRows(rows: readonly Record<string, unknown>[]): RequestInput {
    return new RequestInput(rows.length, rows, null);
  }

  static ofColumns(
    n: number,
    columns: Readonly<Record<string, readonly unknown[]>>,
    findings: readonly Finding[] | null = null,
  ): RequestInput {
    return new RequestInput(n, null, columns, findings);
  }

  /** The same values, with findings to report beside the predictions. */
  withFindings(findings: readonly Finding[]): RequestInput {
    return new RequestInput(this.n, this.rows, this.columns, findings);
  }

  /** Cell `i` of a feature: `rows[i][name]` or `columns[name][i]`. */
  at(name: string, i: number): unknown {
    return this.rows !== null ? this.rows[i][name] : this.columns![name][i];
  }
}

/** Row objects (already checked against the signature schema). */
export function rowsInput(rows: readonly Record<string, unknown>[]): RequestInput {
  return RequestInput.ofRows(rows);
}

/** Columns of values (already checked; equal lengths are checked here). */
export function columnsInput(plan: FramePlan, columns: Readonly<Record<string, unknown[]>>): RequestInput {
  return RequestInput.ofColumns(columnsLength(plan, columns), columns);
}

/** The common length of the feature columns; unequal lengths are refused naming the column. */
export function columnsLength(plan: FramePlan, columns: Readonly<Record<string, unknown[]>>): number {
  const first = plan[0];
  const n = first ? columns[first.name].length : 0;
  for (const f of plan) {
    const len = columns[f.name].length;
    if (len !== n)
      throw new InputError(
        'ragged_columns',
        `columns.${f.name} has ${len} values, but columns.${first.name} has ${n}: every column needs one value per row`,
        { column: f.name, expected: n, got: len },
      );
  }
  return n;
}

/** The model's input frame. */
export function inputFrame(plan: FramePlan, input: RequestInput): FrameType {
  const cols: [string, Column][] = [];
  for (const f of plan) cols.push([f.name, buildColumn(f, input)]);
  return new Frame(cols, input.n);
}

function buildColumn(f: FeatureCoder, input: RequestInput): Column {
  const name = f.name;
  const n = input.n;
  switch (f.schema.kind) {
    case 'number': {
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const v = input.at(name, i);
        out[i] = v === null ? Number.NaN : (v as number);
      }
      return { kind: 'number', values: out };
    }
    case 'category':
      return categoryColumn(f, input);
    case 'boolean': {
      const out = new Int8Array(n);
      for (let i = 0; i < n; i++) {
        const v = input.at(name, i);
        out[i] = v === null ? -1 : v ? 1 : 0;
      }
      return { kind: 'boolean', values: out };
    }
    case 'datetime': {
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = datetimeValue(name, i, input.at(name, i));
      return { kind: 'datetime', values: out };
    }
    case 'text': {
      const out = new Array<string | null>(n);
      for (let i = 0; i < n; i++) out[i] = input.at(name, i) as string | null;
      return { kind: 'text', values: out };
    }
  }
}

function categoryColumn(f: FeatureCoder, input: RequestInput): Column {
  const n = input.n;
  const codes = f.codes!;
  const training = f.schema.categories ?? [];
  let categories: readonly string[] = training;
  let unknown: Map<string, number> | null = null;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = input.at(f.name, i);
    if (v === null) {
      out[i] = -1;
      continue;
    }
    const label = v as string;
    let code = codes.get(label);
    if (code === undefined) {
      // Unknown labels get codes after the training ones, in a dictionary copied only when needed.
      unknown ??= new Map();
      code = unknown.get(label);
      if (code === undefined) {
        code = training.length + unknown.size;
        unknown.set(label, code);
      }
    }
    out[i] = code;
  }
  if (unknown) categories = [...training, ...unknown.keys()];
  return { kind: 'category', values: out, categories };
}

function datetimeValue(column: string, row: number, v: unknown): number {
  if (v === null) return Number.NaN;
  if (typeof v === 'number') return v;
  const s = v as string;
  const ms = Date.parse(s.includes('T') || s.length <= 10 ? s : `${s.replace(' ', 'T')}Z`);
  if (Number.isNaN(ms))
    throw new InputError(
      'wrong_type',
      `row ${row}, column '${column}': ${JSON.stringify(s.slice(0, 40))} is not a date-time (expected ISO 8601, like 2001-01-31T08:30:00Z)`,
      { row, column, expected: 'date-time' },
    );
  return ms;
}

/** Refuses date-times that do not parse, as building the Frame would. */
export function checkDatetimes(features: FramePlan, input: RequestInput): void {
  for (const f of features) for (let i = 0; i < input.n; i++) datetimeValue(f.name, i, input.at(f.name, i));
}

/** The features of row `i` as plain cells, for the prediction log. */
export function rowInputs(plan: FramePlan, input: RequestInput, i: number): Record<string, Cell> {
  const out: Record<string, Cell> = {};
  for (const f of plan) out[f.name] = input.at(f.name, i) as Cell;
  return out;
}

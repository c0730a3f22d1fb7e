import { type Cell, type Column, cellOf, col, type Frame, isMissing } from '../frame.js';
import type { ColumnSchema } from '../schema.js';
import { CellReader, CellStatus } from './cells.js';
import { coerceColumn } from './coerce.js';
import type { Finding } from './findings.js';
import { reportOf, type ValidationReport } from './findings.js';
import { type CellName, fileCell, judgeColumn } from './judge.js';
import {
  DEFAULT_POLICY,
  VALIDATION_DEFAULTS,
  type ValidationPolicy,
  type ValidationThresholds,
} from './policy.js';
import { type RejectionOptions, rejection } from './reject.js';
import { type ColumnRule, columnRules, type ProfileCounts } from './rules.js';
import { ColumnTally } from './tally.js';

export interface ValidateOptions extends Partial<ValidationThresholds> {
  /** What errors are, and what is converted (see policy.ts). Default 'warn'. */
  readonly policy?: ValidationPolicy;
  /** Category features whose unknown labels the model refuses (one-hot with handleUnknown 'error'). */
  readonly strictCategories?: ReadonlySet<string>;
  /** Columns that are not features but belong in the data (the target, ids): not reported as extra. */
  readonly expected?: readonly string[];
  /** How messages name a cell. Default: `'x' at data row 5`. */
  readonly cell?: CellName;
}

/**
 * Validates a batch against a model's input signature and the reference profile of its training
 * data, and reports what differs: missing and extra columns, values of another type (with
 * examples and rows), new categories (with counts), numbers outside the training range (how many,
 * how far), missing values where training had none, and missing shares well above training's.
 * Each finding carries the severity `policy` gives it. Never throws for the data's sake.
 *
 *   const report = validateBatch(frame, model.info.features, model.profile, { policy: 'reject' });
 *   if (!report.ok) console.log(report.findings.filter((f) => f.severity === 'error'));
 */
export function validateBatch(
  frame: Frame,
  signature: readonly ColumnSchema[],
  profile?: ProfileCounts,
  opts: ValidateOptions = {},
): ValidationReport {
  const v = new BatchValidator(signature, profile, opts);
  v.observe(frame);
  return v.report();
}

/**
 * Applies the policy to a batch: throws the InputError of `rejection` when it refuses the batch,
 * else returns the frame as the model should see it (feature columns converted to their kinds,
 * and under 'coerce' clipped and with new categories missing; other columns as they were) and
 * the report.
 */
export function conformBatch(
  frame: Frame,
  signature: readonly ColumnSchema[],
  profile?: ProfileCounts,
  opts: ValidateOptions & RejectionOptions = {},
): { frame: Frame; report: ValidationReport } {
  const v = new BatchValidator(signature, profile, opts);
  const out = v.check(frame, opts);
  return { frame: out, report: v.report() };
}

/**
 * Validation of a batch that arrives in chunks (a file scanned in Frames): every chunk adds to the
 * same tallies, so the report and its row numbers cover the whole batch, and a chunk is refused as
 * soon as the batch so far holds an error.
 */
export class BatchValidator {
  readonly policy: ValidationPolicy;
  readonly #rules: readonly ColumnRule[];
  readonly #tallies: ColumnTally[];
  readonly #expected: ReadonlySet<string>;
  readonly #thresholds: ValidationThresholds;
  readonly #cell: CellName;
  #rows = 0;
  #columns: { missing: ColumnRule[]; extra: string[] } | null = null;

  constructor(
    signature: readonly ColumnSchema[],
    profile: ProfileCounts | undefined,
    opts: ValidateOptions = {},
  ) {
    this.policy = opts.policy ?? DEFAULT_POLICY;
    this.#rules = columnRules(signature, profile, opts.strictCategories);
    this.#tallies = this.#rules.map((r) => new ColumnTally(r));
    this.#expected = new Set([...signature.map((f) => f.name), ...(opts.expected ?? [])]);
    this.#thresholds = {
      missingShareJump: opts.missingShareJump ?? VALIDATION_DEFAULTS.missingShareJump,
      minRowsForShare: opts.minRowsForShare ?? VALIDATION_DEFAULTS.minRowsForShare,
    };
    this.#cell = opts.cell ?? fileCell;
  }

  /** Counts the next chunk into the report, without judging it. */
  observe(frame: Frame): void {
    const offset = this.#rows;
    this.#columns ??= {
      missing: this.#rules.filter((r) => !frame.has(r.name)),
      extra: frame.names.filter((n) => !this.#expected.has(n)),
    };
    this.#rules.forEach((r, k) => {
      if (frame.has(r.name)) observeColumn(frame.column(r.name), this.#tallies[k], offset);
    });
    this.#rows += frame.nRows;
  }

  /**
   * Counts the next chunk, refuses it (the policy's InputError) when the batch so far holds an
   * error, and returns it as the model should see it.
   */
  check(frame: Frame, opts: RejectionOptions = {}): Frame {
    this.observe(frame);
    const report = this.report();
    if (!report.ok) throw rejection(report, opts);
    let out = frame;
    for (const r of this.#rules) {
      const c = frame.column(r.name);
      const conformed = conformColumn(c, r, this.policy);
      if (conformed !== c) out = out.with(r.name, conformed);
    }
    return out;
  }

  /** The findings so far, with missing shares over every row seen. */
  report(): ValidationReport {
    const findings: Finding[] = [];
    const columns = this.#columns ?? { missing: [], extra: [] };
    for (const r of columns.missing)
      findings.push({
        kind: 'missing_column',
        column: r.name,
        severity: 'error',
        message: `column '${r.name}' is missing: the model needs it (${r.kind})`,
        expected: r.kind,
      });
    const ctx = { policy: this.policy, thresholds: this.#thresholds, cell: this.#cell };
    for (const t of this.#tallies) if (t.rows > 0) findings.push(...judgeColumn(t, ctx));
    for (const name of columns.extra)
      findings.push({
        kind: 'extra_column',
        column: name,
        severity: 'warning',
        message: `column '${name}' is not a model feature: it is ignored`,
      });
    return reportOf(this.policy, this.#rows, findings);
  }
}

/** One column of a chunk into its tally: typed-array loops when the kind matches, cell by cell otherwise. */
function observeColumn(c: Column, t: ColumnTally, offset: number): void {
  const n = c.values.length;
  t.rows += n;
  const r = t.rule;
  if (c.kind !== r.kind) {
    const reader = new CellReader(false);
    for (let i = 0; i < n; i++) {
      const cell = cellOf(c, i);
      const status = reader.read(r.kind, cell);
      if (status === CellStatus.Converted)
        t.convertedAt(offset + i, c.kind, cell as string | number | boolean);
      else if (status === CellStatus.Failed) {
        t.failedAt(offset + i, c.kind, cell as string | number | boolean);
        continue;
      }
      t.valueAt(offset + i, reader.value);
    }
    return;
  }
  switch (c.kind) {
    case 'number': {
      const v = c.values;
      for (let i = 0; i < n; i++) {
        const x = v[i];
        if (Number.isNaN(x)) t.missingAt(offset + i);
        else t.numberAt(offset + i, x);
      }
      return;
    }
    case 'category':
      observeCategories(c.values, c.categories, t, offset);
      return;
    case 'boolean':
    case 'datetime':
    case 'text':
      for (let i = 0; i < n; i++) if (isMissing(c, i)) t.missingAt(offset + i);
      return;
  }
}

/** Category codes counted per code, then unknown labels added once per label (not per row). */
function observeCategories(
  codes: Int32Array,
  labels: readonly string[],
  t: ColumnTally,
  offset: number,
): void {
  const known = t.rule.labels;
  const unknown = Int8Array.from(labels, (l) => (known && !known.has(l) ? 1 : 0));
  const counts = new Float64Array(labels.length);
  const first = new Float64Array(labels.length).fill(-1);
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i];
    if (code < 0) t.missingAt(offset + i);
    else if (unknown[code] === 1) {
      counts[code]++;
      if (first[code] < 0) first[code] = offset + i;
    }
  }
  for (let j = 0; j < labels.length; j++) if (counts[j] > 0) t.unknownAt(first[j], labels[j], counts[j]);
}

/** The column as the model should see it under the policy (the same object when nothing changes). */
function conformColumn(c: Column, r: ColumnRule, policy: ValidationPolicy): Column {
  const coerce = policy === 'coerce';
  if (c.kind === r.kind) return coerce ? coerceColumn(c, r) : c;
  const reader = new CellReader(false);
  const values: Cell[] = new Array(c.values.length);
  for (let i = 0; i < values.length; i++) {
    reader.read(r.kind, cellOf(c, i));
    values[i] = reader.value; // unconvertible cells read as null: only 'coerce' gets this far with them
  }
  const converted = columnOfKind(r.kind, values);
  return coerce ? coerceColumn(converted, r) : converted;
}

function columnOfKind(kind: ColumnRule['kind'], values: Cell[]): Column {
  switch (kind) {
    case 'number':
    case 'datetime': {
      const out = col.number(values as (number | null)[]);
      return kind === 'number' ? out : { kind: 'datetime', values: out.values };
    }
    case 'boolean':
      return col.boolean(values as (boolean | null)[]);
    case 'category':
      return col.category(values as (string | null)[]);
    case 'text':
      return col.text(values as (string | null)[]);
  }
}

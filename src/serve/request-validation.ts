import type { ColumnSchema } from '../data/schema.js';
import {
  type CellName,
  CellReader,
  CellStatus,
  type ColumnRule,
  ColumnTally,
  columnRules,
  type Finding,
  judgeColumn,
  type ProfileCounts,
  parseDateTime,
  rejection,
  reportOf,
  VALIDATION_DEFAULTS,
  type ValidationPolicy,
  type ValidationReport,
} from '../data/validate/index.js';
import { RequestInput } from './request-frame.js';

/**
 * A version's validation of requests (src/data/validate's checks, on JSON cells), in two parts:
 *
 * - `clean`: the hot path, run on every request that passed the signature's JSON Schema. Flat
 *   arrays built once per version: numbers against the training range, labels against the
 *   training labels, date-times parsed, and missing shares of large requests. It allocates
 *   nothing and answers whether anything needs reporting.
 * - `inspect`: the slow path, for requests that did not pass the schema (values of another type,
 *   missing values where training had none) or are not clean. It tallies every cell, judges the
 *   findings under the policy, throws the policy's refusal (a 400 with the findings in details),
 *   or returns what the model should see (converted, and under 'coerce' clipped and with new
 *   categories missing) with the findings to report as `warnings`.
 */
export class RequestValidator {
  readonly #rules: readonly ColumnRule[];
  readonly #numbers: string[] = [];
  readonly #mins: number[] = [];
  readonly #maxs: number[] = [];
  readonly #categories: string[] = [];
  readonly #labels: ReadonlySet<string>[] = [];
  readonly #dates: string[] = [];
  /** Nullable features whose training missing share is known, and the share a request may reach. */
  readonly #shared: string[] = [];
  readonly #shareLimits: number[] = [];
  readonly #minRows = VALIDATION_DEFAULTS.minRowsForShare;

  constructor(
    features: readonly ColumnSchema[],
    profile: ProfileCounts | undefined,
    readonly policy: ValidationPolicy,
    strict: ReadonlySet<string>,
  ) {
    this.#rules = columnRules(features, profile, strict);
    for (const r of this.#rules) {
      if (r.hasRange) {
        this.#numbers.push(r.name);
        this.#mins.push(r.min);
        this.#maxs.push(r.max);
      }
      if (r.labels) {
        this.#categories.push(r.name);
        this.#labels.push(r.labels);
      }
      if (r.kind === 'datetime') this.#dates.push(r.name);
      if (r.nullable && !Number.isNaN(r.trainShare)) {
        this.#shared.push(r.name);
        this.#shareLimits.push(r.trainShare + VALIDATION_DEFAULTS.missingShareJump);
      }
    }
  }

  /** Whether a request that passed the JSON Schema has nothing to report. */
  clean(input: RequestInput): boolean {
    const n = input.n;
    for (let k = 0; k < this.#numbers.length; k++) {
      const name = this.#numbers[k];
      const lo = this.#mins[k];
      const hi = this.#maxs[k];
      for (let i = 0; i < n; i++) {
        const v = input.at(name, i) as number | null;
        if (v !== null && (v < lo || v > hi)) return false;
      }
    }
    for (let k = 0; k < this.#categories.length; k++) {
      const name = this.#categories[k];
      const labels = this.#labels[k];
      for (let i = 0; i < n; i++) {
        const v = input.at(name, i) as string | null;
        if (v !== null && !labels.has(v)) return false;
      }
    }
    for (const name of this.#dates)
      for (let i = 0; i < n; i++) {
        const v = input.at(name, i);
        if (typeof v === 'string' && Number.isNaN(parseDateTime(v))) return false;
      }
    if (n >= this.#minRows)
      for (let k = 0; k < this.#shared.length; k++) {
        const name = this.#shared[k];
        let missing = 0;
        for (let i = 0; i < n; i++) if (input.at(name, i) === null) missing++;
        if (missing / n > this.#shareLimits[k]) return false;
      }
    return true;
  }

  /** Every cell tallied and judged under the policy (cells are JSON scalars: the lenient schema passed). */
  report(input: RequestInput, cell: CellName): ValidationReport {
    const reader = new CellReader(true);
    const ctx = { policy: this.policy, thresholds: VALIDATION_DEFAULTS, cell };
    const findings: Finding[] = [];
    for (const r of this.#rules) {
      const t = new ColumnTally(r);
      t.rows = input.n;
      for (let i = 0; i < input.n; i++) {
        const v = input.at(r.name, i);
        const status = reader.read(r.kind, v);
        if (status === CellStatus.Failed) t.failedAt(i, typeof v, v as string | number | boolean);
        else {
          if (status === CellStatus.Converted) t.convertedAt(i, typeof v, v as string | number | boolean);
          t.valueAt(i, reader.value);
        }
      }
      findings.push(...judgeColumn(t, ctx));
    }
    return reportOf(this.policy, input.n, findings);
  }

  /**
   * The slow path: throws the policy's refusal, or returns the input the model should see, with
   * its findings (the same input when nothing needs converting).
   */
  inspect(input: RequestInput, cell: CellName): RequestInput {
    const report = this.report(input, cell);
    if (!report.ok) throw rejection(report);
    if (report.findings.length === 0) return input;
    const changes = report.findings.some(
      (f) =>
        (f.kind === 'type_change' && (f.converted > 0 || f.unconvertible > 0)) ||
        (this.policy === 'coerce' && (f.kind === 'out_of_range' || f.kind === 'new_category')),
    );
    return changes
      ? RequestInput.ofColumns(input.n, this.#modelColumns(input), report.findings)
      : input.withFindings(report.findings);
  }

  /** Feature values as the model takes them: converted; under 'coerce' also clipped, unknown labels and bad values null. */
  #modelColumns(input: RequestInput): Record<string, unknown[]> {
    const reader = new CellReader(true);
    const coerce = this.policy === 'coerce';
    const out: Record<string, unknown[]> = {};
    for (const r of this.#rules) {
      const values = new Array<unknown>(input.n);
      for (let i = 0; i < input.n; i++) {
        const v = input.at(r.name, i);
        const status = reader.read(r.kind, v);
        let x: unknown = status === CellStatus.Failed ? null : r.kind === 'datetime' ? v : reader.value;
        if (coerce && x !== null) {
          if (r.hasRange) x = Math.min(r.max, Math.max(r.min, x as number));
          else if (r.labels && !r.labels.has(x as string)) x = null;
        }
        values[i] = x;
      }
      Object.defineProperty(out, r.name, { value: values, enumerable: true, writable: true });
    }
    return out;
  }
}

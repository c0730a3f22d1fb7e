import type { CellValue } from './cells.js';
import type { ShownValue } from './findings.js';
import type { ColumnRule } from './rules.js';

const MAX_EXAMPLES = 5;
/** Longer example strings are cut: a report quotes values, it does not copy a request. */
const MAX_EXAMPLE_LENGTH = 100;

function example(row: number, value: ShownValue): { row: number; value: ShownValue } {
  return {
    row,
    value:
      typeof value === 'string' && value.length > MAX_EXAMPLE_LENGTH
        ? `${value.slice(0, MAX_EXAMPLE_LENGTH)}...`
        : value,
  };
}

/**
 * What one column of a batch held, counted cell by cell (or, on the typed-array fast path, by the
 * caller writing the counters directly): missing values, values of another type, values outside
 * the training range, labels not seen in training, each with its first row. Chunks of one batch
 * add to the same tally; `judge.ts` turns it into findings.
 */
export class ColumnTally {
  rows = 0;
  missing = 0;
  firstMissing = -1;
  /** Source types of the values that were not of the kind, with counts. */
  readonly got = new Map<string, number>();
  converted = 0;
  failed = 0;
  readonly convertedExamples: { row: number; value: ShownValue }[] = [];
  readonly failedExamples: { row: number; value: ShownValue }[] = [];
  /** Smallest and largest number seen (number features). */
  low = Number.POSITIVE_INFINITY;
  high = Number.NEGATIVE_INFINITY;
  below = 0;
  above = 0;
  firstOut = -1;
  firstOutValue = 0;
  /** Unknown labels with their counts, and the first one's row. */
  readonly unknown = new Map<string, number>();
  unknownCount = 0;
  firstUnknown = -1;
  firstUnknownLabel = '';

  constructor(readonly rule: ColumnRule) {}

  missingAt(row: number): void {
    this.missing++;
    if (this.firstMissing < 0) this.firstMissing = row;
  }

  convertedAt(row: number, got: string, raw: ShownValue): void {
    this.converted++;
    this.got.set(got, (this.got.get(got) ?? 0) + 1);
    if (this.convertedExamples.length < MAX_EXAMPLES) this.convertedExamples.push(example(row, raw));
  }

  failedAt(row: number, got: string, raw: ShownValue): void {
    this.failed++;
    this.got.set(got, (this.got.get(got) ?? 0) + 1);
    if (this.failedExamples.length < MAX_EXAMPLES) this.failedExamples.push(example(row, raw));
  }

  /** A number that is not missing. */
  numberAt(row: number, v: number): void {
    if (v < this.low) this.low = v;
    if (v > this.high) this.high = v;
    const r = this.rule;
    if (v < r.min) this.outAt(row, v, true);
    else if (v > r.max) this.outAt(row, v, false);
  }

  outAt(row: number, v: number, below: boolean): void {
    if (below) this.below++;
    else this.above++;
    if (this.firstOut < 0) {
      this.firstOut = row;
      this.firstOutValue = v;
    }
  }

  /** A label that is not missing (category features). */
  labelAt(row: number, label: string): void {
    if (this.rule.labels?.has(label) === false) this.unknownAt(row, label, 1);
  }

  unknownAt(row: number, label: string, count: number): void {
    this.unknown.set(label, (this.unknown.get(label) ?? 0) + count);
    this.unknownCount += count;
    if (this.firstUnknown < 0 || row < this.firstUnknown) {
      this.firstUnknown = row;
      this.firstUnknownLabel = label;
    }
  }

  /** A cell already read as the column's kind (see CellReader). */
  valueAt(row: number, v: CellValue): void {
    if (v === null) this.missingAt(row);
    else if (typeof v === 'number') {
      if (this.rule.kind === 'number') this.numberAt(row, v);
    } else if (typeof v === 'string' && this.rule.labels) this.labelAt(row, v);
  }
}

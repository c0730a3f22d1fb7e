import {
  type Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  type LineCounter,
  type Node,
  type Pair,
  type Scalar,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import { describeValue } from '../util/errors.js';
import { suggestion } from './suggest.js';

/**
 * Reading a parsed YAML document field by field, keeping where each node sits so that every problem
 * can be reported as `file:line:col: field must be X, got Y`. Problems are collected rather than
 * thrown, so one run of `cairn` reports every mistake in the file at once.
 */

export interface Pos {
  readonly line: number;
  readonly col: number;
}

export interface Problem extends Pos {
  readonly code: string;
  /** Dotted YAML path, in the user's snake_case: `split.test_size`, `success.0`. */
  readonly field: string;
  readonly message: string;
}

const START: Pos = { line: 1, col: 1 };

export class SpecReader {
  readonly problems: Problem[] = [];
  /** Where each field was read, by dotted path; used to place errors found after parsing. */
  readonly positions = new Map<string, Pos>();

  constructor(
    readonly doc: Document,
    readonly lines: LineCounter,
  ) {}

  pos(node: Node | null | undefined): Pos {
    const offset = node?.range?.[0];
    return offset === undefined ? START : this.lines.linePos(offset);
  }

  /** Record a problem; returns undefined so readers can `return r.fail(...)`. */
  fail(at: Pos, field: string, message: string, code = 'invalid_spec'): undefined {
    this.problems.push({ ...at, field, message, code });
    return undefined;
  }

  /** `field must be <expected>, got <what the node holds>`. */
  expected(node: Node, field: string, expected: string): undefined {
    return this.fail(this.pos(node), field, `${field} must be ${expected}, got ${describeNode(node)}`);
  }

  /** Follow `*alias` references to the node they name. */
  deref(node: unknown): Node | undefined {
    if (isAlias(node)) return (node.resolve(this.doc) as Node | undefined) ?? undefined;
    return (node as Node | null) ?? undefined;
  }

  /**
   * A mapping with only `allowed` keys; unknown keys are reported with a "did you mean". `at` is
   * where the mapping's own key sits (for "missing field" errors); a null value reads as absent.
   */
  fields(node: Node | undefined, field: string, at: Pos, allowed: readonly string[]): Fields | undefined {
    if (node === undefined) return undefined;
    if (!isMap(node)) return this.expected(node, field, `a mapping with keys ${allowed.join(', ')}`);
    const f = new Fields(this, node, field, at);
    for (const [key, pair] of f.entries)
      if (!allowed.includes(key)) {
        const where = field === '' ? '' : ` in ${field}`;
        this.fail(
          this.pos(pair.key as Node),
          join(field, key),
          `unknown field ${JSON.stringify(key)}${where}${suggestion(key, allowed)}; expected one of ${allowed.join(', ')}`,
          'unknown_field',
        );
      }
    return f;
  }

  /** A mapping whose keys are free (column names): each key with its value node. */
  entries(node: Node | undefined, field: string, expected: string): [string, Pair, Pos][] | undefined {
    if (node === undefined) return undefined;
    if (!isMap(node)) return this.expected(node, field, expected);
    return new Fields(this, node, field, this.pos(node)).list();
  }

  list(node: Node | undefined, field: string, expected: string): Node[] | undefined {
    if (node === undefined) return undefined;
    if (!isSeq(node)) return this.expected(node, field, expected);
    const seq = node as YAMLSeq<unknown>;
    return seq.items.map((item) => this.deref(item) as Node);
  }

  string(node: Node | undefined, field: string, expected = 'a non-empty string'): string | undefined {
    if (node === undefined) return undefined;
    const v = scalarValue(node);
    if (typeof v !== 'string' || v.trim() === '') return this.expected(node, field, expected);
    this.positions.set(field, this.pos(node));
    return v;
  }

  /** A column name: `target: 2019` names the column "2019", as written, not the number. */
  columnName(node: Node | undefined, field: string): string | undefined {
    if (node !== undefined && isScalar(node) && typeof node.value === 'number' && node.source !== undefined) {
      this.positions.set(field, this.pos(node));
      return String(node.source);
    }
    return this.string(node, field, 'a column name');
  }

  oneOf<const T extends string>(node: Node | undefined, field: string, values: readonly T[]): T | undefined {
    if (node === undefined) return undefined;
    const v = scalarValue(node);
    if (typeof v === 'string' && (values as readonly string[]).includes(v)) {
      this.positions.set(field, this.pos(node));
      return v as T;
    }
    const hint = typeof v === 'string' ? suggestion(v, values) : '';
    return this.fail(
      this.pos(node),
      field,
      `${field} must be one of ${values.join(', ')}, got ${describeNode(node)}${hint}`,
    );
  }

  boolean(node: Node | undefined, field: string): boolean | undefined {
    if (node === undefined) return undefined;
    const v = scalarValue(node);
    if (typeof v !== 'boolean') return this.expected(node, field, 'true or false');
    this.positions.set(field, this.pos(node));
    return v;
  }

  /** A finite number passing `ok`, which `expected` describes in words. */
  number(
    node: Node | undefined,
    field: string,
    expected: string,
    ok: (v: number) => boolean,
  ): number | undefined {
    if (node === undefined) return undefined;
    const v = scalarValue(node);
    if (typeof v !== 'number' || !Number.isFinite(v) || !ok(v)) return this.expected(node, field, expected);
    this.positions.set(field, this.pos(node));
    return v;
  }
}

/** The keys of one mapping, read by name. */
export class Fields {
  readonly entries = new Map<string, Pair>();

  constructor(
    private readonly r: SpecReader,
    readonly node: YAMLMap,
    readonly field: string,
    /** Where the mapping is named in its parent (its key), for "missing" errors. */
    readonly at: Pos,
  ) {
    for (const pair of node.items) this.entries.set(keyText(pair.key), pair);
    if (field !== '') r.positions.set(field, at);
  }

  list(): [string, Pair, Pos][] {
    return [...this.entries].map(([k, p]) => [k, p, this.r.pos(p.key as Node)]);
  }

  path(key: string): string {
    return join(this.field, key);
  }

  /** The value under `key`; absent or null (`key:` with nothing after it) gives undefined. */
  get(key: string): Node | undefined {
    const pair = this.entries.get(key);
    if (!pair) return undefined;
    // The key's place until a reader records the value's (which is more precise).
    if (!this.r.positions.has(this.path(key))) this.r.positions.set(this.path(key), this.keyPos(key));
    const v = this.r.deref(pair.value);
    if (v === undefined || (isScalar(v) && v.value === null)) return undefined;
    return v;
  }

  /** Where `key` is written, or where this mapping is when it is not. */
  keyPos(key: string): Pos {
    const pair = this.entries.get(key);
    return pair ? this.r.pos(pair.key as Node) : this.at;
  }

  /** The value under `key`, or a "missing" problem placed at this mapping's line. */
  require(key: string, expected: string): Node | undefined {
    const v = this.get(key);
    if (v !== undefined) return v;
    const where = this.field === '' ? 'the spec' : this.field;
    const present = this.entries.has(key) ? 'is empty' : 'is missing';
    return this.r.fail(
      this.entries.has(key) ? this.keyPos(key) : this.at,
      this.path(key),
      `${this.path(key)} ${present}: ${where} needs ${key}, ${expected}`,
      'missing_field',
    );
  }
}

export function join(parent: string, key: string | number): string {
  return parent === '' ? String(key) : `${parent}.${key}`;
}

/** A key as the user wrote it: `2019:` is the string "2019", not a number. */
function keyText(key: unknown): string {
  if (isScalar(key)) {
    const s = key as Scalar;
    if (typeof s.value === 'string') return s.value;
    return s.source !== undefined ? String(s.source) : String(s.value);
  }
  return String(key);
}

function scalarValue(node: Node): unknown {
  return isScalar(node) ? node.value : node;
}

export function describeNode(node: Node): string {
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) return describeValue(node.value);
  return describeValue(node);
}

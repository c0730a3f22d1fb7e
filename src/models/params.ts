import { ParamError } from '../util/errors.js';

/**
 * One declaration per hyperparameter: its check, its documentation, and (later) its search space.
 * `ParamSpecs<P>` forces a spec for every field of a model's options type.
 */
export interface ParamSpec<T> {
  /** What is expected, in words: "a number >= 0". Used in errors and docs. */
  readonly expected: string;
  readonly doc: string;
  readonly test: (v: unknown) => v is T;
}

export type ParamSpecs<P> = { readonly [K in keyof P]-?: ParamSpec<P[K]> };

interface NumberRange {
  min?: number;
  max?: number;
  /** Strict lower bound. */
  above?: number;
  integer?: boolean;
}

function rangeWords(r: NumberRange): string {
  const w: string[] = [r.integer ? 'an integer' : 'a number'];
  if (r.above !== undefined) w.push(`> ${r.above}`);
  if (r.min !== undefined) w.push(`>= ${r.min}`);
  if (r.max !== undefined) w.push(`<= ${r.max}`);
  return w.join(' ');
}

function inRange(v: unknown, r: NumberRange): v is number {
  if (typeof v !== 'number' || Number.isNaN(v)) return false;
  if (r.integer && !Number.isInteger(v)) return false;
  if (r.above !== undefined && !(v > r.above)) return false;
  if (r.min !== undefined && v < r.min) return false;
  if (r.max !== undefined && v > r.max) return false;
  return true;
}

export const param = {
  number(doc: string, range: NumberRange = {}): ParamSpec<number> {
    return { doc, expected: rangeWords(range), test: (v): v is number => inRange(v, range) };
  },
  integer(doc: string, range: Omit<NumberRange, 'integer'> = {}): ParamSpec<number> {
    return param.number(doc, { ...range, integer: true });
  },
  boolean(doc: string): ParamSpec<boolean> {
    return { doc, expected: 'true or false', test: (v): v is boolean => typeof v === 'boolean' };
  },
  oneOf<const T extends string>(doc: string, values: readonly T[]): ParamSpec<T> {
    return {
      doc,
      expected: `one of ${values.map((v) => `'${v}'`).join(', ')}`,
      test: (v): v is T => typeof v === 'string' && (values as readonly string[]).includes(v),
    };
  },
  /** A seed for the random generator: any integer. */
  seed(doc = 'Seed of the random generator; the same seed gives the same model.'): ParamSpec<number> {
    return param.integer(doc);
  },
  /** Either null or a value that passes `inner`. */
  nullable<T>(inner: ParamSpec<T>): ParamSpec<T | null> {
    return {
      doc: inner.doc,
      expected: `null or ${inner.expected}`,
      test: (v): v is T | null => v === null || inner.test(v),
    };
  },
  /** Any value that passes a custom check; `expected` says what in words. */
  custom<T>(doc: string, expected: string, test: (v: unknown) => boolean): ParamSpec<T> {
    return { doc, expected, test: test as (v: unknown) => v is T };
  },
};

/** Throws a ParamError naming the first field that is unknown or fails its spec. */
export function checkParams<P extends object>(kind: string, specs: ParamSpecs<P>, params: P): void {
  for (const key of Object.keys(params)) {
    if (!(key in specs))
      throw new ParamError(kind, key, `one of the known parameters (${Object.keys(specs).join(', ')})`, key);
  }
  for (const [key, spec] of Object.entries(specs) as [string, ParamSpec<unknown>][]) {
    const v = (params as Record<string, unknown>)[key];
    if (!spec.test(v)) throw new ParamError(kind, key, spec.expected, v);
  }
}

/** Lines for `--help` and docs: name, default, expected, doc. */
export function describeParams<P extends object>(specs: ParamSpecs<P>, defaults: P): string[] {
  return (Object.entries(specs) as [keyof P & string, ParamSpec<unknown>][]).map(
    ([k, s]) => `${k} (default ${JSON.stringify(defaults[k])}; ${s.expected}): ${s.doc}`,
  );
}

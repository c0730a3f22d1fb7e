/**
 * Cairn's error vocabulary. Every error a user can cause is an `InputError`: the CLI maps it to exit
 * code 2 and the server to a 4xx JSON answer. Anything else escaping is a bug.
 */

/** Where in the user's input a problem sits. Every field is optional; give what is known. */
export interface ErrorLocation {
  /** File path as the user wrote it. */
  file?: string;
  /** 1-based line number in the file. */
  line?: number;
  /** 1-based column (character) number in the line. */
  col?: number;
  /** A data column name. */
  column?: string;
  /** A config or params field, dotted (`success.0.metric`). */
  field?: string;
  /** A 0-based data row index. */
  row?: number;
}

export class CairnError extends Error {
  readonly code: string;
  readonly details: ErrorLocation & Record<string, unknown>;
  constructor(code: string, message: string, details: ErrorLocation & Record<string, unknown> = {}) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.details = details;
  }
  toJSON(): { code: string; message: string; details: Record<string, unknown> } {
    return { code: this.code, message: this.message, details: this.details };
  }
}

/** Bad input from the user: a file, a config, a request, a parameter. CLI exit 2, HTTP 4xx. */
export class InputError extends CairnError {}

/** An estimator used before `fit`. */
export class NotFittedError extends CairnError {
  constructor(kind: string) {
    super('not_fitted', `${kind} is not fitted yet: call fit() before using it`);
  }
}

/** A hyperparameter outside its declared range or of the wrong type. */
export class ParamError extends InputError {
  constructor(kind: string, field: string, expected: string, got: unknown) {
    super('invalid_param', `${kind}: parameter '${field}' must be ${expected}, got ${describeValue(got)}`, {
      field,
      expected,
    });
  }
}

/** Short printable description of any value, for messages. */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'undefined';
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v);
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
  if (Array.isArray(v)) return `an array of ${v.length}`;
  return typeof v;
}

/** Prefix a location to a message: `data.csv:12:3: ...`. */
export function formatLocation(loc: ErrorLocation): string {
  const parts: string[] = [];
  if (loc.file) parts.push(loc.line ? `${loc.file}:${loc.line}${loc.col ? `:${loc.col}` : ''}` : loc.file);
  return parts.join('');
}

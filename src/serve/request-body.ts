import { InputError } from '../util/errors.js';

/**
 * The parsed body as a JSON object, or a 4xx naming what came instead. CSV bodies are parsed to
 * a string-keyed marker (see body-parsers) that only /invocations accepts.
 */
export function jsonObjectBody(body: unknown, what: string): Record<string, unknown> {
  if (body instanceof CsvBody)
    throw new InputError(
      'unsupported_media_type',
      `${what} takes application/json; text/csv is accepted by POST /invocations`,
    );
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    throw new InputError(
      'wrong_type',
      `the body must be a JSON object (${what}), got ${body === null ? 'null' : Array.isArray(body) ? 'an array' : typeof body}`,
      { expected: 'object' },
    );
  return body as Record<string, unknown>;
}

/** A text/csv body, kept as text until the route that accepts it reads it. */
export class CsvBody {
  constructor(readonly text: string) {}
}

/** `key` in a JSON object, own properties only. */
export function has(o: Record<string, unknown>, key: string): boolean {
  return Object.hasOwn(o, key);
}

import { isUtf8 } from 'node:buffer';
import type { FastifyInstance } from 'fastify';
import { InputError } from '../util/errors.js';
import { CsvBody } from './request-body.js';

/**
 * The only bodies the server reads: JSON (every POST route) and CSV (taken as text; only
 * /invocations accepts it). Fastify's text/plain parser is removed so a wrong content type is a
 * 415, not a string body. Bytes that are not UTF-8 are refused before decoding, where they would
 * otherwise turn silently into U+FFFD. JSON goes through Fastify's own parser, which refuses
 * `__proto__` and `constructor.prototype` keys; a syntax error names its position.
 */
export function registerBodyParsers(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  const secureJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const buf = body as Buffer;
    if (!isUtf8(buf)) return done(notUtf8(), undefined);
    const text = buf.toString('utf8');
    secureJson(request, text, (err: Error | null, value?: unknown) => {
      if (err) done(jsonError(text, err), undefined);
      else done(null, value);
    });
  });
  app.addContentTypeParser('text/csv', { parseAs: 'buffer' }, (_request, body, done) => {
    const buf = body as Buffer;
    if (!isUtf8(buf)) return done(notUtf8(), undefined);
    done(null, new CsvBody(buf.toString('utf8')));
  });
}

function notUtf8(): InputError {
  return new InputError('invalid_utf8', 'the request body is not valid UTF-8', { expected: 'UTF-8' });
}

/** Fastify's parse error says only "invalid JSON": parse again to say where, or why. */
function jsonError(text: string, err: Error & { code?: string }): Error {
  if (err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return err;
  try {
    JSON.parse(text);
  } catch (syntax) {
    return new InputError('invalid_json', `the request body is not valid JSON: ${(syntax as Error).message}`);
  }
  return new InputError(
    'forbidden_key',
    'the request body uses the key "__proto__" or "constructor": this server refuses them (prototype pollution)',
  );
}

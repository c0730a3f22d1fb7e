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
  // The text is kept on the request only so a parse error can be explained (see jsonParseError);
  // the time, as the start of the predict routes' latency (they run no hooks to take it earlier).
  app.decorateRequest('cairnJsonText', '');
  app.decorateRequest('cairnBodyAt', 0);
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const r = request as unknown as ParsedRequest;
    r.cairnBodyAt = performance.now();
    const buf = body as Buffer;
    if (!isUtf8(buf)) return done(notUtf8(), undefined);
    const text = buf.toString('utf8');
    r.cairnJsonText = text;
    secureJson(request, text, done);
  });
  app.addContentTypeParser('text/csv', { parseAs: 'buffer' }, (_request, body, done) => {
    const buf = body as Buffer;
    if (!isUtf8(buf)) return done(notUtf8(), undefined);
    done(null, new CsvBody(buf.toString('utf8')));
  });
}

/** What the JSON parser leaves on the request. */
export interface ParsedRequest {
  cairnJsonText: string;
  /** performance.now() when the body had been read. */
  cairnBodyAt: number;
}

function notUtf8(): InputError {
  return new InputError('invalid_utf8', 'the request body is not valid UTF-8', { expected: 'UTF-8' });
}

/**
 * Fastify's parse error says only "invalid JSON": the error handler parses the text again to say
 * where, or why (off the request path: only failed requests pay for it).
 */
export function jsonParseError(request: unknown, err: unknown): InputError | undefined {
  if ((err as { code?: string })?.code !== 'FST_ERR_CTP_INVALID_JSON_BODY') return undefined;
  const text = (request as { cairnJsonText?: string }).cairnJsonText ?? '';
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

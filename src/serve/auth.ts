import { createHash, timingSafeEqual } from 'node:crypto';
import { InputError } from '../util/errors.js';

/** Routes anyone may call: probes from the orchestrator carry no token. */
export const OPEN_ROUTES: ReadonlySet<string> = new Set(['/healthz', '/readyz']);

/**
 * A bearer-token check. Both sides are hashed to 32 bytes first so `timingSafeEqual` compares
 * equal lengths and the time taken says nothing about the token's length or content.
 */
export function bearerCheck(token: string): (authorization: string | undefined) => void {
  const expected = digest(token);
  return (authorization) => {
    // the scheme is case-insensitive (RFC 9110); the token is compared as sent
    const given = /^bearer /i.test(authorization ?? '') ? authorization!.slice(7).trim() : undefined;
    if (given === undefined)
      throw new InputError(
        'unauthorized',
        'this server needs a bearer token: send "Authorization: Bearer <token>"',
      );
    if (!timingSafeEqual(digest(given), expected))
      throw new InputError('unauthorized', 'the bearer token is wrong');
  };
}

function digest(s: string): Buffer {
  return createHash('sha256').update(s, 'utf8').digest();
}

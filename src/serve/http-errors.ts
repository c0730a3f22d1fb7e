import { CairnError, InputError } from '../util/errors.js';

/** The JSON body of every rejection: `{ error: { code, message, details } }`. */
export interface ErrorBody {
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly details: Record<string, unknown>;
  };
}

/** An answer to a failed request: status, body, and whether it is a bug (5xx, logged with a stack). */
export interface HttpFailure {
  readonly status: number;
  readonly body: ErrorBody;
  readonly bug: boolean;
}

/** Statuses of InputError codes that are not a plain 400. */
const STATUS_OF_CODE: Readonly<Record<string, number>> = {
  unauthorized: 401,
  unknown_model: 404,
  unknown_prediction: 404,
  not_found: 404,
  method_not_allowed: 405,
  body_too_large: 413,
  unsupported_media_type: 415,
  not_ready: 503,
};

/** Fastify's own request errors, as our codes and messages. */
const FASTIFY_ERRORS: Readonly<Record<string, { code: string; message: (e: FastifyLikeError) => string }>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    code: 'body_too_large',
    message: () => 'request body is larger than the server accepts (its --body-limit)',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'unsupported_media_type',
    message: () => 'content type not accepted here: send application/json (or text/csv to /invocations)',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: 'empty_body',
    message: () => 'the request body is empty: send a JSON object',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    code: 'invalid_json',
    message: () => 'the request body is not valid JSON',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: 'bad_content_length',
    message: () => 'the request body length does not match its Content-Length header',
  },
  FST_ERR_BAD_URL: { code: 'bad_url', message: () => 'the request URL is not valid' },
  FST_ERR_MAX_PARAM_LENGTH: { code: 'url_too_long', message: () => 'a path segment of the URL is too long' },
  FST_ERR_ASYNC_CONSTRAINT: { code: 'bad_request', message: () => 'the request cannot be routed' },
};

interface FastifyLikeError {
  readonly code?: string;
  readonly statusCode?: number;
  readonly message?: string;
  readonly validation?: readonly unknown[];
  readonly validationContext?: string;
}

export function errorBody(code: string, message: string, details: Record<string, unknown> = {}): ErrorBody {
  return { error: { code, message, details } };
}

export function statusOf(err: InputError): number {
  return STATUS_OF_CODE[err.code] ?? 400;
}

/**
 * Maps anything thrown while answering to a status and a JSON body. An InputError is the client's
 * fault (4xx); Fastify's parsing and schema errors are mapped to our codes; any other error is a
 * bug: 500, with a generic message (the stack goes to the log, not to the client).
 */
export function toHttpFailure(err: unknown): HttpFailure {
  if (err instanceof InputError) {
    const status = statusOf(err);
    return { status, body: errorBody(err.code, err.message, clean(err.details)), bug: false };
  }
  const e = (err ?? {}) as FastifyLikeError;
  const known = e.code ? FASTIFY_ERRORS[e.code] : undefined;
  if (known && typeof e.statusCode === 'number')
    return { status: e.statusCode, body: errorBody(known.code, known.message(e)), bug: false };
  if (e.validation)
    return {
      status: 400,
      body: errorBody('invalid_request', `${e.validationContext ?? 'body'}: ${e.message ?? 'is not valid'}`),
      bug: false,
    };
  if (
    typeof e.statusCode === 'number' &&
    e.statusCode >= 400 &&
    e.statusCode < 500 &&
    !(err instanceof CairnError)
  )
    return {
      status: e.statusCode,
      body: errorBody(String(e.code ?? 'bad_request').toLowerCase(), e.message ?? 'bad request'),
      bug: false,
    };
  return {
    status: 500,
    body: errorBody('internal_error', 'the server failed to answer this request (a bug: see the server log)'),
    bug: true,
  };
}

/** Details as plain JSON: undefined entries dropped. */
function clean(details: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(details)) if (v !== undefined) out[k] = v;
  return out;
}

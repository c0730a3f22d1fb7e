import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CairnServer } from './server.js';
import { penguinRow, penguinsServer } from './testing/penguins.js';

const URL_ = '/v1/models/penguins/predict';
const BODY = JSON.stringify({ rows: [penguinRow()] });

describe('content types, body limits and malformed bodies', () => {
  let server: CairnServer;
  beforeAll(async () => {
    server = await penguinsServer({ bodyLimit: 4096 });
  });
  afterAll(() => server.close());

  const send = (payload: string | Buffer, contentType?: string, url = URL_) =>
    server.app.inject({
      method: 'POST',
      url,
      payload,
      headers: contentType === undefined ? {} : { 'content-type': contentType },
    });

  it('accepts application/json with or without a charset', async () => {
    expect((await send(BODY, 'application/json')).statusCode).toBe(200);
    expect((await send(BODY, 'application/json; charset=utf-8')).statusCode).toBe(200);
  });

  it('answers 415 to other content types, and to CSV outside /invocations', async () => {
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/xml',
    ]) {
      const res = await send(BODY, type);
      expect(res.statusCode, type).toBe(415);
      expect(res.json().error.code).toBe('unsupported_media_type');
    }
    const csv = await send('island\nDream\n', 'text/csv');
    expect(csv.statusCode).toBe(415);
    expect(csv.json().error.message).toContain('/invocations');
    expect((await send('island\nDream\n', 'text/csv', '/v1/feedback')).statusCode).toBe(415);
  });

  it('answers 413 above the body limit', async () => {
    const big = JSON.stringify({ rows: Array.from({ length: 60 }, () => penguinRow()) });
    expect(big.length).toBeGreaterThan(4096);
    const res = await send(big, 'application/json');
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('body_too_large');
  });

  it('answers 400 to malformed JSON with where it broke, and to an empty body', async () => {
    const res = await send('{"rows": [{"island": "Dream",]}', 'application/json');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_json');
    expect(res.json().error.message).toMatch(/not valid JSON: .+/);
    const empty = await send('', 'application/json');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.code).toBe('empty_body');
  });

  it('refuses bytes that are not UTF-8', async () => {
    const bytes = Buffer.concat([
      Buffer.from('{"rows":[{"island":"'),
      Buffer.from([0xc3, 0x28, 0xff]),
      Buffer.from('"}]}'),
    ]);
    const res = await send(bytes, 'application/json');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_utf8');
  });

  it('refuses prototype-pollution keys', async () => {
    for (const body of [
      '{"__proto__": {"polluted": 1}, "rows": []}',
      `{"rows": [${BODY.slice(9, -2)}, "__proto__": {"x": 1}}]}`,
      '{"constructor": {"prototype": {"polluted": 1}}}',
    ]) {
      const res = await send(body, 'application/json');
      expect(res.statusCode, body).toBe(400);
      expect(['forbidden_key', 'invalid_json']).toContain(res.json().error.code);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('bearer token', () => {
  let server: CairnServer;
  beforeAll(async () => {
    server = await penguinsServer({ token: 's3cret-token' });
  });
  afterAll(() => server.close());

  const get = (url: string, authorization?: string) =>
    server.app.inject({ url, headers: authorization ? { authorization } : {} });

  it('leaves /healthz and /readyz open', async () => {
    expect((await get('/healthz')).statusCode).toBe(200);
    expect((await get('/readyz')).statusCode).toBe(200);
  });

  it('guards every other route with a 401 JSON error', async () => {
    for (const url of ['/v1/models', '/metrics', '/docs/json', '/docs/', '/nowhere']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Bearer');
      expect(res.json().error.code).toBe('unauthorized');
    }
    for (const auth of [
      'Bearer wrong',
      'Bearer s3cret-token-',
      'Basic czNjcmV0LXRva2Vu',
      'bearer',
      'Bearer ',
    ]) {
      const res = await server.app.inject({
        method: 'POST',
        url: URL_,
        payload: BODY,
        headers: { authorization: auth, 'content-type': 'application/json' },
      });
      expect(res.statusCode, auth).toBe(401);
    }
  });

  it('lets the right token through', async () => {
    expect((await get('/v1/models', 'Bearer s3cret-token')).statusCode).toBe(200);
    const res = await server.app.inject({
      method: 'POST',
      url: URL_,
      payload: BODY,
      headers: { authorization: 'Bearer s3cret-token', 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(200);
    const doc = (await get('/docs/json', 'Bearer s3cret-token')).json();
    expect(doc.components.securitySchemes.bearer).toEqual({ type: 'http', scheme: 'bearer' });
  });
});

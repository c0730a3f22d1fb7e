import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memorySink } from './prediction-sink.js';
import type { CairnServer } from './server.js';
import { hostileRequests } from './testing/hostile.js';
import { penguinRow, penguinsServer } from './testing/penguins.js';

const BODY_LIMIT = 64 * 1024;

describe('fuzz: malformed and hostile requests', () => {
  let server: CairnServer;
  beforeAll(async () => {
    server = await penguinsServer({ bodyLimit: BODY_LIMIT, sink: memorySink() });
  });
  afterAll(() => server.close());

  it('answers 2,500 seeded hostile requests with no 5xx and JSON errors, and stays healthy', async () => {
    const requests = hostileRequests(20261127, 2500, penguinRow(), BODY_LIMIT);
    const statuses = new Map<number, number>();
    for (const r of requests) {
      const res = await server.app.inject({
        method: r.method as 'POST',
        url: r.url,
        headers: r.headers,
        ...(r.payload === undefined ? {} : { payload: r.payload }),
      });
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      if (res.statusCode >= 500)
        throw new Error(
          `${res.statusCode} for ${r.what} (${r.method} ${r.url.slice(0, 80)}): ${res.body.slice(0, 300)}`,
        );
      if (res.statusCode >= 400 && r.method !== 'HEAD') {
        const body = res.json();
        expect(typeof body.error.code, r.what).toBe('string');
        expect(typeof body.error.message, r.what).toBe('string');
      }
    }
    // the generator really reaches every kind of rejection, and some requests were fine
    for (const s of [200, 400, 404, 413, 415])
      expect(statuses.get(s) ?? 0, `status ${s}`).toBeGreaterThan(10);
    expect((await server.app.inject({ url: '/healthz' })).statusCode).toBe(200);
    const ok = await server.app.inject({
      method: 'POST',
      url: '/v1/models/penguins/predict',
      payload: { rows: [penguinRow()] },
    });
    expect(ok.statusCode).toBe(200);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('answers raw garbage over a real socket without a 5xx, and keeps serving', async () => {
    const url = await server.listen({ port: 0 });
    const { port } = new URL(url);
    const body = JSON.stringify({ rows: [penguinRow()] });
    const raws = [
      'GARBAGE\r\n\r\n',
      'POST /v1/models/penguins/predict HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Type: application/json\r\n\r\n{"row',
      `POST /v1/models/penguins/predict HTTP/1.1\r\nHost: x\r\nContent-Length: ${body.length + 10}\r\nContent-Type: application/json\r\n\r\n${body}`,
      `POST /v1/models/penguins/predict HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\nzz\r\n${body}\r\n0\r\n\r\n`,
      `POST /v1/models/penguins/predict HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd`,
      `GET /${'a'.repeat(20000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
      `GET /healthz HTTP/1.1\r\n${'X-Long: y\r\n'.repeat(2000)}\r\n`,
      'GET /healthz HTTP/9.9\r\n\r\n',
      '\u0000\u0001\u0002\r\n\r\n',
      `POST /invocations HTTP/1.1\r\nHost: x\r\nContent-Type: text/csv\r\nContent-Length: 4\r\n\r\n\xff\xfe\xfd\xfc`,
    ];
    for (let round = 0; round < 5; round++) {
      const answers = await Promise.all(raws.map((raw) => rawRequest(Number(port), raw)));
      answers.forEach((answer, i) => {
        const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);
        if (status >= 500) throw new Error(`raw request ${i} got ${answer.slice(0, 200)}`);
      });
    }
    const res = await fetch(`${url}/v1/models/penguins/predict`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(200);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });
});

/** Writes raw bytes, returns whatever comes back until the server closes or 300 ms of quiet. */
function rawRequest(port: number, text: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let got = '';
    let timer = setTimeout(() => socket.destroy(), 300);
    socket.on('data', (d) => {
      got += d.toString('latin1');
      clearTimeout(timer);
      timer = setTimeout(() => socket.destroy(), 100);
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(got);
    });
    socket.write(Buffer.from(text, 'latin1'));
  });
}

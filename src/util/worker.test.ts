import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { moduleBeside, startWorker } from './worker.js';

describe('startWorker', () => {
  it('runs a TypeScript module with the data it was given, and ends when it is done', async () => {
    const entry = moduleBeside(new URL('./testing/x.ts', import.meta.url).href, 'echo-worker');
    expect(entry).toMatch(/testing\/echo-worker\.ts$/);
    const worker = startWorker(entry, { data: { greeting: 'hello' } });
    worker.postMessage(42);
    const [answer] = await once(worker, 'message');
    expect(answer).toEqual({ echo: 42, greeting: 'hello', tsx: true });
    const [code] = await once(worker, 'exit');
    expect(code).toBe(0);
  });

  it('reports a module that cannot start as an error event and in the failure slot', async () => {
    const failure = {
      status: new Int32Array(new SharedArrayBuffer(8)),
      message: new Uint8Array(new SharedArrayBuffer(1024)),
    };
    const worker = startWorker(new URL('./testing/no-such-worker.ts', import.meta.url).href, { failure });
    const [error] = await once(worker, 'error');
    expect(String(error)).toMatch(/no-such-worker/);
    expect(failure.status[0]).toBe(1);
    const text = new TextDecoder().decode(failure.message.slice(0, failure.status[1]));
    expect(text).toMatch(/no-such-worker/);
  });

  it('names compiled modules .js', () => {
    expect(moduleBeside('file:///app/dist/track/a.js', 'b')).toBe('file:///app/dist/track/b.js');
  });
});

import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openPredictionLog } from '../track/prediction-log/index.js';
import { penguinRow, penguinsModel, savedModel } from './testing/penguins.js';

const CAIRN = fileURLToPath(new URL('../../bin/cairn.js', import.meta.url));
const N = 24;

/** A POST whose body arrives in two parts: the server accepts it, then waits for the rest. */
function slowPost(url: string, body: string) {
  const half = Math.floor(body.length / 2);
  let finish!: () => void;
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      `${url}/v1/models/penguins/predict`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        agent: false,
      },
      (res) => {
        let text = '';
        res.on('data', (d) => {
          text += d;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.write(body.slice(0, half));
    finish = () => req.end(body.slice(half));
  });
  return { answer, finish: () => finish() };
}

/** Connections the server holds open: the slow posts, and the scrape itself. */
async function openConnections(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  return Number(/^cairn_http_connections_open (\d+)/m.exec(text)?.[1] ?? 0);
}

describe('cairn serve under SIGTERM', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-serve-sigterm-'));
  let child: ChildProcess | undefined;
  afterAll(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers every accepted request with a 200, flushes the log and exits 0', async () => {
    const modelDir = await savedModel(await penguinsModel());
    const store = `sqlite:${join(dir, 'cairn.db')}`;
    child = spawn(process.execPath, [CAIRN, 'serve', modelDir, '--port', '0', '--json', '--store', store], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (d) => {
      stderr += d;
    });
    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    const line = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child!.stdout! }).once('line', resolve);
      child!.once('exit', () => reject(new Error(`cairn serve exited: ${stderr}`)));
    });
    const { url, models } = JSON.parse(line) as { url: string; models: { name: string }[] };
    expect(models[0].name).toBe('penguins');

    const body = JSON.stringify({ rows: [penguinRow()] });
    const posts = Array.from({ length: N }, () => slowPost(url, body));
    // accepted: the server holds every connection, its request started (this scrape is one more)
    for (let i = 0; (await openConnections(url)) < N + 1; i++) {
      if (i > 200) throw new Error(`only ${await openConnections(url)} connections open`);
      await new Promise((r) => setTimeout(r, 25));
    }
    await new Promise((r) => setTimeout(r, 200)); // their headers and first halves are read
    child.kill('SIGTERM');
    // draining: new connections are refused (or, in the instant before, answered 503)
    for (let i = 0; ; i++) {
      const status = await fetch(`${url}/healthz`).then(
        (r) => r.status,
        () => 0,
      );
      if (status === 0 || status === 503) break;
      if (i > 100) throw new Error('the server still takes new connections after SIGTERM');
      await new Promise((r) => setTimeout(r, 50));
    }
    for (const p of posts) p.finish();
    const answers = await Promise.all(posts.map((p) => p.answer));
    expect(answers.map((a) => a.status)).toEqual(Array(N).fill(200));
    expect(await exited).toBe(0);
    expect(stderr).toContain('SIGTERM');

    const log = await openPredictionLog(store);
    const logged = await log.reader.query({ model: 'penguins' });
    await log.close();
    const ids = answers.map((a) => JSON.parse(a.body).predictions[0].id).sort();
    expect(logged.map((r) => r.id).sort()).toEqual(ids);
  });
});

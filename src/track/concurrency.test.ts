/**
 * Two processes logging to one SQLite store at the same time lose nothing: every run, metric point,
 * tag and status of both is there afterwards, and the shared experiment exists once.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { openStore } from './open-store.js';

const WRITER = fileURLToPath(new URL('./testdata/concurrent-writer.ts', import.meta.url));
const RUNS = 50;
const POINTS = 10; // per run, plus one 'final' point: 550 metric points per writer

const dir = mkdtempSync(join(tmpdir(), 'cairn-concurrency-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Writer {
  child: ChildProcessWithoutNullStreams;
  ready: Promise<void>;
  done: Promise<string>;
}

function startWriter(file: string, label: string): Writer {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', WRITER, file, label, String(RUNS), String(POINTS)],
    {
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let err = '';
  let onReady: () => void;
  const ready = new Promise<void>((r) => (onReady = r));
  child.stdout.on('data', (d: Buffer) => {
    out += d;
    if (out.includes('ready\n')) onReady();
  });
  child.stderr.on('data', (d: Buffer) => (err += d));
  const done = new Promise<string>((resolve, reject) =>
    child.on('close', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`writer ${label} exited ${code}: ${err}`)),
    ),
  );
  // a writer that dies before saying ready must fail the test, not hang it
  return { child, ready: Promise.race([ready, done.then(() => {})]), done };
}

it('two processes logging at once lose nothing', async () => {
  const file = join(dir, 'shared.db');
  const writers = [startWriter(file, 'a'), startWriter(file, 'b')];
  await Promise.all(writers.map((w) => w.ready));
  for (const w of writers) w.child.stdin.end('go\n');
  const outputs = await Promise.all(writers.map((w) => w.done));
  for (const out of outputs) expect(out).toContain(`"metrics":${RUNS * (POINTS + 1)}`);

  const store = await openStore(file);
  try {
    expect((await store.listExperiments()).map((e) => e.name)).toEqual(['shared']);
    const runs = await store.listRuns({ experiment: 'shared', limit: 1000 });
    expect(runs).toHaveLength(2 * RUNS);
    expect(new Set(runs.map((r) => r.name)).size).toBe(2 * RUNS);
    for (const run of runs) {
      const [label, i] = run.name.split('-');
      expect(run.status).toBe('finished');
      expect(run.params).toEqual({ label, i });
      expect(run.tags).toEqual({ writer: label });
      expect(run.metrics).toEqual({ loss: 1 / POINTS, final: Number(i) });
      const history = await store.getMetricHistory(run.id, 'loss');
      expect(history.map((p) => p.step)).toEqual(Array.from({ length: POINTS }, (_, s) => s));
    }
  } finally {
    await store.close();
  }
  const db = new Database(file, { readonly: true });
  expect(db.prepare('select count(*) n from metrics').get()).toEqual({ n: 2 * RUNS * (POINTS + 1) });
  // the writers did overlap: in commit order (rowid), the runs of a and b interleave. The writers'
  // two meeting points (after the first run, at halfway) make at least two switches certain.
  const labels = (db.prepare('select name from runs order by rowid').all() as { name: string }[]).map(
    (r) => r.name[0],
  );
  db.close();
  const switches = labels.filter((l, k) => k > 0 && l !== labels[k - 1]).length;
  expect(switches).toBeGreaterThanOrEqual(2);
});

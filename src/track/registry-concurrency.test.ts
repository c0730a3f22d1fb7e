/**
 * Two processes registering versions of one model in one SQLite store at the same time get
 * distinct version numbers, 1 to 2N with no gap, and the alias they both move ends on one version.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { openStore } from './open-store.js';

const REGISTRAR = fileURLToPath(new URL('./testdata/concurrent-registrar.ts', import.meta.url));
const COUNT = 40;

const dir = mkdtempSync(join(tmpdir(), 'cairn-registry-concurrency-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function startRegistrar(file: string, label: string) {
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    ['--import', 'tsx', REGISTRAR, file, label, String(COUNT)],
    { stdio: ['pipe', 'pipe', 'pipe'] },
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
  const done = new Promise<{ label: string; versions: number[] }>((resolve, reject) =>
    child.on('close', (code) =>
      code === 0
        ? resolve(JSON.parse(out.trim().split('\n').at(-1)!))
        : reject(new Error(`registrar ${label} exited ${code}: ${err}`)),
    ),
  );
  // a registrar that dies before saying ready must fail the test, not hang it
  return { child, ready: Promise.race([ready, done.then(() => {})]), done };
}

it('two processes registering at once get distinct, gapless versions', async () => {
  const file = join(dir, 'shared.db');
  await (await openStore(file)).close(); // migrated once, before the race
  const registrars = [startRegistrar(file, 'a'), startRegistrar(file, 'b')];
  await Promise.all(registrars.map((r) => r.ready));
  for (const r of registrars) r.child.stdin.end('go\n');
  const [a, b] = await Promise.all(registrars.map((r) => r.done));

  expect(a.versions).toHaveLength(COUNT);
  expect(b.versions).toHaveLength(COUNT);
  // each process saw its own versions increase, and the two sets are disjoint and cover 1..2N
  for (const got of [a.versions, b.versions]) expect([...got].sort((x, y) => x - y)).toEqual(got);
  const all = [...a.versions, ...b.versions].sort((x, y) => x - y);
  expect(all).toEqual(Array.from({ length: 2 * COUNT }, (_, i) => i + 1));

  const store = await openStore(file);
  try {
    const model = await store.getRegisteredModel('shared');
    expect(model.latestVersion).toBe(2 * COUNT);
    const versions = await store.listModelVersions('shared');
    expect(versions.map((v) => v.tags.writer === 'a')).toEqual(
      versions.map((v) => a.versions.includes(v.version)),
    );
    // the alias exists once and sits on the last version one of the two moved it to
    expect(Object.keys(model.aliases)).toEqual(['champion']);
    expect([a.versions.at(-1), b.versions.at(-1)]).toContain(model.aliases.champion);
    expect(versions.filter((v) => v.aliases.length > 0).map((v) => v.version)).toEqual([
      model.aliases.champion,
    ]);
    // they did overlap: in version order, the writers switch at least twice (the meeting points)
    const writers = versions.map((v) => v.tags.writer);
    expect(writers.filter((w, k) => k > 0 && w !== writers[k - 1]).length).toBeGreaterThanOrEqual(2);
  } finally {
    await store.close();
  }
  const db = new Database(file, { readonly: true });
  expect(db.prepare("select count(*) n from model_aliases where name = 'shared'").get()).toEqual({ n: 1 });
  db.close();
});

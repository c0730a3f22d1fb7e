/**
 * A child process for the two-registrar test (registry-concurrency.test.ts): opens the store, says
 * `ready`, waits for `go` on stdin, then registers `count` versions of the model `shared`, moving
 * the alias `champion` to each version it gets, and prints the versions it got as JSON. After its
 * first registration and at halfway it waits until the other process has registered as many, so
 * that the two really register in the same stretch of time.
 *
 *   node --import tsx src/track/testdata/concurrent-registrar.ts <db> <label> [count]
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { openStore } from '../open-store.js';

const [file, label, countArg = '40'] = process.argv.slice(2);
const count = Number(countArg);

const store = await openStore(`sqlite:${file}`);
const lines = createInterface({ input: process.stdin });
const go = new Promise<void>((resolve) => lines.once('line', () => resolve()));
process.stdout.write('ready\n');
await go;
lines.close();

async function meetTheOther(mine: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  while ((await store.getRegisteredModel('shared')).latestVersion < 2 * mine) {
    if (Date.now() > deadline) throw new Error(`registrar ${label}: the other never reached ${mine}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

const versions: number[] = [];
for (let i = 0; i < count; i++) {
  if (i === 1 || i === Math.ceil(count / 2)) await meetTheOther(i);
  const v = await store.registerModelVersion({
    name: 'shared',
    source: join(tmpdir(), 'cairn-registrar', label, String(i)),
    tags: { writer: label, i },
  });
  versions.push(v.version);
  await store.setAlias('shared', 'champion', v.version);
}
await store.close();
process.stdout.write(`${JSON.stringify({ label, versions })}\n`);

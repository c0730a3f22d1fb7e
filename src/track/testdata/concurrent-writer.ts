/**
 * A child process for the two-writer test (concurrency.test.ts): opens the store, says `ready`,
 * waits for `go` on stdin so that both writers start together, then logs `runs` runs of
 * `points` metrics each, one write per call, and prints a JSON summary. After its first run and at
 * its halfway run it waits until the other writer has got as far, so that the two really write in
 * the same stretch of time whatever the scheduler does (the test checks that their runs interleave).
 *
 *   node --import tsx src/track/testdata/concurrent-writer.ts <db> <label> [runs] [points]
 */
import { createInterface } from 'node:readline';
import { openStore } from '../open-store.js';

const [file, label, runsArg = '50', pointsArg = '10'] = process.argv.slice(2);
const runs = Number(runsArg);
const points = Number(pointsArg);

const store = await openStore(`sqlite:${file}`);
const lines = createInterface({ input: process.stdin });
const go = new Promise<void>((resolve) => lines.once('line', () => resolve()));
process.stdout.write('ready\n');
await go;
lines.close();

/** Waits until the experiment holds `2 * mine` runs: as this writer has `mine`, the other has as many. */
async function meetTheOther(mine: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  while ((await store.listRuns({ experiment: 'shared', limit: 2 * mine })).length < 2 * mine) {
    if (Date.now() > deadline)
      throw new Error(`writer ${label}: the other writer never reached ${mine} runs`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

let metrics = 0;
for (let i = 0; i < runs; i++) {
  if (i === 1 || i === Math.ceil(runs / 2)) await meetTheOther(i);
  const run = await store.createRun({ experiment: 'shared', name: `${label}-${i}`, params: { label, i } });
  for (let step = 0; step < points; step++) {
    await store.logMetric(run.id, 'loss', 1 / (step + 1), { step });
    metrics++;
  }
  await store.logBatch(run.id, {
    tags: { writer: label },
    metrics: [{ key: 'final', value: i, step: points }],
  });
  metrics++;
  await store.endRun(run.id, 'finished');
}
await store.close();
process.stdout.write(`${JSON.stringify({ label, runs, metrics })}\n`);

/**
 * LogisticRegression vs scikit-learn's LogisticRegression(solver='lbfgs') on the first 800,000 rows
 * of bench/data/classification-1000000.csv (28 features, binary), same tol and max_iter, fit time
 * only, runs interleaved, medians. The goal: Cairn at most 1.5x sklearn's wall-clock time. CPU
 * seconds are printed too (sklearn's summed over OpenBLAS threads, Cairn's over its worker
 * threads), since a busy machine inflates wall-clock times of both unevenly.
 *
 * Cairn fits twice per run: on the calling thread alone, and with a RowWorkerPool using every core
 * (the caller plus cores - 1 workers; scikit-learn's OpenBLAS likewise uses one thread per core).
 * The pooled time includes copying X into shared memory. Both fits give the same model bit for bit;
 * the script checks that.
 *
 *   npx tsx bench/logistic.ts [runs=7] [maxIter=100] [tol=1e-4] [workers=cores-1]
 *
 * Make the data first with `/usr/bin/python3 bench/make_classification.py`.
 */
import { availableParallelism } from 'node:os';
import { LogisticRegression } from '../src/models/linear/logistic-regression.js';
import { RowWorkerPool } from '../src/train/parallel/row-worker-pool.js';
import {
  DATA,
  loadNumericCSV,
  median,
  type PythonFit,
  PythonPeer,
  TRAIN_ROWS,
  timed,
} from './logistic.data.js';

const runs = Number(process.argv[2] ?? 7);
const maxIter = Number(process.argv[3] ?? 100);
const tol = Number(process.argv[4] ?? 1e-4);
const workers = Number(process.argv[5] ?? Math.max(0, availableParallelism() - 1));

const { train, test, features } = loadNumericCSV(DATA, TRAIN_ROWS);
console.log(`loaded ${train.X.rows} train + ${test.X.rows} test rows × ${features} features`);
const peer = new PythonPeer('bench/logistic.py', [
  'logistic',
  DATA,
  String(TRAIN_ROWS),
  `max_iter=${maxIter}`,
  `tol=${tol}`,
]);
console.log(`python ready: ${await peer.ready()}`);

const pool = new RowWorkerPool({ workers });
const threads = workers + 1;
type Timing = { seconds: number; cpuSeconds: number };
const single: Timing[] = [];
const ours: Timing[] = [];
const theirs: PythonFit[] = [];
let model = new LogisticRegression({ maxIter, tol });
let identical = true;
const fmt = (t: Timing) => `${t.seconds.toFixed(3)} s (cpu ${t.cpuSeconds.toFixed(3)})`;
for (let r = 0; r < runs; r++) {
  const alone = new LogisticRegression({ maxIter, tol });
  single.push(timed(() => alone.fit(train.X, train.y)));
  model = new LogisticRegression({ maxIter, tol });
  const m = model;
  ours.push(timed(() => m.fit(train.X, train.y, { parallel: pool })));
  theirs.push(await peer.fit());
  identical &&= sameModel(alone, model);
  console.log(
    `run ${r + 1}: cairn 1 thread ${fmt(single[r])}, cairn ${threads} threads ${fmt(ours[r])}, ` +
      `sklearn ${fmt(theirs[r])}`,
  );
}
peer.close();
await pool.close();

const pred = model.predict(test.X);
let right = 0;
for (let i = 0; i < pred.length; i++) right += pred[i] === test.y[i] ? 1 : 0;
const wall = [median(ours.map((o) => o.seconds)), median(theirs.map((t) => t.seconds))];
const cpu = [median(ours.map((o) => o.cpuSeconds)), median(theirs.map((t) => t.cpuSeconds))];
const wall1 = median(single.map((o) => o.seconds));
const cpu1 = median(single.map((o) => o.cpuSeconds));
console.log(`cairn 1 thread  median ${wall1.toFixed(3)} s (cpu ${cpu1.toFixed(3)})`);
console.log(
  `cairn ${threads} threads median ${wall[0].toFixed(3)} s (cpu ${cpu[0].toFixed(3)}), iterations ${Array.from(model.state.nIter)}, ` +
    `test accuracy ${(right / pred.length).toFixed(5)}, same model as 1 thread: ${identical}`,
);
console.log(
  `sklearn median ${wall[1].toFixed(3)} s (cpu ${cpu[1].toFixed(3)}), iterations ${theirs[runs - 1].nIter}, ` +
    `test accuracy ${theirs[runs - 1].score.toFixed(5)}`,
);
console.log(
  `ratio cairn (${threads} threads) / sklearn: wall ${(wall[0] / wall[1]).toFixed(2)} (goal <= 1.5), ` +
    `cpu ${(cpu[0] / cpu[1]).toFixed(2)}; 1 thread: wall ${(wall1 / wall[1]).toFixed(2)}, cpu ${(cpu1 / cpu[1]).toFixed(2)}`,
);

function sameModel(a: LogisticRegression, b: LogisticRegression): boolean {
  const same = (u: ArrayLike<number>, v: ArrayLike<number>) =>
    u.length === v.length && Array.from(u).every((x, i) => Object.is(x, v[i]));
  return same(a.state.coef, b.state.coef) && same(a.state.intercept, b.state.intercept);
}

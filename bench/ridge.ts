/**
 * Ridge vs scikit-learn's Ridge (default solver: Cholesky on the normal equations for dense X) on
 * the first 800,000 rows of bench/data/classification-1000000.csv, the 0/1 target read as a number,
 * fit time only, runs interleaved, medians; the test R² shows both fit the same model.
 *
 *   npx tsx bench/ridge.ts [runs=9] [alpha=1]
 */
import { Ridge } from '../src/models/linear/ridge.js';
import {
  DATA,
  loadNumericCSV,
  median,
  type PythonFit,
  PythonPeer,
  TRAIN_ROWS,
  timed,
} from './logistic.data.js';

const runs = Number(process.argv[2] ?? 9);
const alpha = Number(process.argv[3] ?? 1);

const { train, test, features } = loadNumericCSV(DATA, TRAIN_ROWS);
console.log(`loaded ${train.X.rows} train + ${test.X.rows} test rows × ${features} features`);
const peer = new PythonPeer('bench/logistic.py', ['ridge', DATA, String(TRAIN_ROWS), `alpha=${alpha}`]);
console.log(`python ready: ${await peer.ready()}`);

const ours: { seconds: number; cpuSeconds: number }[] = [];
const theirs: PythonFit[] = [];
let model = new Ridge({ alpha });
for (let r = 0; r < runs; r++) {
  model = new Ridge({ alpha });
  const m = model;
  ours.push(timed(() => m.fit(train.X, train.y)));
  theirs.push(await peer.fit());
  console.log(
    `run ${r + 1}: cairn ${ours[r].seconds.toFixed(3)} s (cpu ${ours[r].cpuSeconds.toFixed(3)}), ` +
      `sklearn ${theirs[r].seconds.toFixed(3)} s (cpu ${theirs[r].cpuSeconds.toFixed(3)})`,
  );
}
peer.close();

const pred = model.predict(test.X);
let mean = 0;
for (const v of test.y) mean += v / test.y.length;
let ss = 0;
let st = 0;
for (let i = 0; i < pred.length; i++) {
  ss += (test.y[i] - pred[i]) ** 2;
  st += (test.y[i] - mean) ** 2;
}
const wall = [median(ours.map((o) => o.seconds)), median(theirs.map((t) => t.seconds))];
const cpu = [median(ours.map((o) => o.cpuSeconds)), median(theirs.map((t) => t.cpuSeconds))];
console.log(
  `cairn   median ${wall[0].toFixed(3)} s (cpu ${cpu[0].toFixed(3)}), test R² ${(1 - ss / st).toFixed(6)}`,
);
console.log(
  `sklearn median ${wall[1].toFixed(3)} s (cpu ${cpu[1].toFixed(3)}), test R² ${theirs[runs - 1].score.toFixed(6)}`,
);
console.log(
  `ratio cairn / sklearn: wall ${(wall[0] / wall[1]).toFixed(2)}, cpu ${(cpu[0] / cpu[1]).toFixed(2)}`,
);

/**
 * LogisticRegression vs scikit-learn's LogisticRegression(solver='lbfgs') on the first 800,000 rows
 * of bench/data/classification-1000000.csv (28 features, binary), same tol and max_iter, fit time
 * only, runs interleaved, medians. The goal: Cairn at most 1.5x sklearn's wall-clock time. CPU
 * seconds are printed too (sklearn's summed over OpenBLAS threads), since a busy machine inflates
 * wall-clock times of both unevenly.
 *
 *   npx tsx bench/logistic.ts [runs=7] [maxIter=100] [tol=1e-4]
 *
 * Make the data first with `/usr/bin/python3 bench/make_classification.py`.
 */
import { LogisticRegression } from '../src/models/linear/logistic-regression.js';
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

const ours: { seconds: number; cpuSeconds: number }[] = [];
const theirs: PythonFit[] = [];
let model = new LogisticRegression({ maxIter, tol });
for (let r = 0; r < runs; r++) {
  model = new LogisticRegression({ maxIter, tol });
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
let right = 0;
for (let i = 0; i < pred.length; i++) right += pred[i] === test.y[i] ? 1 : 0;
const wall = [median(ours.map((o) => o.seconds)), median(theirs.map((t) => t.seconds))];
const cpu = [median(ours.map((o) => o.cpuSeconds)), median(theirs.map((t) => t.cpuSeconds))];
console.log(
  `cairn   median ${wall[0].toFixed(3)} s (cpu ${cpu[0].toFixed(3)}), iterations ${Array.from(model.state.nIter)}, ` +
    `test accuracy ${(right / pred.length).toFixed(5)}`,
);
console.log(
  `sklearn median ${wall[1].toFixed(3)} s (cpu ${cpu[1].toFixed(3)}), iterations ${theirs[runs - 1].nIter}, ` +
    `test accuracy ${theirs[runs - 1].score.toFixed(5)}`,
);
console.log(
  `ratio cairn / sklearn: wall ${(wall[0] / wall[1]).toFixed(2)} (goal <= 1.5), cpu ${(cpu[0] / cpu[1]).toFixed(2)}`,
);

/**
 * loadFrame (DuckDB → typed-array columns) vs pandas.read_csv on bench/data/classification-1000000.csv
 * (1,000,000 rows × 28 float features + an integer target, ~330 MB). Each pandas run is a fresh
 * `/usr/bin/python3` that times only the read_csv call; Cairn is timed in this process from the call
 * to the finished Frame. Runs interleave (one warm-up each first, not counted); medians; goal from the
 * issue: Cairn at most 0.5x pandas' time. CPU seconds (all threads) are printed beside wall seconds:
 * on a busy machine they move less than wall time. Last, scanFrames streams the same file in
 * 65,536-row batches and the peak resident memory is printed beside what loadFrame's frame holds.
 *
 *   npx tsx bench/load-csv.ts [runs=5] [file]
 *
 * Make the data first with `/usr/bin/python3 bench/make_classification.py`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { closeDataEngine } from '../src/data/duckdb-engine.js';
import { loadFrame } from '../src/data/load.js';
import { scanFrames } from '../src/data/scan.js';

const runs = Number(process.argv[2] ?? 5);
const file = process.argv[3] ?? 'bench/data/classification-1000000.csv';
if (!existsSync(file)) {
  console.error(`${file} is missing: run /usr/bin/python3 bench/make_classification.py`);
  process.exit(1);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

interface Timing {
  seconds: number;
  cpu: number;
  shape: string;
  sum: number;
}

async function cairn(): Promise<Timing> {
  const t = performance.now();
  const c = process.cpuUsage();
  const frame = await loadFrame(file);
  const seconds = (performance.now() - t) / 1000;
  const used = process.cpuUsage(c);
  const cpu = (used.user + used.system) / 1e6;
  let sum = 0;
  for (const v of frame.columnOf('target', 'number').values) sum += v;
  return { seconds, cpu, shape: `${frame.nRows}x${frame.nCols}`, sum };
}

const PANDAS = `
import sys, time, pandas
t = time.perf_counter()
c = time.process_time()
df = pandas.read_csv(sys.argv[1])
s = time.perf_counter() - t
print(s, time.process_time() - c, f"{df.shape[0]}x{df.shape[1]}", df["target"].sum())
`;

function pandas(): Timing {
  const out = execFileSync('/usr/bin/python3', ['-c', PANDAS, file], { encoding: 'utf8' }).trim().split(' ');
  return { seconds: Number(out[0]), cpu: Number(out[1]), shape: out[2], sum: Number(out[3]) };
}

console.log(`${file}; ${availableParallelism()} cores; DuckDB threads = cores (its default)`);

// Streaming first, while the process is small: memory should follow the batch, not the file
// (a loaded frame of this file alone holds ~232 MB).
const before = process.memoryUsage().rss;
let peak = before;
let batches = 0;
const t = performance.now();
for await (const batch of scanFrames(file, { batchRows: 65_536 })) {
  batches += batch.nRows > 0 ? 1 : 0;
  peak = Math.max(peak, process.memoryUsage().rss);
}
console.log(
  `scanFrames: ${batches} batches in ${((performance.now() - t) / 1000).toFixed(3)} s; rss before ${before >> 20} MB, peak ${peak >> 20} MB`,
);

const warmC = await cairn();
const warmP = pandas();
if (warmC.shape !== warmP.shape || warmC.sum !== warmP.sum)
  throw new Error(
    `results differ: cairn ${warmC.shape} sum ${warmC.sum}, pandas ${warmP.shape} sum ${warmP.sum}`,
  );
console.log(
  `warm-up: cairn ${warmC.seconds.toFixed(3)} s, pandas ${warmP.seconds.toFixed(3)} s (${warmC.shape}, same target sum)`,
);

const ours: Timing[] = [];
const theirs: Timing[] = [];
for (let r = 0; r < runs; r++) {
  ours.push(await cairn());
  theirs.push(pandas());
  console.log(
    `run ${r + 1}: cairn ${ours[r].seconds.toFixed(3)} s (cpu ${ours[r].cpu.toFixed(2)} s), pandas ${theirs[r].seconds.toFixed(3)} s (cpu ${theirs[r].cpu.toFixed(2)} s)`,
  );
}

const mo = median(ours.map((t) => t.seconds));
const mt = median(theirs.map((t) => t.seconds));
const co = median(ours.map((t) => t.cpu));
const ct = median(theirs.map((t) => t.cpu));
console.log(`cairn  median ${mo.toFixed(3)} s, cpu ${co.toFixed(2)} s`);
console.log(`pandas median ${mt.toFixed(3)} s, cpu ${ct.toFixed(2)} s`);
console.log(`cpu ratio: ${(co / ct).toFixed(2)} (cairn / pandas, CPU seconds)`);
console.log(`ratio: ${(mo / mt).toFixed(2)} (cairn / pandas, wall; goal <= 0.5)`);

await closeDataEngine();

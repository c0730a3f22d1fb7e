/**
 * Single-row predict over HTTP: `cairn serve` against a Fastify hello-world (the ceiling) and a
 * FastAPI + uvicorn + scikit-learn server of the same model (bench/serve.fastapi.py), each in its
 * own process, loaded one at a time by wrk (or autocannon's programmatic API, whose latencies are
 * whole milliseconds) over loopback with 32 connections for a fixed time after a warm-up. The
 * servers take turns for several rounds and the medians are compared, so a burst of other work on
 * a shared machine does not land on one server only.
 *
 *   npx tsx bench/serve.ts [seconds=10] [connections=32] [wrk|autocannon] [rounds=3]
 *
 * The model: Cairn's logistic regression with its automatic preprocessing on penguins.csv (every
 * 5th row held out), and scikit-learn's equivalent Pipeline fitted on the same training file.
 * Goals (issue 3): Cairn >= 50x the Python server's requests/s, >= 60% of the hello-world ceiling,
 * p99 < 5 ms. Not part of `npm test`; quote the load average printed with the figures.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { loadFrame, saveModel, trainModel, writeFrame } from '../src/index.js';

const seconds = Number(process.argv[2] ?? 10);
const connections = Number(process.argv[3] ?? 32);
const tool = (process.argv[4] ?? (existsSync('/usr/bin/wrk') ? 'wrk' : 'autocannon')) as 'wrk' | 'autocannon';
const rounds = Number(process.argv[5] ?? 3);
const WARMUP_S = 2;
const dir = 'bench/data/serve';
const ROW = {
  island: 'Dream',
  beak_length_mm: 39.1,
  beak_depth_mm: 18.7,
  flipper_length_mm: 181,
  body_mass_g: 3750,
  sex: 'MALE',
};
const BODY = JSON.stringify({ rows: [ROW] });

interface Result {
  readonly name: string;
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly failed: number;
}

async function prepare(): Promise<void> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const all = await loadFrame('datasets/penguins.csv');
  const trainRows: number[] = [];
  const testRows: number[] = [];
  for (let i = 0; i < all.nRows; i++) (i % 5 === 4 ? testRows : trainRows).push(i);
  const train = all.take(trainRows);
  await writeFrame(train, join(dir, 'penguins-train.csv'));
  const { model } = trainModel(train, {
    target: 'species',
    model: 'logistic',
    name: 'penguins',
    test: all.take(testRows),
  });
  await saveModel(model, join(dir, 'penguins-model'));
}

/** Starts a server process and waits for the URL it prints. */
async function start(cmd: string, args: string[]): Promise<{ url: string; proc: ChildProcess }> {
  const proc = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  children.add(proc);
  const lines = createInterface({ input: proc.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${cmd} ${args.join(' ')}: no URL within 60 s`)), 60_000);
    lines.on('line', (line) => {
      const m = /http:\/\/127\.0\.0\.1:\d+/.exec(line);
      if (m) {
        clearTimeout(timer);
        resolve(m[0]);
      }
    });
    proc.once('exit', (code) => reject(new Error(`${cmd} exited ${code} before listening`)));
  });
  lines.removeAllListeners('line');
  proc.stdout!.resume();
  // A URL printed is a socket bound, not yet one accepting: wait for /healthz.
  for (let i = 0; ; i++) {
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (i > 600) throw new Error(`${cmd} ${args.join(' ')}: /healthz not answering after 60 s`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, proc };
}

/** Every server started, so none outlives this script whatever happens. */
const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
});

async function stop(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null) return;
  const exited = new Promise((resolve) => proc.once('exit', resolve));
  proc.kill('SIGTERM');
  await exited;
}

async function load(url: string, method: 'GET' | 'POST', duration: number): Promise<Omit<Result, 'name'>> {
  return tool === 'wrk' ? wrk(url, method, duration) : autocannon(url, method, duration);
}

function wrk(url: string, method: 'GET' | 'POST', duration: number): Omit<Result, 'name'> {
  const script = join(dir, 'wrk.lua');
  writeFileSync(
    script,
    method === 'POST'
      ? `wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nwrk.body = [[${BODY}]]\n`
      : '',
  );
  const out = execFileSync(
    'wrk',
    ['-t1', `-c${connections}`, `-d${duration}s`, '--latency', '-s', script, url],
    { encoding: 'utf8' },
  );
  const ms = (label: string) => {
    const m = new RegExp(`^\\s*${label}%\\s+([\\d.]+)(us|ms|s)`, 'm').exec(out);
    if (!m) throw new Error(`wrk output lacks the ${label}th percentile:\n${out}`);
    return Number(m[1]) * (m[2] === 'us' ? 1e-3 : m[2] === 's' ? 1e3 : 1);
  };
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]);
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0);
  const errs = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const socketErrors = errs ? errs.slice(1).reduce((a, b) => a + Number(b), 0) : 0;
  return { rps, p50: ms('50'), p99: ms('99'), failed: non2xx + socketErrors };
}

async function autocannon(
  url: string,
  method: 'GET' | 'POST',
  duration: number,
): Promise<Omit<Result, 'name'>> {
  const run = (
    (await import('autocannon' as string)) as { default: (o: object) => Promise<AutocannonResult> }
  ).default;
  const r = await run({
    url,
    connections,
    duration,
    method,
    ...(method === 'POST' ? { body: BODY, headers: { 'content-type': 'application/json' } } : {}),
  });
  return {
    rps: r.requests.total / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    failed: r.non2xx + r.errors + r.timeouts,
  };
}

interface AutocannonResult {
  requests: { total: number };
  duration: number;
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}

async function bench(name: string, url: string, method: 'GET' | 'POST'): Promise<Result> {
  const check = await fetch(
    url,
    method === 'POST' ? { method, body: BODY, headers: { 'content-type': 'application/json' } } : {},
  );
  if (check.status !== 200)
    throw new Error(`${name}: ${url} answered ${check.status}: ${await check.text()}`);
  await load(url, method, WARMUP_S);
  const r = { name, ...(await load(url, method, seconds)) };
  console.log(`  ${name}: ${fmt(r)}`);
  return r;
}

function fmt(r: Result): string {
  return `${r.rps.toFixed(0).padStart(7)} req/s   p50 ${r.p50.toFixed(3)} ms   p99 ${r.p99.toFixed(3)} ms   failed ${r.failed}`;
}

/** The two servers' answers on the held-out rows: they must be the same model to compare. */
async function agreement(cairnUrl: string, pythonUrl: string): Promise<number> {
  const all = await loadFrame('datasets/penguins.csv');
  let same = 0;
  let n = 0;
  for (let i = 4; i < all.nRows; i += 5) {
    const row = all.drop(['species']).toRecords(i, i + 1)[0];
    const body = JSON.stringify({ rows: [row] });
    const ask = async (u: string) =>
      (
        (await (
          await fetch(u, { method: 'POST', body, headers: { 'content-type': 'application/json' } })
        ).json()) as {
          predictions: { prediction: string }[];
        }
      ).predictions[0].prediction;
    if (
      (await ask(`${cairnUrl}/v1/models/penguins/predict`)) ===
      (await ask(`${pythonUrl}/v1/models/penguins/predict`))
    )
      same++;
    n++;
  }
  return same / n;
}

process.on('uncaughtException', (e) => {
  console.error(e);
  process.exit(1);
});
process.on('unhandledRejection', (e) => {
  console.error(e);
  process.exit(1);
});
await prepare();
const load0 = loadavg()[0];
console.log(
  `bench/serve.ts: ${rounds} rounds of ${seconds} s per server after a ${WARMUP_S} s warm-up, ${connections} connections, ${tool}, single-row predict; load average ${load0.toFixed(2)}`,
);
const serveArgs = [
  'bin/cairn.js',
  'serve',
  join(dir, 'penguins-model'),
  '--port',
  '0',
  '--store',
  `sqlite:${dir}/cairn.db`,
];
const hello = await start(process.execPath, ['--import', 'tsx', 'bench/serve.hello.ts']);
const cairn = await start(process.execPath, serveArgs);
const cairnNoLog = await start(process.execPath, [...serveArgs, '--no-log']);
const python = await start('/usr/bin/python3', [
  'bench/serve.fastapi.py',
  join(dir, 'penguins-train.csv'),
  'species',
]);
const agree = await agreement(cairn.url, python.url);
const targets = {
  helloGet: ['Fastify hello-world GET ', `${hello.url}/hello`, 'GET'],
  helloPost: ['Fastify hello-world POST', `${hello.url}/hello`, 'POST'],
  cairn: ['cairn serve             ', `${cairn.url}/v1/models/penguins/predict`, 'POST'],
  cairnNoLog: ['cairn serve --no-log    ', `${cairnNoLog.url}/v1/models/penguins/predict`, 'POST'],
  python: ['FastAPI + scikit-learn  ', `${python.url}/v1/models/penguins/predict`, 'POST'],
} as const;
type Target = keyof typeof targets;
const runs: Record<Target, Result[]> = { helloGet: [], helloPost: [], cairn: [], cairnNoLog: [], python: [] };
for (let round = 1; round <= rounds; round++) {
  console.log(`round ${round}:`);
  for (const [key, [name, url, method]] of Object.entries(targets) as [Target, (typeof targets)[Target]][])
    runs[key].push(await bench(name, url, method));
}
for (const p of [hello, cairn, cairnNoLog, python]) await stop(p.proc);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results = Object.fromEntries(
  Object.entries(runs).map(([key, rs]) => [
    key,
    {
      name: rs[0].name,
      rps: median(rs.map((r) => r.rps)),
      p50: median(rs.map((r) => r.p50)),
      p99: median(rs.map((r) => r.p99)),
      failed: rs.reduce((a, r) => a + r.failed, 0),
    },
  ]),
) as Record<Target, Result>;
console.log('medians:');
for (const r of Object.values(results)) console.log(`  ${r.name}: ${fmt(r)}`);

const load1 = loadavg()[0];
const { helloGet, helloPost, python: peer } = results;
console.log(`\nsame predictions on the ${Math.round(344 / 5)} held-out rows: ${(agree * 100).toFixed(1)}%`);
console.log(`load average ${load0.toFixed(2)} before, ${load1.toFixed(2)} after`);
for (const [label, c] of [
  ['cairn serve (prediction log on, the default)', results.cairn],
  ['cairn serve --no-log (the same work as the Python server)', results.cairnNoLog],
] as const)
  console.log(
    `ratio, ${label}: ${(c.rps / peer.rps).toFixed(1)}x python (goal >= 50), ${((100 * c.rps) / helloGet.rps).toFixed(0)}% of hello GET (goal >= 60), ${((100 * c.rps) / helloPost.rps).toFixed(0)}% of hello POST, p99 ${c.p99.toFixed(2)} ms (goal < 5)`,
  );

/**
 * The prediction log under load: how many records per second it commits, what a log() call costs
 * the caller, and the longest event-loop stall on the calling thread while records arrive at a
 * steady 50,000 per second (perf_hooks.monitorEventLoopDelay), next to the same load with logging
 * off and next to one batch written on the calling thread (what the worker thread saves us).
 *
 *   node --import tsx bench/prediction-log.ts [rate=50000] [seconds=10] [records=300000]
 *
 * Writes to a temporary SQLite file. Not part of `npm test`.
 */
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { Kysely } from 'kysely';
import { migrate } from '../src/track/kysely-store/migrate.js';
import { sqliteDialect } from '../src/track/kysely-store/sqlite-dialect.js';
import type { TrackDatabase } from '../src/track/kysely-store/tables.js';
import { openPredictionLog, type PredictionRecord } from '../src/track/prediction-log/index.js';
import type { FromLogWorker, ToLogWorker } from '../src/track/prediction-log/protocol.js';
import { encodeRecord } from '../src/track/prediction-log/records.js';
import { sqliteLogBatchWriter } from '../src/track/prediction-log/write-batch.js';
import { PredictionLogWriter } from '../src/track/prediction-log/writer.js';

const RATE = Number(process.argv[2] ?? 50_000);
const SECONDS = Number(process.argv[3] ?? 10);
const RECORDS = Number(process.argv[4] ?? 300_000);
const dir = mkdtempSync(join(tmpdir(), 'cairn-bench-plog-'));
let fileNo = 0;
const store = () => `sqlite:${join(dir, `log-${fileNo++}.db`)}`;

// a served penguin: seven inputs, a label and three probabilities
const run = Math.random().toString(36).slice(2, 8);
let n = 0;
function record(): PredictionRecord {
  const i = n++;
  return {
    id: `${run}-${i}`,
    time: Date.now(),
    model: 'penguins',
    version: 3,
    source: 'http',
    inputs: {
      island: i % 3 ? 'Biscoe' : 'Dream',
      beak_length_mm: 39.1 + (i % 17),
      beak_depth_mm: 18.7,
      flipper_length_mm: 181 + (i % 9),
      body_mass_g: 3750,
      sex: i % 2 ? 'MALE' : 'FEMALE',
      year: 2008,
    },
    outputs: { prediction: 'Adelie', proba: { Adelie: 0.91, Chinstrap: 0.06, Gentoo: 0.03 } },
    latencyMs: 0.42,
  };
}

const ms = (ns: number) => (ns / 1e6).toFixed(3);

/** Records per second committed, logging as fast as the writer takes them without dropping any. */
async function throughput(total: number): Promise<void> {
  const log = await openPredictionLog(store());
  const t0 = performance.now();
  let logCalls = 0;
  for (let i = 0; i < total; ) {
    const c0 = performance.now();
    for (let j = 0; j < 1000; j++, i++) log.writer.log(record());
    logCalls += performance.now() - c0;
    // keep well under the buffer bound: wait for the writer when it falls behind
    if (log.writer.stats().pending > 50_000) await log.writer.flush();
    else await new Promise((r) => setImmediate(r));
  }
  await log.writer.flush();
  const s = (performance.now() - t0) / 1000;
  const st = log.writer.stats();
  await log.close();
  console.log(
    `sustained: ${total} records committed in ${s.toFixed(2)} s = ${Math.round(st.written / s)} records/s ` +
      `(dropped ${st.dropped}); log() costs the caller ${((logCalls * 1000) / total).toFixed(2)} µs a record`,
  );
}

type Mode = 'no log' | 'stub writer' | 'logging';

/**
 * Stands in for the writer thread, answering each batch on this thread at once: the writer's own
 * work on the calling thread (encoding, batching, posting) without a second thread competing for
 * the CPU. Times each answer, which runs the writer's message handler and its next post.
 */
class StubWorker extends EventEmitter {
  longest = 0;
  postMessage(m: ToLogWorker): void {
    setImmediate(() => {
      if (m.type === 'close') return void this.emit('exit', 0);
      const t = performance.now();
      this.emit('message', { type: 'written', batch: m.batch, inserted: 0 } satisfies FromLogWorker);
      this.longest = Math.max(this.longest, performance.now() - t);
    });
  }
  ref(): void {}
  unref(): void {}
  async terminate(): Promise<number> {
    return 0;
  }
}

/**
 * Event-loop delay on this thread while `rate` records a second arrive. Records arrive as a
 * server's requests would: every millisecond, the ones due by then (50 at 50k/s), so the thread
 * is mostly idle, and any lateness of the next millisecond's timer is a stall: the writer posting
 * a batch or hearing back, GC, or the OS running something else (on a small machine, the writer
 * thread itself).
 */
async function steady(rate: number, seconds: number, mode: Mode): Promise<void> {
  const stub = mode === 'stub writer' ? new StubWorker() : null;
  const log = mode === 'logging' ? await openPredictionLog(store()) : null;
  const writer = stub ? new PredictionLogWriter(stub as unknown as Worker) : (log?.writer ?? null);
  const h = monitorEventLoopDelay({ resolution: 1 });
  const start = performance.now();
  let sent = 0;
  // our own 1 ms timer too: how late it fires, to the microsecond
  const late: number[] = [];
  let expected = start + 1;
  let busiest = 0;
  h.enable();
  await new Promise<void>((done) => {
    const timer = setInterval(() => {
      const now = performance.now();
      late.push(now - expected);
      if (now - start >= seconds * 1000) {
        clearInterval(timer);
        return done();
      }
      const due = Math.floor(((now - start) / 1000) * rate) - sent;
      for (let j = 0; j < due; j++) {
        const r = record();
        writer?.log(r);
      }
      sent += Math.max(0, due);
      expected = performance.now() + 1;
      busiest = Math.max(busiest, expected - 1 - now);
    }, 1);
  });
  h.disable();
  await writer?.flush();
  const st = writer?.stats();
  await (log ? log.close() : writer?.close());
  late.sort((x, y) => x - y);
  const q = (p: number) => late[Math.min(late.length - 1, Math.floor((p / 100) * late.length))].toFixed(3);
  console.log(
    `${mode.padEnd(11)} at ${rate}/s for ${seconds} s: ${sent} records` +
      (st ? ` (accepted ${st.logged}, dropped ${st.dropped})` : '') +
      `; one 1 ms turn of logging took at most ${busiest.toFixed(3)} ms` +
      (stub ? `; longest writer callback ${stub.longest.toFixed(3)} ms` : '') +
      `\n    1 ms timer late by p50 ${q(50)} p99 ${q(99)} p99.9 ${q(99.9)} max ${q(100)} ms; ` +
      `monitorEventLoopDelay (1 ms resolution included) p50 ${ms(h.percentile(50))} ` +
      `p99 ${ms(h.percentile(99))} max ${ms(h.max)} ms`,
  );
}

/** What a 1000-record batch costs when written on the calling thread instead (median of 20). */
async function inThread(): Promise<void> {
  const file = join(dir, 'in-thread.db');
  const db = new Kysely<TrackDatabase>({ dialect: sqliteDialect(file) });
  await migrate(db, { location: file });
  await db.destroy();
  const sqlite = new Database(file);
  const write = sqliteLogBatchWriter(sqlite);
  const times: number[] = [];
  for (let b = 0; b < 20; b++) {
    const lines = Array.from({ length: 1000 }, () => encodeRecord(record()));
    const t = performance.now();
    write(lines, []);
    times.push(performance.now() - t);
  }
  sqlite.close();
  times.sort((a, b) => a - b);
  console.log(
    `for comparison, one batch of 1000 written on the calling thread: median ${times[10].toFixed(2)} ms`,
  );
}

try {
  await throughput(RECORDS);
  for (const mode of ['no log', 'stub writer', 'logging'] as const) await steady(RATE, SECONDS, mode);
  await inThread();
} finally {
  rmSync(dir, { recursive: true, force: true });
}

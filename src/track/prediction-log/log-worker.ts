/**
 * The prediction log's writer thread: owns its own connection to the store and commits each batch
 * it is posted in one transaction (write-batch.ts), answering with what it wrote or why it could
 * not. The caller's event loop never waits on SQLite: that is the point of this thread.
 */
import { parentPort } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { workerInput } from '../../util/worker.js';
import { DEFAULT_BUSY_TIMEOUT_MS } from '../kysely-store/sqlite-dialect.js';
import type { FromLogWorker, LogWorkerSetup, ToLogWorker } from './protocol.js';
import { sqliteLogBatchWriter } from './write-batch.js';

const setup = workerInput<LogWorkerSetup>();
const port = parentPort!;
// The store was opened (and migrated, WAL set) by the caller; this is one more connection to it.
const db = new Database(setup.file, { timeout: setup.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS });
// the file must hold the log's table: fail the start otherwise
db.prepare('select id from predictions limit 1').all();
const writeBatch = sqliteLogBatchWriter(db);
const answer = (m: FromLogWorker) => port.postMessage(m);

async function handle(m: ToLogWorker): Promise<void> {
  if (m.type === 'close') {
    db.close();
    answer({ type: 'closed' });
    port.close(); // nothing left to hold the thread: it ends
    return;
  }
  try {
    const inserted = writeBatch(m.lines, m.feedback);
    answer({ type: 'written', batch: m.batch, inserted });
  } catch (e) {
    answer({
      type: 'written',
      batch: m.batch,
      inserted: 0,
      error: e instanceof Error ? e.message : String(e),
    });
  }
}

// one message at a time, in order (the writer posts one write at a time anyway)
let queue = Promise.resolve();
port.on('message', (m: ToLogWorker) => {
  queue = queue.then(() => handle(m));
});

answer({ type: 'ready' });

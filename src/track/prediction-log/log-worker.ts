/**
 * The prediction log's writer thread: owns its own connection to the store and commits each batch
 * it is posted in one transaction (write-batch.ts), answering with what it wrote or why it could
 * not. The caller's event loop never waits on SQLite: that is the point of this thread.
 */
import { parentPort } from 'node:worker_threads';
import { Kysely } from 'kysely';
import { workerInput } from '../../util/worker.js';
import { sqliteDialect } from '../kysely-store/sqlite-dialect.js';
import type { TrackDatabase } from '../kysely-store/tables.js';
import type { FromLogWorker, LogWorkerSetup, ToLogWorker } from './protocol.js';
import { writeLogBatch } from './write-batch.js';

const setup = workerInput<LogWorkerSetup>();
const port = parentPort!;
const db = new Kysely<TrackDatabase>({
  dialect: sqliteDialect(setup.file, { busyTimeoutMs: setup.busyTimeoutMs }),
});
const answer = (m: FromLogWorker) => port.postMessage(m);

async function handle(m: ToLogWorker): Promise<void> {
  if (m.type === 'close') {
    await db.destroy();
    answer({ type: 'closed' });
    port.close(); // nothing left to hold the thread: it ends
    return;
  }
  try {
    const inserted = await writeLogBatch(db, m.lines, m.feedback);
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

// the file opened and holds the log's table: say so, or fail the start
await db.selectFrom('predictions').select('id').limit(1).execute();
answer({ type: 'ready' });

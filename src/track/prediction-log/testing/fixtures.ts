/** Records and temporary stores for the prediction log's tests. */
import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PredictionRecord } from '../records.js';

export async function tempStore(): Promise<string> {
  return `sqlite:${join(await mkdtemp(join(tmpdir(), 'cairn-plog-')), 'cairn.db')}`;
}

/** A classifier's record; `i` varies the inputs and the prediction. */
export function record(i: number, over: Partial<PredictionRecord> = {}): PredictionRecord {
  const label = i % 3 === 0 ? 'yes' : 'no';
  return {
    id: randomUUID(),
    time: 1_700_000_000_000 + i,
    model: 'churn',
    version: 1,
    source: 'http',
    inputs: { tenure: i % 50, plan: i % 2 ? 'basic' : 'pro', paperless: i % 5 === 0, charges: null },
    outputs: {
      prediction: label,
      proba: { no: label === 'no' ? 0.8 : 0.2, yes: label === 'yes' ? 0.8 : 0.2 },
    },
    latencyMs: 0.1 + (i % 7) / 10,
    ...over,
  };
}

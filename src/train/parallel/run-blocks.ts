/**
 * The claiming loop every thread of a RowWorkerPool runs for one evaluation, the caller included:
 * take the next unclaimed block, evaluate it into its slot, count it done (see protocol.ts).
 */
import { type BlockEvaluator, ROW_BLOCK, rowBlockCount } from '../../models/row-parallel.js';
import { type BindMessage, DONE, NEXT } from './protocol.js';

/** Evaluates blocks until none is left to claim; returns how many this thread did. */
export function runBlocks(
  m: Pick<BindMessage, 'control' | 'coef' | 'partials' | 'rows' | 'dim'>,
  evaluateBlock: BlockEvaluator,
  scratch: { coef: Float64Array; grad: Float64Array } = {
    coef: new Float64Array(m.dim),
    grad: new Float64Array(m.dim),
  },
): number {
  const { control, partials, rows, dim } = m;
  const blocks = rowBlockCount(rows);
  let done = 0;
  for (;;) {
    const b = Atomics.add(control, NEXT, 1);
    if (b >= blocks) return done;
    // read per block: a late claim may belong to the next evaluation (see protocol.ts)
    scratch.coef.set(m.coef);
    const start = b * ROW_BLOCK;
    const f = evaluateBlock(scratch.coef, start, Math.min(start + ROW_BLOCK, rows), scratch.grad);
    const slot = b * (dim + 1);
    partials.set(scratch.grad, slot);
    partials[slot + dim] = f;
    done++;
    if (Atomics.add(control, DONE, 1) + 1 === blocks) Atomics.notify(control, DONE);
  }
}

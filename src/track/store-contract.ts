/**
 * The contract every Store backend keeps, as one suite each calls with a real database (never a
 * mock):
 *
 *   runStoreContract({ name: 'SQLite', open: () => openStore(`sqlite:${dir}/cairn.db`) });
 *
 * `open` must open the same store each time it is called (the suite closes and reopens it to check
 * that data persists). The store need not be empty: every test works in experiments of its own.
 */
import { afterAll, beforeAll, describe } from 'vitest';
import type { Store } from './store.js';
import { experimentsContract } from './store-contract/experiments.js';
import type { ContractContext } from './store-contract/helpers.js';
import { logBatchContract } from './store-contract/log-batch.js';
import { readRunsContract } from './store-contract/read-runs.js';
import { registryContract } from './store-contract/registry.js';
import { runsContract } from './store-contract/runs.js';

export interface StoreContractCase {
  name: string;
  open: () => Promise<Store>;
}

export function runStoreContract(c: StoreContractCase): void {
  describe(`${c.name} keeps the store contract`, () => {
    const ctx: ContractContext = { store: undefined as unknown as Store, open: c.open };
    beforeAll(async () => {
      ctx.store = await c.open();
    });
    afterAll(async () => {
      await ctx.store?.close();
    });
    experimentsContract(ctx);
    runsContract(ctx);
    logBatchContract(ctx);
    readRunsContract(ctx);
    registryContract(ctx);
  });
}

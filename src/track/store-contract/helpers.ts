/** What the contract sections share: the open store (replaced when a section reopens it) and helpers. */
import { expect } from 'vitest';
import { InputError } from '../../util/errors.js';
import type { Store } from '../store.js';

export interface ContractContext {
  store: Store;
  readonly open: () => Promise<Store>;
}

let counter = 0;
/** A name no other test (or earlier run of the suite against the same database) uses. */
export function unique(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${(counter++).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Awaits a promise that must reject with an InputError (of this code, if given); returns the error. */
export async function inputError(p: Promise<unknown>, code?: string): Promise<InputError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(InputError);
  if (code) expect((e as InputError).code).toBe(code);
  return e as InputError;
}

export const SHA = 'ab'.repeat(32);

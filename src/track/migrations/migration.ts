import type { Kysely } from 'kysely';

/**
 * One numbered schema change. `name` starts with its number (`002_registry`), which fixes the order;
 * once released a migration is never edited, only followed by another. `up` runs inside the
 * runner's transaction and must use portable DDL only.
 */
export interface Migration {
  readonly name: string;
  up(db: Kysely<unknown>): Promise<void>;
}

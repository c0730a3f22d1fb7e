/** Every migration this version of Cairn knows, in the order they run. Append only. */
import { initial } from './001_initial.js';
import { registry } from './002_registry.js';
import { predictionLog } from './003_prediction_log.js';
import type { Migration } from './migration.js';

export type { Migration } from './migration.js';

export const MIGRATIONS: readonly Migration[] = [initial, registry, predictionLog];

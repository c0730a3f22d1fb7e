/** Profiling a frame: per-column statistics, correlations, duplicates, leakage and other warnings. */

export {
  PROFILE_DEFAULTS,
  type ProfileOptions,
  WARNING_THRESHOLDS,
  type WarningThresholds,
} from './options.js';
export { profileFrame } from './profile-frame.js';
export type * from './types.js';

/** The holdout split moved to ./splits/ with the other splitters; this path keeps old imports working. */
export { type Holdout, type HoldoutOptions, holdoutSplit } from './splits/holdout.js';

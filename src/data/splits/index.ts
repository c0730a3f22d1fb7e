/** Row splits for evaluation: a seeded holdout and k-fold splitters, all deterministic. */
export { GroupKFold, type GroupKFoldOptions } from './group-kfold.js';
export { type Holdout, type HoldoutOptions, holdoutSplit } from './holdout.js';
export { KFold, type KFoldOptions } from './kfold.js';
export { type Fold, isSplitter, type SplitData, type Splitter } from './splitter.js';
export { StratifiedKFold } from './stratified-kfold.js';
export { TimeSeriesSplit, type TimeSeriesSplitOptions } from './time-series-split.js';

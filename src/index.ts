/**
 * Cairn's library surface: a curated list, grown as each part lands.
 *
 *   import { loadFrame, trainModel, saveModel } from 'cairn';
 *   const { model, metrics } = trainModel(await loadFrame('penguins.csv'), { target: 'species' });
 */
import './catalog.js';

export { fingerprintFrame } from './data/fingerprint.js';
// data
export {
  type Cell,
  type Column,
  type ColumnKind,
  col,
  Frame,
} from './data/frame.js';
export { type FrameWriter, openFrameWriter, writeFrame } from './data/frame-writer.js';
export { loadFrame } from './data/load.js';
export type { DataFormat, LoadOptions } from './data/load-options.js';
export { fromRows, type Matrix, matrix } from './data/matrix.js';
export {
  type DataProfile,
  type ProfileOptions,
  type ProfileWarning,
  profileFrame,
} from './data/profile/index.js';
export { guessRoles } from './data/roles.js';
export { type ScanOptions, scanFrames } from './data/scan.js';
export { type ColumnRole, type ColumnSchema, type Schema, schemaOf } from './data/schema.js';
export {
  type Fold,
  GroupKFold,
  type Holdout,
  type HoldoutOptions,
  holdoutSplit,
  KFold,
  type SplitData,
  type Splitter,
  StratifiedKFold,
  TimeSeriesSplit,
} from './data/splits/index.js';
export {
  BatchValidator,
  conformBatch,
  type Finding,
  type FindingKind,
  type Severity,
  type ValidateOptions,
  type ValidationPolicy,
  type ValidationReport,
  validateBatch,
} from './data/validate/index.js';
export { evaluateModel } from './evaluate/evaluate-model.js';
export { METRICS, type MetricName } from './evaluate/metric-names.js';
export {
  accuracy,
  balancedAccuracy,
  computeMetric,
  confusionMatrix,
  f1,
  logLoss,
  mae,
  precision,
  r2,
  recall,
  rmse,
  rocAuc,
  rocCurve,
  scoreAll,
} from './evaluate/metrics/index.js';
// models and preprocessing
export {
  type Classifier,
  Estimator,
  type EstimatorJSON,
  type FitOptions,
  type Regressor,
} from './models/estimator.js';
export { LinearRegression, LogisticRegression, Ridge } from './models/linear/index.js';
export { describeParams } from './models/params.js';
export { estimatorFromJSON } from './models/registry.js';
export {
  buildReferenceProfile,
  type ColumnDriftResult,
  type CurrentData,
  chi2Contingency,
  type DriftMethod,
  jensenShannonDistance,
  ks2samp,
  type MonitorOptions,
  type MonitorSnapshot,
  monitorModel,
  normalizedWasserstein,
  psi,
  type ReferenceProfile,
  wasserstein1,
} from './monitor/index.js';
export {
  autoPreprocess,
  ColumnTransformer,
  DateFeatures,
  frameToMatrix,
  HashingVectorizer,
  LabelEncoder,
  OneHotEncoder,
  OrdinalEncoder,
  Pipeline,
  RandomOverSampler,
  RandomUnderSampler,
  SelectColumns,
  SimpleImputer,
  StandardScaler,
  TargetEncoder,
  TextVectorizer,
  TransformedTarget,
} from './prep/index.js';
// the model registry
export {
  type ModelUri,
  type ModelVersion,
  type PromotionResult,
  parseModelUri,
  promote,
  type RegisteredModel,
  type ResolvedModel,
  registerModel,
  resolveModelUri,
} from './registry/index.js';
// serving
export {
  type CairnServer,
  createServer,
  type RunningServer,
  type ServeOptions,
  type ServerOptions,
  serve,
} from './serve/index.js';
// the problem spec
export { loadSpec, parseSpec, renderSpec, type Spec } from './spec/index.js';
// tracking and artifacts
export { loadModel, saveModel } from './track/artifact/model-io.js';
export { openStore, type Run, type Store, Tracker, trackRun } from './track/index.js';
export {
  type Feedback,
  type LoggedPrediction,
  openPredictionLog,
  type PredictionLog,
  type PredictionRecord,
  type PredictionWindow,
} from './track/prediction-log/index.js';
// training and evaluation
export { MODEL_CATALOG, type Task } from './train/catalog.js';
export {
  type CrossValidateOptions,
  type CrossValidateResult,
  crossValidate,
  type FoldResult,
} from './train/cross-validate.js';
export { type TrainOptions, type TrainResult, trainModel } from './train/train-model.js';
export { type ModelInfo, type Predictions, TrainedModel } from './train/trained-model.js';
// utilities
export { CairnError, InputError, NotFittedError, ParamError } from './util/errors.js';
export type { OnEvent, TrainEvent } from './util/events.js';
export { Rng } from './util/random.js';
export { CAIRN_VERSION } from './version.js';

/** Preprocessing: Frame transformers, the Pipeline that chains them before a model, and helpers. */
export { type AutoPreprocess, autoPreprocess, type ModelFamily } from './auto-preprocess.js';
export { type ColumnSelector, describeSelector } from './column-selector.js';
export {
  ColumnTransformer,
  type ColumnTransformerParams,
  type ColumnTransformerPart,
  type ColumnTransformerState,
} from './column-transformer.js';
export {
  DATE_PARTS,
  DateFeatures,
  type DateFeaturesParams,
  type DateFeaturesState,
  type DatePart,
} from './date-features.js';
export { type FeatureScores, fClassif, fRegression } from './f-tests.js';
export {
  HashingVectorizer,
  type HashingVectorizerParams,
} from './hashing-vectorizer.js';
export { KNNImputer, type KNNImputerParams, type KNNImputerState } from './knn-imputer.js';
export { LabelEncoder, type LabelEncoderState } from './label-encoder.js';
export { MinMaxScaler, type MinMaxScalerParams, type MinMaxScalerState } from './min-max-scaler.js';
export { type MutualInformationOptions, mutualInformation } from './mutual-information.js';
export {
  INFREQUENT_LABEL,
  MISSING_LABEL,
  OneHotEncoder,
  type OneHotEncoderParams,
  type OneHotEncoderState,
} from './one-hot-encoder.js';
export { OrdinalEncoder, type OrdinalEncoderParams, type OrdinalEncoderState } from './ordinal-encoder.js';
export { OutlierClipper, type OutlierClipperParams, type OutlierClipperState } from './outlier-clipper.js';
export { OutlierRemover, type OutlierRemoverParams, type OutlierRemoverState } from './outlier-remover.js';
export { type FinalEstimator, Pipeline, type PipelineParams, type PipelineState } from './pipeline.js';
export {
  PolynomialFeatures,
  type PolynomialFeaturesParams,
  type PolynomialFeaturesState,
} from './polynomial-features.js';
export {
  PowerTransformer,
  type PowerTransformerParams,
  type PowerTransformerState,
} from './power-transformer.js';
export {
  ClassSampler,
  RandomOverSampler,
  RandomUnderSampler,
  type SamplerParams,
  type SamplingStrategy,
} from './resample.js';
export {
  type FrameResampler,
  isResampler,
  type ResampleResult,
  type Resampler,
  takeRows,
} from './resampler.js';
export { RobustScaler, type RobustScalerParams, type RobustScalerState } from './robust-scaler.js';
export { SelectColumns, type SelectColumnsParams } from './select-columns.js';
export {
  type FeatureScore,
  SelectKBest,
  type SelectKBestParams,
  type SelectKBestState,
} from './select-k-best.js';
export {
  type ImputeStrategy,
  SimpleImputer,
  type SimpleImputerParams,
  type SimpleImputerState,
} from './simple-imputer.js';
export { StandardScaler, type StandardScalerParams, type StandardScalerState } from './standard-scaler.js';
export {
  TargetEncoder,
  type TargetEncoderParams,
  type TargetEncoderState,
  type TargetType,
  typeOfTarget,
} from './target-encoder.js';
export { type TargetFunc, TransformedTarget, type TransformedTargetParams } from './target-transform.js';
export type { AnalyzerParams } from './text/analyzer.js';
export {
  TextVectorizer,
  type TextVectorizerParams,
  type TextVectorizerState,
} from './text-vectorizer.js';
export { frameToMatrix } from './to-matrix.js';
export {
  type ColumnsParam,
  ColumnwiseTransformer,
  type FrameTransformer,
  isTransformer,
  type Transformer,
} from './transformer.js';
export {
  VarianceThreshold,
  type VarianceThresholdParams,
  type VarianceThresholdState,
} from './variance-threshold.js';

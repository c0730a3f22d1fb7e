export { type ClassWeight, classWeights, encodeLabels } from './class-weight.js';
export {
  LINEAR_REGRESSION_DEFAULTS,
  LinearRegression,
  type LinearRegressionParams,
  type LinearRegressionState,
} from './linear-regression.js';
export { binaryLogisticLoss, multinomialLogisticLoss } from './logistic-loss.js';
export {
  LOGISTIC_REGRESSION_DEFAULTS,
  LogisticRegression,
  type LogisticRegressionParams,
  type LogisticRegressionState,
} from './logistic-regression.js';
export { RIDGE_DEFAULTS, Ridge, type RidgeParams, type RidgeState } from './ridge.js';

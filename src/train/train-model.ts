import { fingerprintFrame } from '../data/fingerprint.js';
import { type Frame, isMissing } from '../data/frame.js';
import { guessRoles } from '../data/roles.js';
import { type ColumnRole, schemaOf } from '../data/schema.js';
import { holdoutSplit } from '../data/split.js';
import { scorePredictions } from '../evaluate/evaluate-model.js';
import type { MetricName } from '../evaluate/metric-names.js';
import type { RowParallel } from '../models/row-parallel.js';
import { buildReferenceProfile } from '../monitor/reference-profile.js';
import { autoPreprocess } from '../prep/auto-preprocess.js';
import { LabelEncoder } from '../prep/label-encoder.js';
import { Pipeline } from '../prep/pipeline.js';
import { defaultMetric, inferTask } from '../spec/infer.js';
import type { Criterion, MonitoringSpec, ValidationSpec } from '../spec/types.js';
import { InputError } from '../util/errors.js';
import { noEvent, type OnEvent } from '../util/events.js';
import { chooseModel, type Task } from './catalog.js';
import { TrainedModel } from './trained-model.js';

export interface TrainOptions {
  /** The column to predict. Required. */
  target: string;
  /** 'auto' (default) infers it from the target column. */
  task?: Task | 'auto';
  /** Catalog name ('logistic', 'ridge', 'linear') or 'auto' (default): logistic or ridge by task. */
  model?: string;
  /** Hyperparameters of the model, over its defaults. */
  params?: Record<string, unknown>;
  /** Column roles over the guessed ones (ids, timestamps, weights, columns to ignore). */
  roles?: Record<string, ColumnRole>;
  /** Held-out share when no `test` frame is given. Default 0.2. */
  testSize?: number;
  /** Seed of the split and of any randomized model. Default 0. */
  seed?: number;
  /** Stratify the split by class (classification). Default true. */
  stratify?: boolean;
  /** Explicit held-out rows; when given, all of `frame` trains. */
  test?: Frame;
  /** The metric that decides; default by task (roc_auc binary, f1_macro multiclass, rmse). */
  metric?: MetricName;
  /** Success criteria to record in the model (the spec's `success`), for promotion to check. */
  success?: readonly Criterion[];
  /** Monitoring policy to record in the model (the spec's `monitoring`), for `cairn monitor`. */
  monitoring?: MonitoringSpec;
  /** Validation policy to record in the model (the spec's `validation`), for predict and serve. */
  validation?: ValidationSpec;
  /** Model name recorded in the artifact. Default 'model'. */
  name?: string;
  /** File name used in error messages. */
  source?: string;
  runId?: string;
  onEvent?: OnEvent;
  /** Where the model evaluates its objective (a RowWorkerPool from ./parallel); runtime only. */
  parallel?: RowParallel;
}

export interface TrainResult {
  readonly model: TrainedModel;
  /** Metrics on the held-out rows. */
  readonly metrics: Record<string, number>;
  readonly trainMetrics: Record<string, number>;
}

/**
 * The whole of one training: resolve the task and roles, split, build the automatic preprocessing
 * for the model family, fit on the training rows only, score the held-out rows, and profile the
 * training data for monitoring.
 */
export function trainModel(frame: Frame, opts: TrainOptions): TrainResult {
  const onEvent = opts.onEvent ?? noEvent;
  const where = opts.source ? `${opts.source}: ` : '';
  const target = frame.column(opts.target);
  const missing = firstMissing(frame, opts.target);
  if (missing >= 0)
    throw new InputError(
      'missing_target',
      `${where}target column '${opts.target}' has missing values (first at data row ${missing + 1}); drop or fill those rows first`,
      { file: opts.source, column: opts.target, row: missing },
    );
  const task: Task = !opts.task || opts.task === 'auto' ? inferTask(target) : opts.task;
  const entry = chooseModel(opts.model ?? 'auto', task);

  const roles: Record<string, ColumnRole> = { ...guessRoles(frame, { target: opts.target }), ...opts.roles };
  roles[opts.target] = 'target';
  const schema = schemaOf(frame, roles);
  const prep = autoPreprocess(schema, entry.family);
  for (const note of prep.notes) onEvent({ type: 'warning', message: note });
  if (prep.columns.length === 0)
    throw new InputError(
      'no_features',
      `${where}no usable feature columns besides the target '${opts.target}'`,
      {
        file: opts.source,
      },
    );

  let classes: string[] | undefined;
  let y: Float64Array;
  let yTest: Float64Array | undefined;
  if (task === 'classification') {
    const enc = new LabelEncoder().fit(target);
    classes = [...enc.classes];
    if (classes.length < 2)
      throw new InputError(
        'one_class',
        `${where}target '${opts.target}' has only one class (${classes[0]}): nothing to learn`,
        {
          column: opts.target,
        },
      );
    y = enc.transform(target);
    if (opts.test) yTest = enc.transform(opts.test.column(opts.target));
  } else {
    if (target.kind !== 'number')
      throw new InputError(
        'wrong_kind',
        `${where}regression target '${opts.target}' must be numbers, got ${target.kind}`,
        {
          column: opts.target,
        },
      );
    y = target.values;
    if (opts.test) yTest = opts.test.columnOf(opts.target, 'number').values;
  }

  let trainFrame = frame;
  let testFrame: Frame;
  let yTrain = y;
  if (opts.test) {
    testFrame = opts.test;
    yTest = yTest!;
  } else {
    const split = holdoutSplit(frame.nRows, {
      testSize: opts.testSize,
      seed: opts.seed ?? 0,
      stratify: task === 'classification' && opts.stratify !== false ? y : undefined,
    });
    trainFrame = frame.take(split.train);
    testFrame = frame.take(split.test);
    yTrain = pick(y, split.train);
    yTest = pick(y, split.test);
  }

  const params = { ...opts.params };
  const pipeline = new Pipeline({ steps: [...prep.steps, entry.make(params)] });
  onEvent({ type: 'start', phase: 'train' });
  pipeline.fit(trainFrame, yTrain, { onEvent, parallel: opts.parallel });

  const primaryMetric = opts.metric ?? defaultMetric(task, classes?.length);
  const info = {
    name: opts.name ?? 'model',
    task,
    target: opts.target,
    ...(classes ? { classes } : {}),
    model: entry.name,
    params,
    features: schema.columns.filter((c) => prep.columns.includes(c.name)),
    targetSchema: schema.columns.find((c) => c.name === opts.target)!,
    metrics: {},
    trainMetrics: {},
    primaryMetric,
    ...(opts.success ? { success: [...opts.success] } : {}),
    ...(opts.monitoring ? { monitoring: opts.monitoring } : {}),
    ...(opts.validation ? { validation: opts.validation } : {}),
    dataFingerprint: fingerprintFrame(frame),
    rows: { train: trainFrame.nRows, test: testFrame.nRows },
    createdAt: new Date().toISOString(),
    ...(opts.runId ? { runId: opts.runId } : {}),
    notes: prep.notes,
  };
  // Score with a provisional model, then freeze the metrics into the final one.
  const provisional = new TrainedModel(info, pipeline, { rows: 0, features: {} });
  const trainPred = provisional.predict(trainFrame, opts.source);
  const trainMetrics = scorePredictions(provisional, yTrain, trainPred);
  const metrics = scorePredictions(provisional, yTest, provisional.predict(testFrame, opts.source));
  const predictions = provisional.predictionColumns(trainPred)[0][1];
  const profile = buildReferenceProfile(trainFrame.select(prep.columns), {
    predictions,
    seed: opts.seed ?? 0,
  });
  onEvent({ type: 'end', phase: 'train' });
  const model = new TrainedModel({ ...info, metrics, trainMetrics }, pipeline, profile);
  return { model, metrics, trainMetrics };
}

function pick(v: Float64Array, idx: Int32Array): Float64Array {
  const out = new Float64Array(idx.length);
  for (let i = 0; i < idx.length; i++) out[i] = v[idx[i]];
  return out;
}

function firstMissing(frame: Frame, name: string): number {
  const c = frame.column(name);
  for (let i = 0; i < frame.nRows; i++) if (isMissing(c, i)) return i;
  return -1;
}

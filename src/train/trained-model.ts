import { type Column, Frame } from '../data/frame.js';
import type { Matrix } from '../data/matrix.js';
import type { ColumnSchema } from '../data/schema.js';
import type { EstimatorJSON } from '../models/estimator.js';
import type { ReferenceProfile } from '../monitor/reference-profile.js';
import { Pipeline } from '../prep/pipeline.js';
import type { Criterion, MonitoringSpec, ValidationSpec } from '../spec/types.js';
import { InputError } from '../util/errors.js';
import type { Task } from './catalog.js';
import { conformToSignature } from './signature.js';

/** Everything known about a trained model besides its fitted state: the model card's facts. */
export interface ModelInfo {
  readonly name: string;
  readonly task: Task;
  readonly target: string;
  /** Class labels, in the order of probability columns (classification only). */
  readonly classes?: readonly string[];
  /** Catalog name of the model ('logistic', 'ridge', ...). */
  readonly model: string;
  readonly params: Readonly<Record<string, unknown>>;
  /** The input signature: feature columns with kinds, categories and training ranges. */
  readonly features: readonly ColumnSchema[];
  readonly targetSchema: ColumnSchema;
  /** Metrics on the held-out test rows. */
  readonly metrics: Readonly<Record<string, number>>;
  readonly trainMetrics: Readonly<Record<string, number>>;
  readonly primaryMetric: string;
  /**
   * The spec's success criteria the model was trained against (absent when trained without a
   * spec); promotion in the registry checks them against the version's metrics.
   */
  readonly success?: readonly Criterion[];
  /** The spec's monitoring policy (drift threshold, window), when it had one. */
  readonly monitoring?: MonitoringSpec;
  /** The spec's validation policy, the default of `cairn predict` and `cairn serve` for this model. */
  readonly validation?: ValidationSpec;
  /** sha256 of the training data as loaded. */
  readonly dataFingerprint: string;
  readonly rows: { readonly train: number; readonly test: number };
  readonly createdAt: string;
  readonly runId?: string;
  /** Things the user should know about how the data was used (dropped columns, ...). */
  readonly notes: readonly string[];
}

export interface Predictions {
  /** Predicted values (regression) or predicted class codes into `classes` (classification). */
  readonly values: Float64Array;
  /** Predicted class labels (classification). */
  readonly labels?: readonly string[];
  /** rows × classes probabilities (classification). */
  readonly proba?: Matrix;
}

/**
 * A fitted pipeline with its signature, metrics and reference profile: what `cairn train`
 * produces, the artifact stores, and serving, batch scoring and monitoring load.
 */
export class TrainedModel {
  constructor(
    readonly info: ModelInfo,
    readonly pipeline: Pipeline,
    readonly profile: ReferenceProfile,
  ) {
    if (!pipeline.isFitted) throw new Error('TrainedModel needs a fitted pipeline');
  }

  get classes(): readonly string[] {
    return this.info.classes ?? [];
  }

  /** Predicts the rows of a frame; `source` names the file in errors. */
  predict(frame: Frame, source?: string): Predictions {
    const input = conformToSignature(frame, this.info.features, source);
    if (this.info.task === 'regression') return { values: this.pipeline.predict(input) };
    const proba = this.pipeline.predictProba(input);
    const k = proba.cols;
    const values = new Float64Array(proba.rows);
    for (let i = 0; i < proba.rows; i++) {
      let best = 0;
      for (let j = 1; j < k; j++) if (proba.data[i * k + j] > proba.data[i * k + best]) best = j;
      values[i] = best;
    }
    const classes = this.classes;
    return { values, labels: Array.from(values, (c) => classes[c]), proba };
  }

  /** Predictions as output columns: `prediction`, and `proba_<class>` for classifiers. */
  predictionColumns(p: Predictions): [string, Column][] {
    if (this.info.task === 'regression') return [['prediction', { kind: 'number', values: p.values }]];
    const classes = this.classes;
    const cols: [string, Column][] = [
      ['prediction', { kind: 'category', values: Int32Array.from(p.values), categories: classes }],
    ];
    const proba = p.proba!;
    classes.forEach((c, j) => {
      const v = new Float64Array(proba.rows);
      for (let i = 0; i < proba.rows; i++) v[i] = proba.data[i * proba.cols + j];
      cols.push([`proba_${c}`, { kind: 'number', values: v }]);
    });
    return cols;
  }

  /** The input frame's chosen columns followed by the prediction columns. */
  predictFrame(frame: Frame, opts: { keep?: readonly string[]; source?: string } = {}): Frame {
    const p = this.predict(frame, opts.source);
    const kept = (opts.keep ?? []).map((n) => [n, frame.column(n)] as [string, Column]);
    return new Frame([...kept, ...this.predictionColumns(p)], frame.nRows);
  }

  /** The target column of a labelled frame as the model's codes or values; missing targets refused. */
  encodeTarget(frame: Frame, source?: string): Float64Array {
    const where = source ? `${source}: ` : '';
    const c = frame.column(this.info.target);
    if (this.info.task === 'regression') {
      if (c.kind !== 'number')
        throw new InputError(
          'wrong_kind',
          `${where}target '${this.info.target}' must be numbers, got ${c.kind}`,
          {
            column: this.info.target,
          },
        );
      return c.values;
    }
    const classes = this.classes;
    const index = new Map(classes.map((l, i) => [l, i]));
    const y = new Float64Array(frame.nRows);
    for (let i = 0; i < frame.nRows; i++) {
      const label = frame.cell(this.info.target, i);
      if (label === null)
        throw new InputError(
          'missing_target',
          `${where}target '${this.info.target}' is missing at row ${i + 1}`,
          {
            column: this.info.target,
            row: i,
          },
        );
      const code = index.get(String(label));
      y[i] = code ?? -1;
    }
    return y;
  }

  toJSON(): { info: ModelInfo; pipeline: EstimatorJSON } {
    return { info: this.info, pipeline: this.pipeline.toJSON() as unknown as EstimatorJSON };
  }

  static fromJSON(
    doc: { info: ModelInfo; pipeline: EstimatorJSON },
    profile: ReferenceProfile,
  ): TrainedModel {
    if (!doc || typeof doc !== 'object' || !doc.info || !doc.pipeline)
      throw new InputError('bad_model', 'model document lacks info or pipeline', { field: 'info' });
    return new TrainedModel(doc.info, Pipeline.fromJSON(doc.pipeline as never), profile);
  }
}

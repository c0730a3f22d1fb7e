import type { Column } from '../data/frame.js';
import { matrix } from '../data/matrix.js';
import { METRICS, type MetricName } from '../evaluate/metric-names.js';
import { defaultMetrics, scoreAll } from '../evaluate/metrics/index.js';
import { InputError } from '../util/errors.js';
import { labelsOf } from './column-values.js';
import { type MonitorCurrent, type MonitorMetric, type MonitorReference, metricId } from './metric.js';
import { type Period, resolvePeriod } from './period.js';
import { finite, type QualityBucket, type QualityResult } from './snapshot.js';

/**
 * The monitored model's metrics on the rows that received ground truth, overall and by period
 * (UTC buckets of `period` from the epoch), beside the metrics it had on its held-out rows at
 * training. The predictions scored are the monitored model's own on the inputs (so probability
 * metrics are available), which equal what was served when the same version served them.
 * Classification feedback the model has no class for counts as an error in label metrics.
 */
export function qualityMetric(period: Period = 'day'): MonitorMetric<QualityResult | null> {
  const p = resolvePeriod(period);
  const params = { period: p.name };
  const id = metricId('model_quality', params);
  return {
    id,
    type: 'model_quality',
    params,
    calculate(reference, current) {
      const truth = truthOf(reference, current);
      if (!truth || !current.scored) return null;
      const rows: number[] = [];
      for (let i = 0; i < truth.length; i++) if (!Number.isNaN(truth[i])) rows.push(i);
      if (rows.length === 0) return null;
      const score = (idx: readonly number[]) => scoreRows(reference, current, truth, idx);
      const times = current.times;
      const buckets: QualityBucket[] = [];
      if (times) {
        const byStart = new Map<number, number[]>();
        for (const i of rows) {
          const t = times[i];
          const start = Number.isFinite(t) ? Math.floor(t / p.ms) * p.ms : Number.NaN;
          const key = Number.isNaN(start) ? Number.NEGATIVE_INFINITY : start;
          const list = byStart.get(key);
          if (list) list.push(i);
          else byStart.set(key, [i]);
        }
        for (const [start, idx] of [...byStart].sort((a, b) => a[0] - b[0]))
          buckets.push({
            start: Number.isFinite(start) ? new Date(start).toISOString() : null,
            end: Number.isFinite(start) ? new Date(start + p.ms).toISOString() : null,
            rows: idx.length,
            metrics: score(idx),
          });
      }
      const overall: QualityBucket = { start: null, end: null, rows: rows.length, metrics: score(rows) };
      const primary = reference.info.primaryMetric;
      const training = Object.fromEntries(
        Object.entries(reference.info.metrics).map(([k, v]) => [k, finite(v)]),
      );
      const now = overall.metrics[primary];
      const before = training[primary];
      return {
        metric: id,
        primaryMetric: primary,
        direction: METRICS[primary as MetricName]?.direction ?? 'max',
        training,
        overall,
        buckets,
        change: now != null && before != null ? now - before : null,
      };
    },
  };
}

/** Ground truth as class codes (classification; -1 for labels the model lacks) or values, NaN where missing. */
function truthOf(reference: MonitorReference, current: MonitorCurrent): Float64Array | null {
  const fb = current.feedback;
  if (!fb) return null;
  if (reference.info.task === 'regression') return numbersOf(fb);
  const index = new Map((reference.info.classes ?? []).map((c, i) => [c, i]));
  return Float64Array.from(labelsOf(fb), (l) => (l === null ? Number.NaN : (index.get(l) ?? -1)));
}

function numbersOf(c: Column): Float64Array {
  if (c.kind === 'number' || c.kind === 'datetime') return c.values;
  return Float64Array.from(labelsOf(c), (l) => (l === null || l.trim() === '' ? Number.NaN : Number(l)));
}

function scoreRows(
  reference: MonitorReference,
  current: MonitorCurrent,
  truth: Float64Array,
  idx: readonly number[],
): Record<string, number | null> {
  const scored = current.scored!;
  const yTrue = Float64Array.from(idx, (i) => truth[i]);
  const yPred = Float64Array.from(idx, (i) => scored.values[i]);
  let metrics: Record<string, number>;
  if (reference.info.task === 'regression') metrics = scoreAll('regression', { yTrue, yPred });
  else {
    const k = reference.info.classes?.length ?? 0;
    const proba = scored.proba;
    const scores = proba
      ? matrix(
          idx.length,
          proba.cols,
          Float64Array.from({ length: idx.length * proba.cols }, (_, j) => {
            const r = idx[Math.floor(j / proba.cols)];
            return proba.data[r * proba.cols + (j % proba.cols)];
          }),
        )
      : undefined;
    const classes = Float64Array.from({ length: k }, (_, i) => i);
    try {
      metrics = scoreAll('classification', { yTrue, yPred, scores, classes });
    } catch (e) {
      // Probability metrics leave out rows of unknown classes; with none left, only label metrics stand.
      if (!(e instanceof InputError) || !scores) throw e;
      metrics = scoreAll('classification', { yTrue, yPred, classes });
      for (const name of defaultMetrics('classification', k))
        if (!(name in metrics)) metrics[name] = Number.NaN;
    }
  }
  return Object.fromEntries(Object.entries(metrics).map(([name, v]) => [name, finite(v)]));
}

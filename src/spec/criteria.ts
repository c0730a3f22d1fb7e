import { isMetricName, METRIC_NAMES } from '../evaluate/metric-names.js';
import { describeValue, InputError } from '../util/errors.js';
import { suggestion } from './suggest.js';
import { CRITERION_OPS, type Criterion, type CriterionOp } from './types.js';

/**
 * Success criteria: `roc_auc >= 0.85` as text, or `{ metric, op, value }` as an object, parsed
 * into a `Criterion` and checked against measured metrics.
 */

const TEXT_FORM = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(>=|<=|==|>|<)\s*(\S+)\s*$/;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** `==` compares within this relative tolerance, so that 0.1 + 0.2 == 0.3 holds for a metric. */
const EQUAL_TOLERANCE = 1e-9;

/** What is wrong with a metric name, or undefined when it is a known one. */
export function metricNameProblem(name: unknown): string | undefined {
  if (typeof name === 'string' && isMetricName(name)) return undefined;
  const hint = typeof name === 'string' ? suggestion(name, METRIC_NAMES) : '';
  return `must be a metric name, got ${describeValue(name)}${hint}; known metrics: ${METRIC_NAMES.join(', ')}`;
}

export function opProblem(op: unknown): string | undefined {
  if (typeof op === 'string' && (CRITERION_OPS as readonly string[]).includes(op)) return undefined;
  return `must be one of ${CRITERION_OPS.join(' ')}, got ${describeValue(op)}`;
}

export function valueProblem(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return undefined;
  return `must be a finite number, got ${describeValue(value)}`;
}

/** The text form parsed, or what is wrong with it (without a location; callers add theirs). */
export function readCriterionText(text: string): Criterion | { problem: string } {
  const m = TEXT_FORM.exec(text);
  if (!m)
    return {
      problem: `must read "metric op value" with op one of ${CRITERION_OPS.join(' ')}, e.g. "roc_auc >= 0.85", got ${describeValue(text)}`,
    };
  const [, metric, op, raw] = m;
  const bad = metricNameProblem(metric);
  if (bad) return { problem: `metric ${bad}` };
  if (!DECIMAL.test(raw)) return { problem: `needs a number after ${op}, got ${describeValue(raw)}` };
  return { metric: metric as Criterion['metric'], op: op as CriterionOp, value: Number(raw) };
}

/** Parse `"roc_auc >= 0.85"` or `{ metric, op, value }`; an InputError names what is wrong. */
export function parseCriterion(input: string | { metric: unknown; op: unknown; value: unknown }): Criterion {
  if (typeof input === 'string') {
    const r = readCriterionText(input);
    if ('problem' in r)
      throw new InputError('invalid_criterion', `criterion ${r.problem}`, { field: 'success' });
    return r;
  }
  if (input === null || typeof input !== 'object')
    throw new InputError(
      'invalid_criterion',
      `criterion must be a string like "roc_auc >= 0.85" or { metric, op, value }, got ${describeValue(input)}`,
      { field: 'success' },
    );
  for (const [field, problem] of [
    ['metric', metricNameProblem(input.metric)],
    ['op', opProblem(input.op)],
    ['value', valueProblem(input.value)],
  ] as const) {
    if (problem) throw new InputError('invalid_criterion', `criterion ${field} ${problem}`, { field });
  }
  return {
    metric: input.metric as Criterion['metric'],
    op: input.op as CriterionOp,
    value: input.value as number,
  };
}

export function formatCriterion(c: Criterion): string {
  return `${c.metric} ${c.op} ${c.value}`;
}

/** Whether `actual op value` holds; NaN never passes. */
export function compare(actual: number, op: CriterionOp, value: number): boolean {
  switch (op) {
    case '>=':
      return actual >= value;
    case '>':
      return actual > value;
    case '<=':
      return actual <= value;
    case '<':
      return actual < value;
    case '==':
      return Math.abs(actual - value) <= EQUAL_TOLERANCE * Math.max(1, Math.abs(value));
  }
}

export interface CriterionResult {
  readonly criterion: Criterion;
  /** The measured value; null when the metric was not measured. */
  readonly actual: number | null;
  readonly passed: boolean;
  /** Why it failed when there was nothing to compare (metric missing or NaN). */
  readonly reason?: string;
}

/** Check every criterion; a metric that was not measured (or is NaN) fails, with a reason. */
export function checkCriteria(
  criteria: readonly Criterion[],
  metrics: Readonly<Record<string, number>>,
): CriterionResult[] {
  return criteria.map((criterion) => {
    if (!Object.hasOwn(metrics, criterion.metric) || typeof metrics[criterion.metric] !== 'number') {
      const measured = Object.keys(metrics);
      return {
        criterion,
        actual: null,
        passed: false,
        reason: `${criterion.metric} was not measured (measured: ${measured.length > 0 ? measured.join(', ') : 'nothing'})`,
      };
    }
    const actual = metrics[criterion.metric];
    if (Number.isNaN(actual))
      return { criterion, actual, passed: false, reason: `${criterion.metric} is NaN` };
    return { criterion, actual, passed: compare(actual, criterion.op, criterion.value) };
  });
}

import { isMap, isScalar, type Node } from 'yaml';
import { metricNameProblem, opProblem, readCriterionText, valueProblem } from './criteria.js';
import { describeNode, join, type Pos, type SpecReader } from './read.js';
import {
  type Constraints,
  type Costs,
  type Criterion,
  MODEL_NAMES,
  type ModelSpec,
  type MonitoringSpec,
  type MonitorWindow,
  SPEC_DEFAULTS,
  type SplitSpec,
} from './types.js';

/** The sections of cairn.yaml after `data`, each read into its typed value with defaults filled. */

export function readModel(r: SpecReader, node: Node | undefined, at: Pos): ModelSpec | undefined {
  if (node === undefined) return SPEC_DEFAULTS.model;
  // Short form: `model: ridge`.
  if (isScalar(node)) {
    const name = r.oneOf(node, 'model', MODEL_NAMES);
    if (name) r.positions.set('model.name', r.pos(node));
    return name && { name, params: {} };
  }
  const f = r.fields(node, 'model', at, ['name', 'params']);
  if (!f) return undefined;
  const name = r.oneOf(f.get('name'), 'model.name', MODEL_NAMES) ?? (f.get('name') ? undefined : 'auto');
  const paramsNode = f.get('params');
  let params: Record<string, unknown> = {};
  if (paramsNode !== undefined) {
    if (!isMap(paramsNode)) return r.expected(paramsNode, 'model.params', 'a mapping of hyperparameters');
    const plain = paramsNode.toJS(r.doc) as Record<string, unknown>;
    params = Object.fromEntries(Object.entries(plain).map(([k, v]) => [camelCase(k), v]));
  }
  return name && { name, params };
}

/** `max_iter` -> `maxIter`; names without underscores (`C`, `alpha`, `maxIter`) stay as they are. */
export function camelCase(key: string): string {
  return key.replace(/_+([A-Za-z0-9])/g, (_, c: string) => c.toUpperCase());
}

export function readSplit(r: SpecReader, node: Node | undefined, at: Pos): SplitSpec | undefined {
  const d = SPEC_DEFAULTS.split;
  if (node === undefined) return d;
  const f = r.fields(node, 'split', at, ['test_size', 'seed', 'stratify']);
  if (!f) return undefined;
  const problemsBefore = r.problems.length;
  const testSize = r.number(
    f.get('test_size'),
    'split.test_size',
    'a number between 0 and 1',
    (v) => v > 0 && v < 1,
  );
  const seed = r.number(
    f.get('seed'),
    'split.seed',
    'an integer >= 0',
    (v) => Number.isSafeInteger(v) && v >= 0,
  );
  const stratify = readStratify(r, f.get('stratify'), 'split.stratify');
  if (r.problems.length > problemsBefore) return undefined;
  return { testSize: testSize ?? d.testSize, seed: seed ?? d.seed, stratify: stratify ?? d.stratify };
}

function readStratify(r: SpecReader, node: Node | undefined, field: string): boolean | 'auto' | undefined {
  if (node === undefined) return undefined;
  if (isScalar(node) && node.value === 'auto') {
    r.positions.set(field, r.pos(node));
    return 'auto';
  }
  if (isScalar(node) && typeof node.value === 'boolean') return r.boolean(node, field);
  return r.expected(node, field, 'true, false or auto');
}

/** `success:` — a list of `"metric op value"` strings or `{ metric, op, value }` mappings. */
export function readSuccess(r: SpecReader, node: Node | undefined): Criterion[] | undefined {
  if (node === undefined) return [];
  // One criterion may stand alone: `success: roc_auc >= 0.85`.
  const items = isScalar(node)
    ? [node]
    : r.list(node, 'success', 'a list of criteria like "roc_auc >= 0.85"');
  if (!items) return undefined;
  const out: Criterion[] = [];
  items.forEach((item, i) => {
    const field = join('success', i);
    const c = readCriterion(r, item, field);
    if (c) out.push(c);
  });
  return out.length === items.length ? out : undefined;
}

function readCriterion(r: SpecReader, node: Node, field: string): Criterion | undefined {
  if (isScalar(node) && typeof node.value === 'string') {
    const c = readCriterionText(node.value);
    if ('problem' in c) return r.fail(r.pos(node), field, `${field} ${c.problem}`);
    r.positions.set(field, r.pos(node));
    return c;
  }
  if (!isMap(node))
    return r.expected(node, field, 'a criterion like "roc_auc >= 0.85" or { metric, op, value }');
  const f = r.fields(node, field, r.pos(node), ['metric', 'op', 'value']);
  if (!f) return undefined;
  r.positions.set(field, r.pos(node));
  const parts = {
    metric: checked(r, f.require('metric', 'a metric name'), f.path('metric'), metricNameProblem),
    op: checked(r, f.require('op', 'one of >= > <= < =='), f.path('op'), opProblem),
    value: checked(r, f.require('value', 'a number'), f.path('value'), valueProblem),
  };
  if (parts.metric === undefined || parts.op === undefined || parts.value === undefined) return undefined;
  return parts as unknown as Criterion;
}

function checked(
  r: SpecReader,
  node: Node | undefined,
  field: string,
  problem: (v: unknown) => string | undefined,
): unknown | undefined {
  if (node === undefined) return undefined;
  const v = isScalar(node) ? node.value : describeNode(node);
  const bad = isScalar(node) ? problem(v) : `must be a single value, got ${v}`;
  if (bad) return r.fail(r.pos(node), field, `${field} ${bad}`);
  r.positions.set(field, r.pos(node));
  return v;
}

export function readConstraints(r: SpecReader, node: Node | undefined, at: Pos): Constraints | undefined {
  if (node === undefined) return SPEC_DEFAULTS.constraints;
  const f = r.fields(node, 'constraints', at, ['latency_ms_p99', 'max_model_mb', 'interpretable']);
  if (!f) return undefined;
  const positive = (v: number) => v > 0;
  const latency = r.number(
    f.get('latency_ms_p99'),
    f.path('latency_ms_p99'),
    'a number of milliseconds > 0',
    positive,
  );
  const size = r.number(f.get('max_model_mb'), f.path('max_model_mb'), 'a number of megabytes > 0', positive);
  const interpretable = r.boolean(f.get('interpretable'), f.path('interpretable'));
  return {
    ...(latency !== undefined ? { latencyMsP99: latency } : {}),
    ...(size !== undefined ? { maxModelMB: size } : {}),
    interpretable: interpretable ?? SPEC_DEFAULTS.constraints.interpretable,
  };
}

export function readCosts(r: SpecReader, node: Node | undefined, at: Pos): Costs | undefined {
  const f = r.fields(node, 'costs', at, ['false_positive', 'false_negative']);
  if (!f) return undefined;
  const cost = (key: string) =>
    r.number(f.require(key, 'a cost >= 0'), f.path(key), 'a number >= 0', (v) => v >= 0);
  const falsePositive = cost('false_positive');
  const falseNegative = cost('false_negative');
  if (falsePositive === undefined || falseNegative === undefined) return undefined;
  if (falsePositive === 0 && falseNegative === 0)
    return r.fail(f.at, 'costs', 'costs: at least one of false_positive and false_negative must be > 0');
  return { falsePositive, falseNegative };
}

export function readSlices(r: SpecReader, node: Node | undefined): string[] | undefined {
  if (node === undefined) return [];
  const items = r.list(node, 'slices', 'a list of column names');
  if (!items) return undefined;
  const seen = new Set<string>();
  const out: string[] = [];
  items.forEach((item, i) => {
    const field = join('slices', i);
    const name = r.columnName(item, field);
    if (name === undefined) return;
    if (seen.has(name))
      r.fail(r.pos(item), field, `${field}: column ${JSON.stringify(name)} is listed twice`);
    seen.add(name);
    out.push(name);
  });
  return out;
}

const DURATION = /^(\d+(?:\.\d+)?)\s*(s|m|h|d|w)$/;
const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;

export function readMonitoring(r: SpecReader, node: Node | undefined, at: Pos): MonitoringSpec | undefined {
  const f = r.fields(node, 'monitoring', at, ['drift_threshold', 'window']);
  if (!f) return undefined;
  const threshold = r.number(
    f.get('drift_threshold'),
    f.path('drift_threshold'),
    'a number > 0 and <= 1',
    (v) => v > 0 && v <= 1,
  );
  const window = readWindow(r, f.get('window'), f.path('window'));
  return {
    ...(threshold !== undefined ? { driftThreshold: threshold } : {}),
    ...(window !== undefined ? { window } : {}),
  };
}

function readWindow(r: SpecReader, node: Node | undefined, field: string): MonitorWindow | undefined {
  if (node === undefined) return undefined;
  const expected = 'a whole number of predictions > 0 or a duration like 7d (units s, m, h, d, w)';
  const v = isScalar(node) ? node.value : undefined;
  if (typeof v === 'number' && Number.isSafeInteger(v) && v > 0) {
    r.positions.set(field, r.pos(node));
    return { rows: v };
  }
  const m = typeof v === 'string' ? DURATION.exec(v.trim()) : null;
  if (m && Number(m[1]) > 0) {
    r.positions.set(field, r.pos(node));
    return { durationMs: Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS] };
  }
  return r.expected(node, field, expected);
}

import { describe, expect, it } from 'vitest';
import { InputError } from '../util/errors.js';
import { specError, specPosition, specSource } from './locations.js';
import { parseSpec } from './parse.js';
import type { Spec } from './types.js';

/** The InputError that parsing `text` throws. */
function errorOf(text: string, file = 'cairn.yaml'): InputError {
  try {
    parseSpec(text, file);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('expected parseSpec to throw');
}

const MINIMAL = 'data:\n  train: churn.csv\ntarget: churned\n';

describe('parseSpec: values', () => {
  it('fills every default from a minimal spec', () => {
    const spec = parseSpec(MINIMAL, 'cairn.yaml');
    expect(spec).toEqual({
      name: 'churn',
      data: { train: { path: 'churn.csv' }, columns: {} },
      target: 'churned',
      task: 'auto',
      model: { name: 'auto', params: {} },
      split: { testSize: 0.2, seed: 0, stratify: 'auto' },
      success: [],
      constraints: { interpretable: false },
      slices: [],
    } satisfies Spec);
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
  });

  it('reads every section, snake_case keys into camelCase fields', () => {
    const spec = parseSpec(
      `name: churn-model
data:
  train: data/train.csv
  test: data/test.parquet
  columns:
    customer_id: { role: id }
    signup: { kind: datetime, role: timestamp }
    zip: category
    w: weight
target: churned
task: classification
metric: f1
model:
  name: logistic
  params: { max_iter: 200, C: 0.5, l1_ratio: 0.1, classWeight: balanced }
split:
  test_size: 0.25
  seed: 7
  stratify: false
success:
  - roc_auc >= 0.85
  - { metric: accuracy, op: ">", value: 0.9 }
constraints:
  latency_ms_p99: 20
  max_model_mb: 5.5
  interpretable: true
costs:
  false_positive: 1
  false_negative: 10
slices: [zip, region]
monitoring:
  drift_threshold: 0.3
  window: 7d
`,
      'proj/cairn.yaml',
    );
    expect(spec).toEqual({
      name: 'churn-model',
      data: {
        train: { path: 'proj/data/train.csv' },
        test: { path: 'proj/data/test.parquet' },
        columns: {
          customer_id: { role: 'id' },
          signup: { kind: 'datetime', role: 'timestamp' },
          zip: { kind: 'category' },
          w: { role: 'weight' },
        },
      },
      target: 'churned',
      task: 'classification',
      metric: 'f1',
      model: { name: 'logistic', params: { maxIter: 200, C: 0.5, l1Ratio: 0.1, classWeight: 'balanced' } },
      split: { testSize: 0.25, seed: 7, stratify: false },
      success: [
        { metric: 'roc_auc', op: '>=', value: 0.85 },
        { metric: 'accuracy', op: '>', value: 0.9 },
      ],
      constraints: { latencyMsP99: 20, maxModelMB: 5.5, interpretable: true },
      costs: { falsePositive: 1, falseNegative: 10 },
      slices: ['zip', 'region'],
      monitoring: { driftThreshold: 0.3, window: { durationMs: 7 * 86_400_000 } },
    } satisfies Spec);
  });

  it('resolves relative data paths against the spec file folder, and keeps absolute paths and URLs', () => {
    const train = (file: string, path: string) =>
      parseSpec(`data: { train: ${JSON.stringify(path)} }\ntarget: y\n`, file).data.train;
    expect(train('cairn.yaml', 'a.csv')).toEqual({ path: 'a.csv' });
    expect(train('proj/cairn.yaml', './data/a.csv')).toEqual({ path: 'proj/data/a.csv' });
    expect(train('proj/sub/cairn.yaml', '../a.csv')).toEqual({ path: 'proj/a.csv' });
    expect(train('cairn.yaml', '../a.csv')).toEqual({ path: '../a.csv' });
    expect(train('/home/u/proj/cairn.yaml', 'a.csv')).toEqual({ path: '/home/u/proj/a.csv' });
    expect(train('proj/cairn.yaml', '/data/a.csv')).toEqual({ path: '/data/a.csv' });
    expect(train('proj/cairn.yaml', 'C:\\data\\a.csv')).toEqual({ path: 'C:\\data\\a.csv' });
    expect(train('proj/cairn.yaml', 's3://bucket/a.parquet')).toEqual({ path: 's3://bucket/a.parquet' });
  });

  it('takes SQL sources as they are, and names a SQL-fed model after the project folder', () => {
    const spec = parseSpec(
      'data:\n  train: { sql: "SELECT * FROM read_csv(\'a.csv\')" }\n  test: { sql: SELECT 1 }\ntarget: y\n',
      'projects/Fraud Watch/cairn.yaml',
    );
    expect(spec.data.train).toEqual({ sql: "SELECT * FROM read_csv('a.csv')" });
    expect(spec.data.test).toEqual({ sql: 'SELECT 1' });
    expect(spec.name).toBe('Fraud-Watch');
    expect(parseSpec('data: { train: { sql: SELECT 1 } }\ntarget: y\n', 'cairn.yaml').name).toBe('model');
  });

  it('derives the default name from the data file name', () => {
    const name = (path: string) => parseSpec(`data: { train: "${path}" }\ntarget: y\n`, 'c.yaml').name;
    expect(name('data/churn.csv')).toBe('churn');
    expect(name('data/Churn 2024.csv.gz')).toBe('Churn-2024');
    expect(name('flights-2001.parquet')).toBe('flights-2001');
    expect(name('_.csv')).toBe('model');
  });

  it('accepts short forms: model by name, one success criterion, stratify auto', () => {
    const spec = parseSpec(
      `${MINIMAL}model: ridge\nsuccess: rmse <= 3\nsplit: { stratify: auto }\n`,
      'c.yaml',
    );
    expect(spec.model).toEqual({ name: 'ridge', params: {} });
    expect(spec.success).toEqual([{ metric: 'rmse', op: '<=', value: 3 }]);
    expect(spec.split.stratify).toBe('auto');
  });

  it('reads empty sections (key with nothing after it) as their defaults, and follows aliases', () => {
    const spec = parseSpec(`${MINIMAL}split:\nsuccess:\nconstraints:\nslices:\n`, 'c.yaml');
    expect(spec.split).toEqual({ testSize: 0.2, seed: 0, stratify: 'auto' });
    expect(spec.success).toEqual([]);
    expect(spec.slices).toEqual([]);
    const aliased = parseSpec(
      `${MINIMAL}split: { seed: &s 42 }\nmodel: { params: { random_state: *s } }\n`,
      'c.yaml',
    );
    expect(aliased.split.seed).toBe(42);
    expect(aliased.model.params).toEqual({ randomState: 42 });
  });

  it('reads monitoring windows as row counts or durations', () => {
    const window = (w: string) =>
      parseSpec(`${MINIMAL}monitoring: { window: ${w} }\n`, 'c.yaml').monitoring?.window;
    expect(window('5000')).toEqual({ rows: 5000 });
    expect(window('90m')).toEqual({ durationMs: 90 * 60_000 });
    expect(window('1.5h')).toEqual({ durationMs: 1.5 * 3_600_000 });
    expect(window('2w')).toEqual({ durationMs: 14 * 86_400_000 });
  });

  it('reads numeric column names as written', () => {
    const spec = parseSpec(
      'data:\n  train: a.csv\n  columns: { 2019: number }\ntarget: 2020\nslices: [1.50]\n',
      'c.yaml',
    );
    expect(spec.target).toBe('2020');
    expect(spec.slices).toEqual(['1.50']);
    expect(spec.data.columns).toEqual({ '2019': { kind: 'number' } });
    expect(errorOf('data: { train: a.csv }\ntarget: true\n').message).toBe(
      'cairn.yaml:2:9: target must be a column name, got true',
    );
  });

  it('returns a frozen spec', () => {
    const spec = parseSpec(`${MINIMAL}success: [r2 >= 0.5]\n`, 'c.yaml');
    expect(Object.isFrozen(spec)).toBe(true);
    expect(Object.isFrozen(spec.split)).toBe(true);
    expect(Object.isFrozen(spec.success[0])).toBe(true);
  });
});

describe('parseSpec: errors name the file, line, column and field', () => {
  it('reports a value of the wrong kind, with what was expected and what was found', () => {
    const e = errorOf(`${MINIMAL}task: classification\nsplit:\n  seed: 1\n  test_size: big\n`);
    expect(e.message).toBe('cairn.yaml:7:14: split.test_size must be a number between 0 and 1, got "big"');
    expect(e.details).toMatchObject({ file: 'cairn.yaml', line: 7, col: 14, field: 'split.test_size' });
  });

  it('uses the path the spec was loaded from', () => {
    const e = errorOf(`${MINIMAL}split: { test_size: 1.5 }\n`, 'projects/churn/cairn.yaml');
    expect(e.message).toBe(
      'projects/churn/cairn.yaml:4:21: split.test_size must be a number between 0 and 1, got 1.5',
    );
  });

  it.each([
    [
      'task: clasification',
      '4:7',
      'task',
      'task must be one of classification, regression, auto, got "clasification" (did you mean classification?)',
    ],
    [
      'metric: rocauc',
      '4:9',
      'metric',
      'metric must be a metric name, got "rocauc" (did you mean roc_auc?); known metrics: accuracy',
    ],
    ['metric: 3', '4:9', 'metric', 'metric must be a metric name, got 3'],
    [
      'model: { name: xgboost }',
      '4:16',
      'model.name',
      'model.name must be one of linear, ridge, logistic, auto, got "xgboost"',
    ],
    [
      'model: { params: [1, 2] }',
      '4:18',
      'model.params',
      'model.params must be a mapping of hyperparameters, got a list',
    ],
    ['split: { seed: -1 }', '4:16', 'split.seed', 'split.seed must be an integer >= 0, got -1'],
    ['split: { seed: 1.5 }', '4:16', 'split.seed', 'split.seed must be an integer >= 0, got 1.5'],
    [
      'split: { stratify: yes }',
      '4:20',
      'split.stratify',
      'split.stratify must be true, false or auto, got "yes"',
    ],
    ['split: 0.2', '4:8', 'split', 'split must be a mapping with keys test_size, seed, stratify, got 0.2'],
    [
      'success: { roc_auc: 0.8 }',
      '4:10',
      'success',
      'success must be a list of criteria like "roc_auc >= 0.85", got a mapping',
    ],
    [
      'success: [roc_auc => 0.8]',
      '4:11',
      'success.0',
      'success.0 must read "metric op value" with op one of >= <= == > <',
    ],
    [
      'success:\n  - r2 >= 0.5\n  - { metric: r2, op: "=", value: 1 }',
      '6:23',
      'success.1.op',
      'success.1.op must be one of >= <= == > <, got "="',
    ],
    [
      'success:\n  - { metric: r2, op: ">" }',
      '5:5',
      'success.0.value',
      'success.0.value is missing: success.0 needs value, a number',
    ],
    [
      'constraints: { latency_ms_p99: 0 }',
      '4:32',
      'constraints.latency_ms_p99',
      'constraints.latency_ms_p99 must be a number of milliseconds > 0, got 0',
    ],
    [
      'constraints: { interpretable: "true" }',
      '4:31',
      'constraints.interpretable',
      'constraints.interpretable must be true or false, got "true"',
    ],
    [
      'costs: { false_positive: 1, false_negative: -2 }',
      '4:45',
      'costs.false_negative',
      'costs.false_negative must be a number >= 0, got -2',
    ],
    [
      'costs: { false_positive: 0, false_negative: 0 }',
      '4:1',
      'costs',
      'costs: at least one of false_positive and false_negative must be > 0',
    ],
    ['slices: region', '4:9', 'slices', 'slices must be a list of column names, got "region"'],
    ['slices: [a, b, a]', '4:16', 'slices.2', 'slices.2: column "a" is listed twice'],
    [
      'monitoring: { drift_threshold: 2 }',
      '4:32',
      'monitoring.drift_threshold',
      'monitoring.drift_threshold must be a number > 0 and <= 1, got 2',
    ],
    [
      'monitoring: { window: 7 days }',
      '4:23',
      'monitoring.window',
      'monitoring.window must be a whole number of predictions > 0 or a duration like 7d',
    ],
    [
      'name: "my model"',
      '4:7',
      'name',
      'name must start with a letter or digit and hold only letters, digits',
    ],
  ])('%s', (extra, where, field, message) => {
    const e = errorOf(`${MINIMAL}${extra}\n`);
    expect(e.message.startsWith(`cairn.yaml:${where}: ${message}`), e.message).toBe(true);
    expect(e.details.field).toBe(field);
  });

  it('reports bad data sources and column overrides', () => {
    expect(errorOf('data:\n  train: 12\ntarget: y\n').message).toBe(
      'cairn.yaml:2:10: data.train must be a file path or { sql: "SELECT ..." }, got 12',
    );
    expect(errorOf('data:\n  train: { sql: "" }\ntarget: y\n').message).toBe(
      'cairn.yaml:2:17: data.train.sql must be a SQL query, got ""',
    );
    expect(errorOf('data:\n  train: { query: x }\ntarget: y\n').message).toMatch(
      /^cairn.yaml:2:10: data.train.sql is missing: data.train needs sql, a SQL query \(SELECT ...\)\ncairn.yaml:2:12: unknown field "query" in data.train; expected one of sql$/,
    );
    expect(
      errorOf('data:\n  train: a.csv\n  columns:\n    age: { kind: integer }\ntarget: y\n').message,
    ).toBe(
      'cairn.yaml:4:18: data.columns.age.kind must be one of number, category, boolean, datetime, text, got "integer"',
    );
    expect(errorOf('data:\n  train: a.csv\n  columns:\n    age: numeric\ntarget: y\n').message).toMatch(
      /^cairn.yaml:4:10: data.columns.age must be \{ kind, role \}, a kind \(number, /,
    );
    expect(
      errorOf('data:\n  train: a.csv\n  columns:\n    age: { knd: number }\ntarget: y\n').message,
    ).toMatch(/^cairn.yaml:4:12: unknown field "knd" in data.columns.age \(did you mean kind\?\)/);
  });

  it('reports unknown fields with a suggestion, at the key', () => {
    const e = errorOf(`${MINIMAL}metrics: roc_auc\n`);
    expect(e.message).toBe(
      'cairn.yaml:4:1: unknown field "metrics" (did you mean metric?); expected one of name, data, target, task, metric, model, split, success, constraints, costs, slices, monitoring, validation',
    );
    expect(e.code).toBe('unknown_field');
    expect(e.details.field).toBe('metrics');
    const nested = errorOf(`${MINIMAL}split:\n  testSize: 0.3\n`);
    expect(nested.message).toMatch(
      /^cairn.yaml:5:3: unknown field "testSize" in split \(did you mean test_size\?\)/,
    );
    expect(errorOf(`${MINIMAL}banana: 1\n`).message).toMatch(
      /^cairn.yaml:4:1: unknown field "banana"; expected/,
    );
  });

  it('reports missing required fields at the line of their parent', () => {
    const noTarget = errorOf('# my project\nname: x\ndata:\n  train: a.csv\n');
    expect(noTarget.message).toBe(
      'cairn.yaml:2:1: target is missing: the spec needs target, the name of the column to predict',
    );
    expect(noTarget.code).toBe('missing_field');
    expect(noTarget.details.field).toBe('target');
    const noTrain = errorOf('target: y\n\ndata:\n  test: b.csv\n');
    expect(noTrain.message).toBe(
      'cairn.yaml:3:1: data.train is missing: data needs train, a file path or { sql: "SELECT ..." }',
    );
    expect(errorOf('target: y\ndata:\n').message).toMatch(
      /^cairn.yaml:2:1: data is empty: the spec needs data/,
    );
    expect(errorOf(`${MINIMAL}costs:\n  false_positive: 1\n`).message).toBe(
      'cairn.yaml:4:1: costs.false_negative is missing: costs needs false_negative, a cost >= 0',
    );
  });

  it('reports YAML syntax errors with their position', () => {
    const e = errorOf('data:\n  train: a.csv\ntarget: [y\nmetric: rmse\n');
    expect(e.code).toBe('spec_syntax');
    expect(e.message).toMatch(/^cairn.yaml:\d+:\d+: invalid YAML: /);
    const tabs = errorOf('data:\n\ttrain: a.csv\ntarget: y\n');
    expect(tabs.message).toMatch(/^cairn.yaml:2:1: invalid YAML: /);
    expect(errorOf('data:\n  train: a.csv\ntarget: y\ntarget: z\n').message).toBe(
      'cairn.yaml:4:1: key "target" appears twice in the same mapping',
    );
    expect(errorOf('data:\n  train: a.csv\n  "train" : b.csv\ntarget: y\n').message).toBe(
      'cairn.yaml:3:3: key "train" appears twice in the same mapping',
    );
  });

  it('reports an empty file or a non-mapping document', () => {
    expect(errorOf('').message).toBe(
      'cairn.yaml:1:1: the spec is empty: it needs at least data (train) and target',
    );
    expect(errorOf('# nothing yet\n').message).toMatch(/^cairn.yaml:1:1: the spec is empty/);
    expect(errorOf('\n- a\n- b\n').message).toMatch(
      /^cairn.yaml:2:1: {2}must be a mapping with keys name, data, .*got a list$/,
    );
  });

  it('reports every problem at once, the first in the file first', () => {
    const e = errorOf('model: { name: big }\ndata:\n  train: 1\ntarget: y\nsplit: { sed: 1 }\n');
    const lines = e.message.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^cairn.yaml:1:16: model.name must be one of/);
    expect(lines[1]).toMatch(/^cairn.yaml:3:10: data.train must be/);
    expect(lines[2]).toMatch(/^cairn.yaml:5:10: unknown field "sed" in split \(did you mean seed\?\)/);
    expect(e.details).toMatchObject({ line: 1, col: 16, field: 'model.name' });
    expect((e.details.problems as unknown[]).length).toBe(3);
  });
});

describe('parseSpec: fields must agree', () => {
  it.each([
    [
      'task: regression\nmetric: roc_auc',
      '5:9',
      'metric roc_auc is a classification metric, but task is regression; regression metrics: rmse, mse, mae, r2',
    ],
    [
      'task: classification\nsuccess: [r2 >= 0.5]',
      '5:11',
      'success.0 r2 is a regression metric, but task is classification',
    ],
    [
      'metric: rmse\nsuccess:\n  - rmse < 3\n  - accuracy > 0.9',
      '7:5',
      'success.1 accuracy is a classification metric, but metric rmse is a regression metric',
    ],
    [
      'metric: rmse\nmodel: logistic',
      '5:8',
      'model.name logistic is a classification model, but metric rmse is a regression metric; use linear, ridge, auto',
    ],
    // The metric is the more explicit statement of the task, so the model is the field in conflict.
    [
      'model: { name: ridge }\nmetric: f1',
      '4:16',
      'model.name ridge is a regression model, but metric f1 is a classification metric',
    ],
    [
      'task: regression\nsplit: { stratify: true }',
      '5:20',
      'split.stratify is true, but task is regression; stratifying needs classes',
    ],
    [
      'metric: mae\ncosts: { false_positive: 1, false_negative: 2 }',
      '5:1',
      'costs (false_positive, false_negative) apply to classification, but metric mae is a regression metric',
    ],
    [
      'model: linear\nsuccess: [roc_auc > 0.7]',
      '5:11',
      'success.0 roc_auc is a classification metric, but model linear is a regression model',
    ],
    [
      'success: [roc_auc > 0.7, rmse < 1]',
      '4:26',
      'success.1 rmse is a regression metric, but success.0 uses roc_auc, a classification metric',
    ],
  ])('%s', (extra, where, message) => {
    const e = errorOf(`${MINIMAL}${extra}\n`);
    expect(e.message.startsWith(`cairn.yaml:${where}: ${message}`), e.message).toBe(true);
  });

  it('checks column roles against the target', () => {
    expect(errorOf('data:\n  train: a.csv\n  columns:\n    y: { role: ignore }\ntarget: y\n').message).toBe(
      'cairn.yaml:4:16: data.columns.y.role is ignore, but y is the target; remove the role or change target',
    );
    expect(errorOf('data:\n  train: a.csv\n  columns:\n    label: target\ntarget: y\n').message).toBe(
      'cairn.yaml:4:12: data.columns.label.role is target, but target is y; only the target column has role target',
    );
    expect(
      errorOf('data:\n  train: a.csv\n  columns:\n    w1: weight\n    w2: weight\ntarget: y\n').message,
    ).toBe('cairn.yaml:5:9: data.columns.w2.role: only one column can be the weight, and w1 already is');
    expect(
      parseSpec(
        'data:\n  train: a.csv\n  columns:\n    y: { role: target, kind: category }\ntarget: y\n',
        'c.yaml',
      ).data.columns,
    ).toEqual({
      y: { role: 'target', kind: 'category' },
    });
  });
});

describe('spec locations after parsing', () => {
  const spec = parseSpec(`${MINIMAL}split:\n  seed: 3\n`, 'proj/cairn.yaml');

  it('places later errors on the line of the field, or of its section', () => {
    expect(specPosition(spec, 'target')).toEqual({ line: 3, col: 9 });
    expect(specPosition(spec, 'split.seed')).toEqual({ line: 5, col: 9 });
    expect(specPosition(spec, 'split.test_size')).toEqual({ line: 4, col: 1 });
    expect(specSource(spec)).toEqual({ file: 'proj/cairn.yaml', dir: 'proj' });
    const e = specError(spec, 'target', 'target "churned" is not a column of churn.csv', 'unknown_column');
    expect(e).toBeInstanceOf(InputError);
    expect(e.message).toBe('proj/cairn.yaml:3:9: target "churned" is not a column of churn.csv');
    expect(e.details).toEqual({ file: 'proj/cairn.yaml', line: 3, col: 9, field: 'target' });
  });

  it('gives the bare message for a spec built in code', () => {
    const copy = { ...spec };
    expect(specPosition(copy, 'target')).toBeUndefined();
    expect(specError(copy, 'target', 'target is wrong').message).toBe('target is wrong');
  });
});

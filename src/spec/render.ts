import { stringify } from 'yaml';
import type { Schema } from '../data/schema.js';
import { METRIC_NAMES, METRICS, type MetricName } from '../evaluate/metric-names.js';
import { defaultMetric } from './infer.js';
import { nameFromPath } from './paths.js';
import { type ModelName, SPEC_DEFAULTS, type TaskSetting } from './types.js';

/**
 * The commented cairn.yaml that `cairn init` writes: every section with a line saying what it is
 * for and what it accepts, the inferred task and column kinds and roles, and examples left as
 * comments. What it writes parses back (`parseSpec`) to exactly the options given.
 */
export interface RenderSpecOptions {
  /** The training data, as it should appear in the file (relative to where cairn.yaml will be). */
  readonly dataPath: string;
  readonly target: string;
  readonly task: TaskSetting;
  /** Absent: `defaultMetric` for a known task; left out of the file for `task: auto`. */
  readonly metric?: MetricName;
  /** The inferred schema: its kinds and roles are listed under data.columns. */
  readonly schema?: Schema;
  readonly model?:
    | ModelName
    | { readonly name: ModelName; readonly params?: Readonly<Record<string, unknown>> };
  /** Default: from the data file's name. */
  readonly name?: string;
  /** Why the task was chosen (`guessTask(...).reason`), written beside it. */
  readonly taskReason?: string;
}

/** Column lines listed as comments at most; set columns are always written. */
const MAX_LISTED_COLUMNS = 100;

export function renderSpec(opts: RenderSpecOptions): string {
  const model = typeof opts.model === 'string' ? { name: opts.model } : (opts.model ?? SPEC_DEFAULTS.model);
  const metric =
    opts.metric ?? (opts.task === 'auto' ? undefined : defaultMetric(opts.task, classCount(opts)));
  const d = SPEC_DEFAULTS.split;
  const out: string[] = [
    '# cairn.yaml: the problem Cairn works on. `cairn train` reads it; edit it freely.',
    '# Keys are snake_case; paths are relative to this file; lines starting with # are comments.',
    '',
    '# The model\'s name in the registry and the serving URL (letters, digits, ".", "_", "-").',
    `name: ${scalar(opts.name ?? nameFromPath(opts.dataPath))}`,
    '',
    '# Where the rows come from: train, a CSV, Parquet or JSON file or { sql: "SELECT ..." }; and',
    '# optionally test, a held-out file (without it, split cuts the test set from train).',
    'data:',
    `  train: ${scalar(opts.dataPath)}`,
    '  # test: held-out.csv',
    ...columnLines(opts),
    '',
    '# The column to predict.',
    `target: ${scalar(opts.target)}`,
    '',
    "# classification | regression | auto (decided from the target's values when training starts).",
    ...(opts.taskReason ? [`# Inferred: ${oneLine(opts.taskReason)}.`] : []),
    `task: ${opts.task}`,
    '',
    '# The primary metric that model selection optimises; left out, it follows the task',
    '# (binary roc_auc, multiclass f1_macro, regression rmse).',
    ...wrapComment(`for classification: ${metricsFor('classification')}`),
    ...wrapComment(`for regression: ${metricsFor('regression')}`),
    metric ? `metric: ${metric}` : '# metric: roc_auc',
    '',
    '# The model family: auto (try those that fit the task) | linear | ridge (regression) | logistic',
    '# (classification). params: hyperparameters handed to the model, snake_case or camelCase.',
    'model:',
    `  name: ${model.name}`,
    model.params && Object.keys(model.params).length > 0
      ? `  params: ${stringify(model.params, { collectionStyle: 'flow', lineWidth: 0 }).trim()}`
      : '  # params: { alpha: 1.0 }',
    '',
    '# How the test set is cut from train: test_size, the share held out, between 0 and 1; seed, an',
    '# integer >= 0; stratify: true | false | auto (auto keeps class shares for classification).',
    'split:',
    `  test_size: ${d.testSize}`,
    `  seed: ${d.seed}`,
    `  stratify: ${d.stratify}`,
    '',
    '# What a model must reach to be accepted: "metric op value", op one of >= > <= < ==, or',
    '# { metric, op, value }. Uncomment and set what the business needs.',
    'success:',
    `  # - ${metric ?? 'roc_auc'} ${metric && METRICS[metric].direction === 'min' ? '<=' : '>='} 0.8`,
    '',
    '# Limits the chosen model must respect.',
    'constraints:',
    '  interpretable: false  # true: only models a person can read (linear, logistic, small trees)',
    '  # latency_ms_p99: 50  # 99th percentile of one-row predict latency, in milliseconds',
    '  # max_model_mb: 100   # largest saved model, in megabytes',
    '',
    ...(opts.task === 'regression'
      ? []
      : [
          '# The cost of each kind of mistake (two-class problems); it sets the decision threshold.',
          '# costs:',
          '#   false_positive: 1',
          '#   false_negative: 5',
          '',
        ]),
    '# Columns whose values split the evaluation into slices (fairness, segments).',
    `# slices: [${sliceExample(opts)}]`,
    '',
    '# Production monitoring. drift_threshold: share of feature columns that must drift, in (0, 1],',
    '# for the data to count as drifted; window: the last N predictions (5000) or a duration (7d;',
    '# units s, m, h, d, w).',
    '# monitoring:',
    '#   drift_threshold: 0.5',
    '#   window: 7d',
    '',
    '# What cairn predict and cairn serve do with data unlike the training data (their --on-invalid',
    '# overrides it). policy warn (the default) refuses only missing columns and values that do not',
    '# convert, and reports the rest; reject refuses any value unlike training (type, category,',
    '# range, missing); coerce converts, clips to the training range, and sets new categories and',
    '# bad values to missing.',
    '# validation:',
    '#   policy: warn',
  ];
  return `${out.join('\n')}\n`;
}

function columnLines(opts: RenderSpecOptions): string[] {
  const columns = opts.schema?.columns ?? [];
  if (columns.length === 0) return [];
  const lines = [
    '  # Column kinds (number, category, boolean, datetime, text) and roles (feature, target, id,',
    '  # timestamp, weight, ignore), as inferred from the data. Uncomment a line to override it;',
    '  # the lines that are set give a role other than feature.',
  ];
  const set: string[] = [];
  const listed: string[] = [];
  for (const c of columns) {
    // Only the target column may carry the target role; the schema may not know which one it is.
    const role = c.name === opts.target ? 'target' : c.role === 'target' ? 'feature' : c.role;
    const line = `${scalar(c.name)}: { kind: ${c.kind}, role: ${role} }`;
    if (role === 'feature' || role === 'target') listed.push(`    # ${line}`);
    else set.push(`    ${line}`);
  }
  const shown = listed.slice(0, MAX_LISTED_COLUMNS);
  if (listed.length > shown.length) shown.push(`    # ... and ${listed.length - shown.length} more features`);
  return [...lines, '  columns:', ...set, ...shown];
}

function classCount(opts: RenderSpecOptions): number | undefined {
  const t = opts.schema?.columns.find((c) => c.name === opts.target);
  if (t?.kind === 'boolean') return 2;
  return t?.categories?.length;
}

function metricsFor(task: 'classification' | 'regression'): string {
  return METRIC_NAMES.filter((m) => METRICS[m].task === task).join(', ');
}

function sliceExample(opts: RenderSpecOptions): string {
  const cats = (opts.schema?.columns ?? [])
    .filter((c) => c.kind === 'category' && c.role === 'feature' && c.name !== opts.target)
    .slice(0, 2)
    .map((c) => scalar(c.name));
  return cats.length > 0 ? cats.join(', ') : 'region, age_band';
}

/** A string as a YAML flow scalar: plain when it can be, quoted when it must be. */
function scalar(v: string): string {
  // A line break would make a block scalar; JSON's double-quoted form is valid YAML on one line.
  if (/[\n\r]/.test(v)) return JSON.stringify(v);
  return stringify(v, { lineWidth: 0 }).trimEnd();
}

/** `#   words` lines of at most ~100 characters, continuation lines indented further. */
function wrapComment(text: string): string[] {
  const lines: string[] = [];
  let line = '#  ';
  for (const word of text.split(' ')) {
    if (line.length + word.length + 1 > 100 && line.trim() !== '#') {
      lines.push(line);
      line = '#    ';
    }
    line += ` ${word}`;
  }
  lines.push(line);
  return lines;
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

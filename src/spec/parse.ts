import { LineCounter, parseDocument } from 'yaml';
import { isMetricName, type MetricName } from '../evaluate/metric-names.js';
import { InputError } from '../util/errors.js';
import { checkConsistency } from './consistency.js';
import { metricNameProblem } from './criteria.js';
import { rememberSource } from './locations.js';
import { dirnameOf, isValidName, nameFromPath } from './paths.js';
import { type Problem, SpecReader } from './read.js';
import { readData } from './read-data.js';
import {
  readConstraints,
  readCosts,
  readModel,
  readMonitoring,
  readSlices,
  readSplit,
  readSuccess,
} from './read-sections.js';
import { readValidation } from './read-validation.js';
import { type DataSpec, SPEC_DEFAULTS, type Spec, TASK_SETTINGS } from './types.js';

/** The top-level keys of cairn.yaml, in the order `renderSpec` writes them. */
export const SPEC_KEYS = [
  'name',
  'data',
  'target',
  'task',
  'metric',
  'model',
  'split',
  'success',
  'constraints',
  'costs',
  'slices',
  'monitoring',
  'validation',
] as const;

/** Problems shown in one error message; the rest are counted. */
const MAX_SHOWN = 20;

/**
 * Parse and check the text of a cairn.yaml. `file` is the path as the user wrote it: it starts every
 * error message (`cairn.yaml:7:9: ...`) and relative data paths are resolved against its folder.
 * Throws one InputError listing every problem found, the first in the file first.
 */
export function parseSpec(text: string, file: string): Spec {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0)
    throw problemsError(
      file,
      doc.errors.map((e) => {
        const { line, col } = lines.linePos(e.pos[0]);
        const message =
          e.code === 'DUPLICATE_KEY'
            ? `key ${JSON.stringify(keyAt(text, e.pos[0]))} appears twice in the same mapping`
            : `invalid YAML: ${e.message}`;
        return { line, col, field: '', code: 'spec_syntax', message };
      }),
    );

  const r = new SpecReader(doc, lines);
  const root = r.deref(doc.contents);
  if (root === undefined)
    throw problemsError(file, [
      {
        line: 1,
        col: 1,
        field: '',
        code: 'missing_field',
        message: 'the spec is empty: it needs at least data (train) and target',
      },
    ]);
  const top = r.fields(root, '', r.pos(root), SPEC_KEYS);
  if (!top) throw problemsError(file, r.problems);

  const data = readData(
    r,
    top.require('data', 'where the rows come from: { train: path }'),
    top.keyPos('data'),
    file,
  );
  const target = r.columnName(top.require('target', 'the name of the column to predict'), 'target');
  const task = r.oneOf(top.get('task'), 'task', TASK_SETTINGS);
  const metric = readMetric(r, top.get('metric'));
  const spec = {
    name: readName(r, top.get('name'), data, file),
    data,
    target,
    task: task ?? SPEC_DEFAULTS.task,
    ...(metric ? { metric } : {}),
    model: readModel(r, top.get('model'), top.keyPos('model')),
    split: readSplit(r, top.get('split'), top.keyPos('split')),
    success: readSuccess(r, top.get('success')),
    constraints: readConstraints(r, top.get('constraints'), top.keyPos('constraints')),
    ...optional('costs', readCosts(r, top.get('costs'), top.keyPos('costs'))),
    slices: readSlices(r, top.get('slices')),
    ...optional('monitoring', readMonitoring(r, top.get('monitoring'), top.keyPos('monitoring'))),
    ...optional('validation', readValidation(r, top.get('validation'), top.keyPos('validation'))),
  };
  // Cross-field checks only make sense once every field read cleanly.
  if (r.problems.length > 0) throw problemsError(file, r.problems);
  checkConsistency(r, spec as Spec);
  if (r.problems.length > 0) throw problemsError(file, r.problems);
  const frozen = deepFreeze(spec as Spec);
  rememberSource(frozen, file, r.positions);
  return frozen;
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function readMetric(r: SpecReader, node: Parameters<SpecReader['string']>[0]): MetricName | undefined {
  const name = r.string(node, 'metric', 'a metric name');
  if (name === undefined || node === undefined) return undefined;
  if (isMetricName(name)) return name;
  return r.fail(r.pos(node), 'metric', `metric ${metricNameProblem(name)}`);
}

function readName(
  r: SpecReader,
  node: Parameters<SpecReader['string']>[0],
  data: DataSpec | undefined,
  file: string,
): string {
  const name = r.string(node, 'name', 'a name of letters, digits, ".", "_" and "-"');
  if (name !== undefined) {
    if (isValidName(name)) return name;
    r.fail(
      r.pos(node),
      'name',
      `name must start with a letter or digit and hold only letters, digits, ".", "_" and "-" (at most 100), got ${JSON.stringify(name)}`,
    );
    return name;
  }
  const train = data?.train;
  if (train && 'path' in train) return nameFromPath(train.path);
  // A SQL source has no file name; the project's folder names the model instead.
  const dir = dirnameOf(file);
  return dir === '' ? 'model' : nameFromPath(dir);
}

/** The mapping key written at `offset`, quoted or plain, without its quotes. */
function keyAt(text: string, offset: number): string {
  const m = /^("(?:[^"\\]|\\.)*"|'[^']*'|[^:\n]*?)\s*:/.exec(text.slice(offset));
  if (!m) {
    const end = text.indexOf('\n', offset);
    return text.slice(offset, end < 0 ? undefined : end);
  }
  const key = m[1];
  return key.startsWith('"') || key.startsWith("'") ? key.slice(1, -1) : key;
}

function problemsError(file: string, problems: readonly Problem[]): InputError {
  const sorted = [...problems].sort((a, b) => a.line - b.line || a.col - b.col);
  const lines = sorted.slice(0, MAX_SHOWN).map((p) => `${file}:${p.line}:${p.col}: ${p.message}`);
  if (sorted.length > MAX_SHOWN) lines.push(`... and ${sorted.length - MAX_SHOWN} more problems`);
  const first = sorted[0];
  return new InputError(first.code, lines.join('\n'), {
    file,
    line: first.line,
    col: first.col,
    ...(first.field ? { field: first.field } : {}),
    problems: sorted,
  });
}

function deepFreeze<T>(v: T): T {
  if (v !== null && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}

import { existsSync } from 'node:fs';
import type { ColumnKind, Frame } from '../data/frame.js';
import { loadFrame } from '../data/index.js';
import type { ColumnRole } from '../data/schema.js';
import { isMetricName, type MetricName } from '../evaluate/metric-names.js';
import { loadSpec } from '../spec/load.js';
import { basenameOf } from '../spec/paths.js';
import {
  type DataSource,
  type ModelName,
  SPEC_DEFAULTS,
  type Spec,
  type TaskSetting,
} from '../spec/types.js';
import { InputError } from '../util/errors.js';
import { fsPath, parseNumberFlag, parseParam } from './common.js';
import type { CliIO } from './io.js';

/** Flags that describe a problem without (or over) a cairn.yaml. */
export interface ProblemFlags {
  data?: string;
  test?: string;
  target?: string;
  task?: string;
  model?: string;
  metric?: string;
  param?: string[];
  testSize?: string;
  seed?: string;
  name?: string;
}

/**
 * The problem to solve: cairn.yaml (the argument, or ./cairn.yaml when no --data is given) with the
 * flags laid over it, or the flags alone.
 */
export async function resolveSpec(io: CliIO, specPath: string | undefined, f: ProblemFlags): Promise<Spec> {
  let base: Spec | undefined;
  const path = specPath ?? (f.data ? undefined : 'cairn.yaml');
  if (path) {
    if (!specPath && !existsSync(fsPath(io, path)))
      throw new InputError(
        'no_problem',
        'no cairn.yaml here: pass a spec file, or --data <file> --target <column> (or run `cairn init <data> --target <column>`)',
      );
    base = await loadSpec(fsPath(io, path));
  }
  if (!base && !f.target)
    throw new InputError('missing_flag', '--target <column> is required with --data', { field: 'target' });
  const params: Record<string, unknown> = { ...(base?.model.params ?? {}) };
  for (const p of f.param ?? []) parseParam(p, params);
  if (f.metric !== undefined && !isMetricName(f.metric))
    throw new InputError('bad_flag', `--metric '${f.metric}' is not a metric Cairn knows`, {
      field: 'metric',
    });
  if (f.task !== undefined && !['classification', 'regression', 'auto'].includes(f.task))
    throw new InputError('bad_flag', `--task must be classification, regression or auto, got '${f.task}'`, {
      field: 'task',
    });
  const testSize = parseNumberFlag('test-size', f.testSize, (v) => v > 0 && v < 1, 'a share between 0 and 1');
  const seed = parseNumberFlag('seed', f.seed, Number.isInteger, 'an integer');
  const train: DataSource | undefined = f.data ? { path: f.data } : base?.data.train;
  const test: DataSource | undefined = f.test ? { path: f.test } : base?.data.test;
  const split = base?.split ?? SPEC_DEFAULTS.split;
  return {
    name: f.name ?? base?.name ?? (f.data ? basenameOf(f.data).replace(/\.[^.]*$/, '') : 'model'),
    data: { train: train!, ...(test ? { test } : {}), columns: base?.data.columns ?? {} },
    target: f.target ?? base!.target,
    task: (f.task as TaskSetting | undefined) ?? base?.task ?? 'auto',
    ...(f.metric ? { metric: f.metric as MetricName } : base?.metric ? { metric: base.metric } : {}),
    model: { name: (f.model as ModelName | undefined) ?? base?.model.name ?? 'auto', params },
    split: {
      ...split,
      ...(testSize !== undefined ? { testSize } : {}),
      ...(seed !== undefined ? { seed } : {}),
    },
    success: base?.success ?? [],
    constraints: base?.constraints ?? SPEC_DEFAULTS.constraints,
    slices: base?.slices ?? [],
    ...(base?.costs ? { costs: base.costs } : {}),
    ...(base?.monitoring ? { monitoring: base.monitoring } : {}),
    ...(base?.validation ? { validation: base.validation } : {}),
  };
}

/** Kind and role overrides from the spec's `data.columns`. */
export function columnOverrides(spec: Spec): {
  kinds: Record<string, ColumnKind>;
  roles: Record<string, ColumnRole>;
} {
  const kinds: Record<string, ColumnKind> = {};
  const roles: Record<string, ColumnRole> = {};
  for (const [name, o] of Object.entries(spec.data.columns)) {
    if (o.kind) kinds[name] = o.kind;
    if (o.role) roles[name] = o.role;
  }
  return { kinds, roles };
}

/** A data source as a display name and a loader argument. */
export function sourceName(s: DataSource): string {
  return 'path' in s ? s.path : `SQL query (${s.sql.slice(0, 40)}${s.sql.length > 40 ? '...' : ''})`;
}

export async function loadSource(
  io: CliIO,
  s: DataSource,
  kinds: Record<string, ColumnKind>,
): Promise<Frame> {
  return loadFrame('path' in s ? fsPath(io, s.path) : { sql: s.sql }, { kinds });
}

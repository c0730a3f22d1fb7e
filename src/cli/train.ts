import { Option } from '@commander-js/extra-typings';
import { fingerprintFrame } from '../data/fingerprint.js';
import type { Frame } from '../data/frame.js';
import { versionInput } from '../registry/register.js';
import { checkCriteria, formatCriterion } from '../spec/criteria.js';
import { resolveProblem } from '../spec/resolve.js';
import type { Spec } from '../spec/types.js';
import { saveModel } from '../track/artifact/model-io.js';
import { gitCommit } from '../track/git.js';
import { openStore } from '../track/open-store.js';
import { checkModelName } from '../track/registry-validate.js';
import { Tracker } from '../track/tracker.js';
import { MODEL_NAMES } from '../train/catalog.js';
import { RowWorkerPool } from '../train/parallel/row-worker-pool.js';
import { trainModel } from '../train/train-model.js';
import { InputError } from '../util/errors.js';
import type { RegisterCommand } from './commands.js';
import { absolute, emit, runArtifactDir, shown, storeUri } from './common.js';
import type { CliIO } from './io.js';
import { columnOverrides, loadSource, resolveSpec, sourceName } from './problem.js';
import { progressReporter } from './progress.js';
import { fmt, table } from './table.js';

/** Rows from which `cairn train` spreads gradient passes over worker threads. */
export const PARALLEL_MIN_ROWS = 50_000;

export const registerTrain: RegisterCommand = (program, ctx) =>
  program
    .command('train')
    .description('Train a model from cairn.yaml (or --data and --target), track the run and save the model')
    .argument('[spec]', 'problem spec file (default: ./cairn.yaml when --data is not given)')
    .option('--data <file>', 'training data: CSV, TSV, Parquet, JSON or NDJSON')
    .option('--target <column>', 'the column to predict')
    .option('--test <file>', 'held-out test data (default: a split of the training data)')
    .addOption(new Option('--model <name>', 'model to train').choices(MODEL_NAMES))
    .addOption(
      new Option('--task <task>', 'task (default: inferred from the target)').choices([
        'classification',
        'regression',
        'auto',
      ]),
    )
    .option('--metric <name>', 'primary metric (default by task)')
    .option(
      '--param <key=value>',
      'model hyperparameter, repeatable (e.g. --param C=0.5)',
      collect,
      [] as string[],
    )
    .option('--test-size <share>', 'held-out share of the rows (default 0.2)')
    .option('--seed <n>', 'seed of the split and the model (default 0)')
    .option('--name <name>', 'model name (default: the spec name or data file name)')
    .option('--out <dir>', 'also save the model in this directory')
    .option('--store <uri>', 'tracking store (default sqlite:.cairn/cairn.db, or $CAIRN_STORE)')
    .option('--experiment <name>', 'experiment to record the run in (default: the model name)')
    .option('--register <name>', 'also register the model as the next version of this name in the registry')
    .option('--json', 'print a machine-readable result')
    .option('--quiet', 'no progress output')
    .action(async (specPath, opts) => {
      const spec = await resolveSpec(ctx.io, specPath, opts);
      const result = await trainCommand(ctx.io, spec, opts);
      emit(ctx.io, opts.json, result, () => describeTraining(result, ctx.io));
    });

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export interface TrainCommandResult {
  runId: string;
  experiment: string;
  modelPath: string;
  name: string;
  task: string;
  model: string;
  target: string;
  classes?: readonly string[];
  rows: { train: number; test: number };
  primaryMetric: string;
  metrics: Record<string, number>;
  trainMetrics: Record<string, number>;
  criteria: { criterion: string; actual: number | null; passed: boolean }[];
  notes: readonly string[];
  /** With --register: the version the model became. */
  registered?: { name: string; version: number; uri: string };
}

export async function trainCommand(
  io: CliIO,
  spec: Spec,
  opts: {
    out?: string;
    store?: string;
    experiment?: string;
    quiet?: boolean;
    json?: boolean;
    register?: string;
  },
): Promise<TrainCommandResult> {
  // a bad registry name is refused before any training
  if (opts.register !== undefined) checkModelName(opts.register, 'register');
  const progress = progressReporter(io, { quiet: opts.quiet });
  const { kinds, roles } = columnOverrides(spec);
  const trainName = sourceName(spec.data.train);
  if (!opts.quiet) io.err(`loading ${trainName}\n`);
  const frame = await loadSource(io, spec.data.train, kinds);
  const test = spec.data.test ? await loadSource(io, spec.data.test, kinds) : undefined;
  requireColumn(frame, spec.target, trainName);
  if (test && spec.data.test) requireColumn(test, spec.target, sourceName(spec.data.test));
  const problem = resolveProblem(spec, frame.column(spec.target));

  const store = await openStore(storeUri(io, opts.store));
  try {
    const experiment = opts.experiment ?? spec.name;
    const tracker = await Tracker.start(
      store,
      {
        experiment,
        dataFingerprint: fingerprintFrame(frame),
        gitCommit: gitCommit(io.cwd),
        params: {
          model: spec.model.name,
          task: problem.task,
          target: spec.target,
          data: trainName,
          test_size: spec.split.testSize,
          seed: spec.split.seed,
          ...Object.fromEntries(
            Object.entries(spec.model.params).map(([k, v]) => [`param.${k}`, v as string]),
          ),
        },
        tags: { 'cairn.command': 'train', 'cairn.name': spec.name },
      },
      { forward: progress },
    );
    // Worker threads pay off once a gradient pass is long; small data trains faster on one thread.
    const pool = frame.nRows >= PARALLEL_MIN_ROWS ? new RowWorkerPool() : undefined;
    try {
      const { model, metrics, trainMetrics } = trainModel(frame, {
        ...(pool ? { parallel: pool } : {}),
        target: spec.target,
        task: problem.task,
        model: spec.model.name,
        params: spec.model.params as Record<string, unknown>,
        roles,
        testSize: spec.split.testSize,
        seed: spec.split.seed,
        stratify: problem.stratify,
        test,
        metric: problem.metric,
        success: spec.success,
        ...(spec.monitoring ? { monitoring: spec.monitoring } : {}),
        ...(spec.validation ? { validation: spec.validation } : {}),
        name: spec.name,
        source: trainName,
        runId: tracker.run.id,
        onEvent: tracker.onEvent,
      });
      const artifactDir = `${runArtifactDir(io, tracker.run.id)}/model`;
      const modelPath = await saveModel(model, artifactDir);
      if (opts.out) await saveModel(model, absolute(io, opts.out));
      const criteria = checkCriteria(spec.success, metrics).map((r) => ({
        criterion: formatCriterion(r.criterion),
        actual: Number.isFinite(r.actual) ? (r.actual as number) : null,
        passed: r.passed,
      }));
      await store.logBatch(tracker.run.id, {
        metrics: [
          ...Object.entries(metrics).map(([key, value]) => ({ key, value })),
          ...Object.entries(trainMetrics).map(([key, value]) => ({ key: `train_${key}`, value })),
        ],
        tags: {
          'cairn.task': problem.task,
          'cairn.model': model.info.model,
          ...(criteria.length
            ? { 'cairn.success': criteria.every((c) => c.passed) ? 'passed' : 'failed' }
            : {}),
        },
        artifacts: [{ path: 'model', kind: 'model' }],
      });
      const registered = opts.register
        ? await store.registerModelVersion(versionInput(opts.register, model, modelPath, tracker.run.id))
        : undefined;
      await tracker.end('finished');
      progress.stop();
      return {
        runId: tracker.run.id,
        experiment,
        modelPath: opts.out ? absolute(io, opts.out) : modelPath,
        name: spec.name,
        task: problem.task,
        model: model.info.model,
        target: spec.target,
        ...(model.info.classes ? { classes: model.info.classes } : {}),
        rows: model.info.rows,
        primaryMetric: problem.metric,
        metrics,
        trainMetrics,
        criteria,
        notes: model.info.notes,
        ...(registered
          ? {
              registered: {
                name: registered.name,
                version: registered.version,
                uri: `models:/${registered.name}/${registered.version}`,
              },
            }
          : {}),
      };
    } catch (e) {
      progress.stop();
      await tracker.end('failed').catch(() => {});
      throw e;
    } finally {
      await pool?.close();
    }
  } finally {
    await store.close();
  }
}

function requireColumn(frame: Frame, name: string, source: string): void {
  if (!frame.has(name))
    throw new InputError(
      'unknown_column',
      `${source}: target column '${name}' not found (columns: ${frame.names.slice(0, 15).join(', ')}${frame.nCols > 15 ? ', ...' : ''})`,
      { file: source, column: name },
    );
}

export function describeTraining(r: TrainCommandResult, io?: CliIO): string {
  const lines: string[] = [];
  const what = r.task === 'classification' ? `${r.classes?.length ?? 0} classes` : 'regression';
  lines.push(
    `trained ${r.model} for '${r.target}' (${what}; ${r.rows.train} train rows, ${r.rows.test} test rows)`,
  );
  for (const n of r.notes) lines.push(`note: ${n}`);
  lines.push('');
  const names = Object.keys(r.metrics);
  lines.push(
    table(
      ['metric', 'test', 'train'],
      names.map((n) => [n === r.primaryMetric ? `${n} *` : n, r.metrics[n], r.trainMetrics[n] ?? Number.NaN]),
    ).trimEnd(),
  );
  if (r.criteria.length) {
    lines.push('', 'success criteria:');
    for (const c of r.criteria)
      lines.push(
        `  ${c.passed ? 'met    ' : 'NOT met'}  ${c.criterion}  (${c.actual === null ? 'no value' : fmt(c.actual)})`,
      );
  }
  lines.push(
    '',
    `run    ${r.runId.slice(0, 8)} in experiment '${r.experiment}'`,
    `model  ${io ? shown(io, r.modelPath) : r.modelPath}`,
  );
  if (r.registered) lines.push(`uri    ${r.registered.uri} (registered)`);
  return `${lines.join('\n')}\n`;
}

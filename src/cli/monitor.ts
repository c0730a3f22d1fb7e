import { DRIFT_METHOD_NAMES, type DriftMethod } from '../monitor/drift-methods.js';
import { monitorModel } from '../monitor/monitor-model.js';
import { loadSpec } from '../spec/load.js';
import { InputError } from '../util/errors.js';
import type { RegisterCommand } from './commands.js';
import { absolute, fsPath, parseNumberFlag, shown } from './common.js';
import { MODEL_ARG_HELP, resolveModel } from './model-ref.js';
import { currentFromFile, currentFromLog, parseTimeFlag } from './monitor-current.js';
import { defaultReportPath, monitorJSON, monitorText, writeReport } from './monitor-output.js';

/** Exit code when drift crosses the thresholds (dataset drift or prediction drift), for schedulers. */
export const EXIT_DRIFT = 3;

export const registerMonitor: RegisterCommand = (program, ctx) =>
  program
    .command('monitor')
    .description(
      'Compare current traffic (the prediction log, or a file) with the model’s training data: per-feature drift, prediction drift, quality where feedback exists. Exits 3 on drift.',
    )
    .argument('<model>', MODEL_ARG_HELP)
    .option(
      '--since <time>',
      'prediction log window start: ISO date/time, epoch ms, or a span back from now (24h, 7d)',
    )
    .option('--until <time>', 'prediction log window end (exclusive), same forms')
    .option('--last <n>', 'only the latest n predictions of the window')
    .option(
      '--data <file>',
      'compare the rows of this file instead of the prediction log (its target column, if present, is the ground truth)',
    )
    .option('--time-column <col>', 'with --data: the column that times each row, for metrics over time')
    .option(
      '--threshold <share>',
      'share of drifted features that makes the dataset drifted (default: the spec’s monitoring.drift_threshold, else 0.5)',
    )
    .option(
      '--method <method>',
      `drift method for every feature: auto (default), ${DRIFT_METHOD_NAMES.join(', ')}`,
    )
    .option('--period <period>', 'bucket of the metrics over time: hour, day (default), week, or 6h, 2d, ...')
    .option('--spec <file>', 'read monitoring.drift_threshold and monitoring.window from this cairn.yaml')
    .option(
      '--report <file.html>',
      'where to write the HTML report (default .cairn/reports/monitor-<name>-<time>.html); the snapshot JSON goes beside it',
    )
    .option('--no-report', 'write no report files')
    .option('--store <uri>', 'tracking store: the prediction log, and models:/ and runs:/ references')
    .option('--json', 'print the snapshot as JSON')
    .action(async (ref, opts) => {
      const io = ctx.io;
      const now = new Date();
      const fromLog = opts.since !== undefined || opts.until !== undefined || opts.last !== undefined;
      if (opts.data !== undefined && fromLog)
        throw new InputError(
          'conflicting_flags',
          '--data compares a file; --since, --until and --last select from the prediction log: give one or the other',
          {
            field: 'data',
          },
        );
      if (opts.timeColumn !== undefined && opts.data === undefined)
        throw new InputError('conflicting_flags', '--time-column goes with --data', { field: 'time-column' });
      const spec = opts.spec !== undefined ? await loadSpec(fsPath(io, opts.spec)) : undefined;
      const { model, resolved } = await resolveModel(io, ref, opts.store);
      const driftShare =
        parseNumberFlag('threshold', opts.threshold, (v) => v > 0 && v <= 1, 'a share > 0 and <= 1') ??
        spec?.monitoring?.driftThreshold ??
        model.info.monitoring?.driftThreshold;
      const method = parseMethod(opts.method);
      let since = parseTimeFlag('since', opts.since, now.getTime());
      const until = parseTimeFlag('until', opts.until, now.getTime());
      let last = parseNumberFlag(
        'last',
        opts.last,
        (v) => Number.isInteger(v) && v > 0,
        'a whole number > 0',
      );
      if (since !== undefined && until !== undefined && since >= until)
        throw new InputError(
          'bad_flag',
          `--since (${new Date(since).toISOString()}) must come before --until (${new Date(until).toISOString()})`,
          {
            field: 'since',
          },
        );
      const window = spec?.monitoring?.window ?? model.info.monitoring?.window;
      if (window && opts.data === undefined && since === undefined && last === undefined) {
        if ('rows' in window) last = window.rows;
        else since = now.getTime() - window.durationMs;
      }

      const current =
        opts.data !== undefined
          ? await currentFromFile(io, model, opts.data, opts.timeColumn)
          : await currentFromLog(io, model, {
              model: resolved.name ?? model.info.name,
              since,
              until,
              last,
              store: opts.store,
            });
      const snapshot = monitorModel(model, current, {
        ...(driftShare !== undefined ? { driftShare } : {}),
        ...(method ? { method } : {}),
        ...(opts.period !== undefined ? { period: opts.period } : {}),
        window: {
          source: current.source,
          ...(since !== undefined ? { since } : {}),
          ...(until !== undefined ? { until } : {}),
        },
        uri: ref,
        now,
      });
      let files: { html: string; json: string } | undefined;
      if (opts.report !== false) {
        const path =
          typeof opts.report === 'string'
            ? absolute(io, opts.report)
            : defaultReportPath(io, model.info.name, now);
        files = await writeReport(
          path,
          snapshot,
          typeof opts.report === 'string' ? opts.report : shown(io, path),
        );
      }
      io.out(
        opts.json ? monitorJSON(snapshot, files) : monitorText(snapshot, files && shown(io, files.html)),
      );
      if (snapshot.verdict.drifted) ctx.setExitCode(EXIT_DRIFT);
    });

function parseMethod(text: string | undefined): DriftMethod | 'auto' | undefined {
  if (text === undefined) return undefined;
  if (text === 'auto' || (DRIFT_METHOD_NAMES as string[]).includes(text)) return text as DriftMethod | 'auto';
  throw new InputError(
    'bad_flag',
    `--method must be auto or one of ${DRIFT_METHOD_NAMES.join(', ')}, got '${text}'`,
    {
      field: 'method',
    },
  );
}

import type { Command } from '@commander-js/extra-typings';
import type { Run } from '../track/entities.js';
import { openStore } from '../track/open-store.js';
import type { RegisterCommand } from './commands.js';
import { emit, storeUri } from './common.js';
import { fmt, table } from './table.js';

export const registerRuns: RegisterCommand = (program, ctx) => {
  const runs = program.command('runs').description('List and inspect tracked runs');
  runs
    .command('list')
    .description('List runs, newest first')
    .option('--experiment <name>', 'only this experiment')
    .option('--limit <n>', 'at most this many', '20')
    .option('--store <uri>', 'tracking store (default sqlite:.cairn/cairn.db, or $CAIRN_STORE)')
    .option('--json', 'print a machine-readable result')
    .action(async (opts) => {
      const store = await openStore(storeUri(ctx.io, opts.store));
      try {
        const list = await store.listRuns({
          ...(opts.experiment ? { experiment: opts.experiment } : {}),
          limit: Number(opts.limit),
        });
        const names = new Map((await store.listExperiments()).map((e) => [e.id, e.name]));
        emit(ctx.io, opts.json, { runs: list }, () =>
          list.length === 0
            ? 'no runs yet (cairn train records one)\n'
            : table(
                ['run', 'experiment', 'status', 'started', 'model', 'metric'],
                list.map((r) => [
                  r.id.slice(0, 8),
                  names.get(r.experimentId) ?? r.experimentId,
                  r.status,
                  new Date(r.startTime).toISOString().replace('T', ' ').slice(0, 19),
                  r.tags['cairn.model'] ?? r.params.model ?? '',
                  primaryMetricText(r),
                ]),
              ),
        );
      } finally {
        await store.close();
      }
    });
  runs
    .command('show')
    .description('Show one run: params, metrics, tags, artifacts, lineage')
    .argument('<id>', 'run id or a unique prefix of it')
    .option('--store <uri>', 'tracking store (default sqlite:.cairn/cairn.db, or $CAIRN_STORE)')
    .option('--json', 'print a machine-readable result')
    .action(async (id, opts) => {
      const store = await openStore(storeUri(ctx.io, opts.store));
      try {
        const run = await store.getRun(id);
        const history = await Promise.all(
          Object.keys(run.metrics).map(
            async (k) => [k, (await store.getMetricHistory(run.id, k)).length] as const,
          ),
        );
        emit(ctx.io, opts.json, { run }, () => describeRun(run, new Map(history)));
      } finally {
        await store.close();
      }
    });
  return runs as unknown as Command<unknown[], Record<string, unknown>>;
};

function primaryMetricText(r: Run): string {
  const keys = Object.keys(r.metrics).filter((k) => !k.startsWith('train_') && !k.includes('.'));
  const k = ['roc_auc', 'f1_macro', 'rmse', 'accuracy'].find((m) => m in r.metrics) ?? keys[0];
  return k ? `${k}=${fmt(r.metrics[k])}` : '';
}

function describeRun(run: Run, points: Map<string, number>): string {
  const out: string[] = [];
  out.push(`run ${run.id}  (${run.name})`);
  out.push(`status      ${run.status}`);
  out.push(`started     ${new Date(run.startTime).toISOString()}`);
  if (run.endTime)
    out.push(
      `ended       ${new Date(run.endTime).toISOString()} (${((run.endTime - run.startTime) / 1000).toFixed(1)} s)`,
    );
  if (run.dataFingerprint) out.push(`data        sha256:${run.dataFingerprint.slice(0, 16)}...`);
  out.push(`git commit  ${run.gitCommit ?? '(not a git repository)'}`);
  if (run.parentRunId) out.push(`parent      ${run.parentRunId}`);
  const section = (title: string, rows: [string, string | number][]) => {
    if (rows.length === 0) return;
    out.push('', title);
    out.push(
      table(['name', 'value'], rows)
        .trimEnd()
        .split('\n')
        .slice(1)
        .map((l) => `  ${l}`)
        .join('\n'),
    );
  };
  section('params', Object.entries(run.params));
  section(
    'metrics',
    Object.entries(run.metrics).map(([k, v]) => [
      `${k}${(points.get(k) ?? 1) > 1 ? ` (${points.get(k)} steps)` : ''}`,
      fmt(v),
    ]),
  );
  section('tags', Object.entries(run.tags));
  section(
    'artifacts',
    run.artifacts.map((a) => [a.path, a.kind]),
  );
  return `${out.join('\n')}\n`;
}

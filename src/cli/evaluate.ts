import { loadFrame } from '../data/index.js';
import { evaluateModel } from '../evaluate/evaluate-model.js';
import { InputError } from '../util/errors.js';
import type { RegisterCommand } from './commands.js';
import { emit, fsPath } from './common.js';
import { MODEL_ARG_HELP, resolveModel } from './model-ref.js';
import { signatureKinds } from './signature-kinds.js';
import { table } from './table.js';

export const registerEvaluate: RegisterCommand = (program, ctx) =>
  program
    .command('evaluate')
    .description('Score a saved model on labelled data')
    .argument('<model>', MODEL_ARG_HELP)
    .requiredOption('--data <file>', 'labelled data with the target column')
    .option('--store <uri>', 'tracking store, for models:/ and runs:/ references')
    .option('--json', 'print a machine-readable result')
    .action(async (ref, opts) => {
      const { model, path } = await resolveModel(ctx.io, ref, opts.store);
      const file = fsPath(ctx.io, opts.data);
      const frame = await loadFrame(file, { kinds: await signatureKinds(model, file, opts.data, true) });
      if (!frame.has(model.info.target))
        throw new InputError(
          'unknown_column',
          `${opts.data}: target column '${model.info.target}' not found`,
          {
            file: opts.data,
            column: model.info.target,
          },
        );
      const { metrics } = evaluateModel(model, frame, opts.data);
      const result = {
        modelPath: path,
        data: opts.data,
        rows: frame.nRows,
        target: model.info.target,
        metrics,
      };
      emit(ctx.io, opts.json, result, () => {
        const rows = Object.entries(metrics).map(
          ([k, v]) =>
            [k === model.info.primaryMetric ? `${k} *` : k, v, model.info.metrics[k] ?? Number.NaN] as [
              string,
              number,
              number,
            ],
        );
        return `${model.info.name} on ${opts.data} (${frame.nRows} rows)\n\n${table(['metric', 'value', 'at training'], rows)}`;
      });
    });

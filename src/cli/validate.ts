/**
 * `cairn validate <model> --data <file>`: checks a new batch against the model's training schema
 * and reference profile before it is scored, and prints what differs. Exit 0 when the policy
 * would score the batch (clean, or warnings only), 2 when it would refuse it (errors), so a
 * scheduler can stop a pipeline on a bad batch; warnings alone do not fail it.
 */
import { scanFrames } from '../data/index.js';
import { batchCheck, counts, findingsTable, ON_INVALID_HELP, validationPolicy } from './batch-validation.js';
import type { RegisterCommand } from './commands.js';
import { emit, fsPath, parseNumberFlag } from './common.js';
import { EXIT } from './main.js';
import { MODEL_ARG_HELP, resolveModel } from './model-ref.js';
import { progressReporter } from './progress.js';

export const registerValidate: RegisterCommand = (program, ctx) =>
  program
    .command('validate')
    .description(
      'Check a batch against the model’s training schema: missing and extra columns, type changes, new categories, values out of the training range, missing-share jumps. Exit 0 when the batch would be scored (clean or warnings), 2 when the validation policy refuses it.',
    )
    .argument('<model>', MODEL_ARG_HELP)
    .requiredOption('--data <file>', 'the batch: CSV, TSV, Parquet, JSON or NDJSON')
    .option('--on-invalid <policy>', `the policy to judge by: ${ON_INVALID_HELP}`)
    .option('--batch-rows <n>', 'rows read at a time', '65536')
    .option('--store <uri>', 'tracking store, for models:/ and runs:/ references')
    .option('--json', 'print the report as JSON')
    .option('--quiet', 'no progress output')
    .action(async (ref, opts) => {
      const io = ctx.io;
      const { model, path } = await resolveModel(io, ref, opts.store);
      const { policy, from } = validationPolicy(opts.onInvalid, model);
      const batchRows = parseNumberFlag(
        'batch-rows',
        opts.batchRows,
        (v) => Number.isInteger(v) && v > 0,
        'a whole number > 0',
      )!;
      const data = fsPath(io, opts.data);
      const progress = progressReporter(io, { quiet: opts.quiet });
      const { validator, kinds, header } = await batchCheck(model, data, policy, true);
      validator.observe(header);
      progress({ type: 'start', phase: 'validate' });
      let rows = 0;
      try {
        for await (const chunk of scanFrames(data, { batchRows, kinds })) {
          validator.observe(chunk);
          rows += chunk.nRows;
          progress({ type: 'step', phase: 'validate', step: rows });
        }
        progress({ type: 'end', phase: 'validate', metrics: { rows } });
      } catch (e) {
        progress.stop();
        throw e;
      }
      const report = validator.report();
      if (!report.ok) ctx.setExitCode(EXIT.badInput);
      emit(io, opts.json, { model: path, data: opts.data, policyFrom: from, ...report }, () => {
        const verdict = report.ok
          ? report.warnings > 0
            ? 'would be scored, with warnings'
            : 'is like the training data'
          : 'would be refused';
        return `${opts.data}: ${rows} rows, ${counts(report)} under policy ${policy} (${from === 'default' ? 'the default' : from === 'flag' ? 'from --on-invalid' : "the model's, from its spec"}): the batch ${verdict}\n${findingsTable(report)}`;
      });
    });

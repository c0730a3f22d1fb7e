import { type Column, Frame, openFrameWriter, scanFrames } from '../data/index.js';
import { InputError } from '../util/errors.js';
import {
  batchCheck,
  ON_INVALID_HELP,
  printFindings,
  rejectionHint,
  validationPolicy,
} from './batch-validation.js';
import type { RegisterCommand } from './commands.js';
import { absolute, emit, fsPath, parseNumberFlag, shown } from './common.js';
import { MODEL_ARG_HELP, resolveModel } from './model-ref.js';
import { type BatchLog, openBatchLog } from './predict-log.js';
import { progressReporter } from './progress.js';

export const registerPredict: RegisterCommand = (program, ctx) =>
  program
    .command('predict')
    .description('Score a file with a saved model, streaming it in chunks (files larger than memory work)')
    .argument('<model>', MODEL_ARG_HELP)
    .requiredOption('--input <file>', 'rows to score: CSV, TSV, Parquet, JSON or NDJSON')
    .requiredOption('--output <file>', 'where to write: .csv, .tsv, .parquet, .json or .ndjson')
    .option('--only-predictions', 'write only the prediction columns, not the input columns')
    .option('--batch-rows <n>', 'rows per chunk', '65536')
    .option('--on-invalid <policy>', ON_INVALID_HELP)
    .option('--store <uri>', 'tracking store, for models:/ and runs:/ references')
    .option('--log', "record every scored row in the store's prediction log (source 'batch')")
    .option('--json', 'print a machine-readable result')
    .option('--quiet', 'no progress output')
    .action(async (ref, opts) => {
      const io = ctx.io;
      const { model, path, resolved } = await resolveModel(io, ref, opts.store);
      const batchRows = parseNumberFlag(
        'batch-rows',
        opts.batchRows,
        (v) => Number.isInteger(v) && v > 0,
        'a whole number > 0',
      )!;
      const outputNames = new Set(['prediction', ...model.classes.map((c) => `proba_${c}`)]);
      const progress = progressReporter(io, { quiet: opts.quiet });
      const input = fsPath(io, opts.input);
      const { policy } = validationPolicy(opts.onInvalid, model);
      const check = await batchCheck(model, input, policy);
      const validator = check.validator;
      const refuse = { source: opts.input, hint: rejectionHint };
      // Missing columns are refused before anything is read or written.
      validator.check(check.header, refuse);
      const writer = await openFrameWriter(fsPath(io, opts.output));
      let batchLog: BatchLog | null = null;
      let logged: { logged: number; store: string } | null = null;
      let rows = 0;
      let chunks = 0;
      try {
        if (opts.log)
          batchLog = await openBatchLog(
            io,
            opts.store,
            { model, name: resolved.name, version: resolved.version },
            batchRows,
          );
        progress({ type: 'start', phase: 'predict' });
        for await (const chunk of scanFrames(input, { batchRows, kinds: check.kinds })) {
          // Input columns that share a name with an output column give way to it.
          const keep = opts.onlyPredictions ? [] : chunk.names.filter((n) => !outputNames.has(n));
          const started = performance.now();
          // The model sees the chunk as the policy makes it; the output keeps the input as it was.
          const seen = validator.check(chunk, refuse);
          const out = new Frame(
            [
              ...keep.map((n) => [n, chunk.column(n)] as [string, Column]),
              ...model.predictionColumns(model.predict(seen, opts.input)),
            ],
            chunk.nRows,
          );
          await batchLog?.logChunk(chunk, out, performance.now() - started);
          await writer.write(out);
          rows += chunk.nRows;
          chunks++;
          progress({ type: 'step', phase: 'predict', step: rows });
        }
        if (batchLog) logged = await batchLog.close();
        await writer.close();
        progress({ type: 'end', phase: 'predict', metrics: { rows } });
      } catch (e) {
        progress.stop();
        if (e instanceof InputError && e.details.findings) printFindings(io, validator.report(), 'predict');
        await writer.abort();
        // what was scored before the failure stays logged: those predictions were made
        await batchLog?.close().catch(() => {});
        throw e;
      }
      const validation = validator.report();
      printFindings(io, validation, 'predict');
      const result = {
        modelPath: path,
        input: opts.input,
        output: absolute(io, opts.output),
        rows,
        chunks,
        ...(logged ? { logged: logged.logged, store: logged.store } : {}),
        validation,
      };
      emit(io, opts.json, result, () => {
        const wrote = `wrote ${rows} predictions to ${shown(io, result.output)}\n`;
        return logged ? `${wrote}logged ${logged.logged} predictions in ${shown(io, logged.store)}\n` : wrote;
      });
    });

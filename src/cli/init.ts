import { existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { loadFrame } from '../data/index.js';
import { guessRoles } from '../data/roles.js';
import { schemaOf } from '../data/schema.js';
import { guessTask } from '../spec/infer.js';
import { renderSpec } from '../spec/render.js';
import { InputError } from '../util/errors.js';
import type { RegisterCommand } from './commands.js';
import { absolute, emit, fsPath, shown } from './common.js';

export const registerInit: RegisterCommand = (program, ctx) =>
  program
    .command('init')
    .description('Write a commented cairn.yaml for a data file, with the inferred task and column kinds')
    .argument('<data>', 'training data: CSV, TSV, Parquet, JSON or NDJSON')
    .requiredOption('--target <column>', 'the column to predict')
    .option('--out <file>', 'where to write the spec', 'cairn.yaml')
    .option('--name <name>', "the model's name (default: from the data file name)")
    .option('--force', 'overwrite an existing spec')
    .option('--json', 'print a machine-readable result')
    .action(async (data, opts) => {
      const io = ctx.io;
      const out = absolute(io, opts.out);
      if (existsSync(out) && !opts.force)
        throw new InputError('exists', `${opts.out} already exists (use --force to overwrite it)`, {
          file: opts.out,
        });
      const frame = await loadFrame(fsPath(io, data));
      if (!frame.has(opts.target))
        throw new InputError(
          'unknown_column',
          `${data}: target column '${opts.target}' not found (columns: ${frame.names.join(', ')})`,
          { file: data, column: opts.target },
        );
      const guess = guessTask(frame.column(opts.target), opts.target);
      const roles = { ...guessRoles(frame, { target: opts.target }), [opts.target]: 'target' as const };
      const schema = schemaOf(frame, roles);
      // Paths in the spec are relative to the spec's folder.
      const dataPath = relative(dirname(out), absolute(io, data)) || data;
      const text = renderSpec({
        dataPath,
        target: opts.target,
        task: guess.task,
        taskReason: guess.reason,
        schema,
        ...(opts.name ? { name: opts.name } : {}),
      });
      await mkdir(dirname(out), { recursive: true });
      const tmp = `${out}.tmp-${process.pid}`;
      await writeFile(tmp, text);
      await rename(tmp, out);
      const result = {
        spec: out,
        data,
        target: opts.target,
        task: guess.task,
        reason: guess.reason,
        rows: frame.nRows,
        columns: schema.columns,
      };
      emit(io, opts.json, result, () =>
        [
          `wrote ${shown(io, out)} for ${data} (${frame.nRows} rows, ${frame.nCols} columns)`,
          `task: ${guess.task} (${guess.reason})`,
          ...schema.columns.map((c) => `  ${c.name.padEnd(24)} ${c.kind.padEnd(9)} ${c.role}`),
          `next: cairn train ${shown(io, out) === 'cairn.yaml' ? '' : shown(io, out)}`.trimEnd(),
          '',
        ].join('\n'),
      );
    });

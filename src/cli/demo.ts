import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadFrame, writeFrame } from '../data/index.js';
import { InputError } from '../util/errors.js';
import type { RegisterCommand } from './commands.js';
import type { CliIO } from './io.js';
import { describeTraining, type TrainCommandResult } from './train.js';

/** The shipped dataset the demo runs on (see datasets/README.md for its licence). */
export const DEMO_DATASET = fileURLToPath(new URL('../../datasets/penguins.csv', import.meta.url));

export const registerDemo: RegisterCommand = (program, ctx) =>
  program
    .command('demo')
    .description(
      'Run the whole path on a shipped real dataset: init, train, evaluate, predict, inspect the run',
    )
    .option('--dir <dir>', 'working directory for the demo (created)', 'cairn-demo')
    .action(async (opts) => {
      const dir = resolve(ctx.io.cwd, opts.dir);
      const code = await runDemo(ctx.io, dir);
      ctx.setExitCode(code);
    });

/**
 * The demo is the real CLI, command by command, in its own folder (its own store and models), so
 * what it shows is exactly what a user types.
 */
export async function runDemo(io: CliIO, dir: string): Promise<number> {
  const { run } = await import('./main.js');
  await mkdir(dir, { recursive: true });
  const here = process.cwd();
  process.chdir(dir);
  // The demo keeps its own store in its folder, whatever CAIRN_STORE says.
  const demoIO: CliIO = { ...io, cwd: dir, env: { ...io.env, CAIRN_STORE: undefined } };
  try {
    say(
      io,
      `Cairn demo in ${dir}\n\nPalmer penguins (datasets/penguins.csv, CC0): predict the species from beak, flipper, body mass, island and sex.`,
    );
    const sizes = await prepareData(dir);
    say(
      io,
      `Split the file: ${sizes.train} rows to train on, ${sizes.holdout} labelled rows to evaluate on later, ${sizes.fresh} unlabelled rows to predict.`,
    );
    const step = async (args: string[], echo = true): Promise<string> => {
      if (echo) io.out(`\n$ cairn ${args.join(' ')}\n`);
      let captured = '';
      const out = (t: string) => {
        captured += t;
        if (echo) io.out(t);
      };
      const code = await run(['node', 'cairn', ...args], { ...demoIO, out });
      if (code !== 0)
        throw new InputError('demo_failed', `demo step 'cairn ${args.join(' ')}' exited ${code}`);
      return captured;
    };
    await step(['init', 'penguins-train.csv', '--target', 'species', '--name', 'penguins', '--force']);
    await requireSuccess(join(dir, 'cairn.yaml'));
    say(io, 'Edited cairn.yaml: success: [f1_macro >= 0.9] (what the model must reach to be accepted).');
    // Run train for its JSON (the run id), and show what a user would see.
    io.out('\n$ cairn train\n');
    const trained = JSON.parse(await step(['train', '--json'], false)) as TrainCommandResult;
    io.out(describeTraining(trained, demoIO));
    const ref = `runs:/${trained.runId.slice(0, 8)}`;
    await step(['evaluate', ref, '--data', 'penguins-holdout.csv']);
    await step(['predict', ref, '--input', 'penguins-new.csv', '--output', 'predictions.csv']);
    const preview = await loadFrame(join(dir, 'predictions.csv'), { limit: 5 });
    io.out(
      `\nfirst predictions (predictions.csv):\n${preview
        .toRecords()
        .map(
          (r: Record<string, unknown>) =>
            `  ${r.island} ${r.beak_length_mm}mm beak -> ${r.prediction} (p=${Number(r[`proba_${r.prediction}`]).toFixed(3)})`,
        )
        .join('\n')}\n`,
    );
    await step(['runs', 'show', trained.runId.slice(0, 8)]);
    say(
      io,
      [
        'Where everything is:',
        `  spec         ${join(dir, 'cairn.yaml')}`,
        `  model        ${trained.modelPath}`,
        `  predictions  ${join(dir, 'predictions.csv')}`,
        `  runs         ${join(dir, '.cairn', 'cairn.db')} (cairn runs list)`,
      ].join('\n'),
    );
    return 0;
  } finally {
    process.chdir(here);
  }
}

function say(io: CliIO, text: string): void {
  io.out(`\n${text}\n`);
}

/** Deterministic split of the shipped file: every 7th row held out labelled, 20 rows unlabelled. */
async function prepareData(dir: string): Promise<{ train: number; holdout: number; fresh: number }> {
  const all = await loadFrame(DEMO_DATASET);
  const train: number[] = [];
  const holdout: number[] = [];
  const fresh: number[] = [];
  for (let i = 0; i < all.nRows; i++) {
    if (i % 7 === 3) holdout.push(i);
    else if (i % 17 === 5 && fresh.length < 20) fresh.push(i);
    else train.push(i);
  }
  await writeFrame(all.take(train), join(dir, 'penguins-train.csv'));
  await writeFrame(all.take(holdout), join(dir, 'penguins-holdout.csv'));
  await writeFrame(all.take(fresh).drop(['species']), join(dir, 'penguins-new.csv'));
  return { train: train.length, holdout: holdout.length, fresh: fresh.length };
}

/** Sets a success criterion in the spec that init wrote, as a user would by hand. */
async function requireSuccess(specPath: string): Promise<void> {
  const text = await readFile(specPath, 'utf8');
  const edited = text.replace(/^success:\n {2}# - .*$/m, 'success:\n  - f1_macro >= 0.9');
  if (edited === text) throw new Error('demo: cairn.yaml has no success section to edit');
  await writeFile(specPath, edited);
}

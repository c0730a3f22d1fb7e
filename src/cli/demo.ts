import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { loadFrame } from '../data/index.js';
import { InputError } from '../util/errors.js';
import type { RegisterCommand } from './commands.js';
import { type DemoFiles, MONTHS, prepareFlights } from './demo-data.js';
import type { CliIO } from './io.js';
import { describeTraining, type TrainCommandResult } from './train.js';

const BIN = fileURLToPath(new URL('../../bin/cairn.js', import.meta.url));
const SERVED_PER_MONTH = 200;

export const registerDemo: RegisterCommand = (program, ctx) =>
  program
    .command('demo')
    .description(
      'The whole lifecycle on a real dataset with drift: spec, train, evaluate, register, promote, serve, feedback, batch scoring, monitoring',
    )
    .option('--dir <dir>', 'working directory for the demo (created)', 'cairn-demo')
    .action(async (opts) => {
      await runDemo(ctx.io, resolve(ctx.io.cwd, opts.dir));
    });

/**
 * The demo is the real CLI, command by command, in its own folder with its own store, plus a real
 * server in a child process and real HTTP requests, so what it shows is exactly what a user gets.
 */
export async function runDemo(io: CliIO, dir: string): Promise<void> {
  const { run } = await import('./main.js');
  const started = Date.now();
  await mkdir(dir, { recursive: true });
  const here = process.cwd();
  process.chdir(dir);
  // The demo keeps its own store in its folder, whatever CAIRN_STORE says.
  const demoIO: CliIO = { ...io, cwd: dir, env: { ...io.env, CAIRN_STORE: undefined } };
  let stage = 0;
  const STAGES = 10;
  const say = (title: string, text = '') => {
    stage++;
    const clock = `${((Date.now() - started) / 1000).toFixed(1)}s`;
    io.out(`\n[${stage}/${STAGES} ${clock}] ${title}\n${text ? `${text}\n` : ''}`);
  };
  const cairn = async (args: string[], opts: { echo?: boolean; expect?: number[] } = {}): Promise<string> => {
    const echo = opts.echo ?? true;
    if (echo) io.out(`\n$ cairn ${args.join(' ')}\n`);
    let captured = '';
    const out = (t: string) => {
      captured += t;
      if (echo) io.out(t);
    };
    const code = await run(['node', 'cairn', ...args], { ...demoIO, out });
    if (!(opts.expect ?? [0]).includes(code))
      throw new InputError('demo_failed', `demo step 'cairn ${args.join(' ')}' exited ${code}`);
    return captured;
  };
  let server: ChildProcess | undefined;
  try {
    io.out(
      `Cairn demo in ${dir}\n\nUS domestic flights, January to June 2001 (datasets/flights-2001.csv, public domain):\n` +
        'predict whether a flight leaves more than 15 minutes late, train on January, serve February to June.\n',
    );
    say('Data', 'Deriving the hour, weekday, airports and distance of every flight, one file per month.');
    const files = await prepareFlights(dir);
    io.out(`${MONTHS.map((m) => `  flights-${m}.csv  ${files.rows[m]} flights`).join('\n')}\n`);

    say('The problem', 'cairn init writes cairn.yaml; we then set what success means and how to monitor.');
    await cairn(['init', 'flights-jan.csv', '--target', 'late', '--name', 'flights', '--force']);
    await editSpec(join(dir, 'cairn.yaml'));
    io.out(
      '\nedited cairn.yaml: success [roc_auc >= 0.6], model params { class_weight: balanced, max_iter: 500 }, monitoring { drift_threshold: 0.2 }\n',
    );

    say('Train on January', 'Tracked as a run; the model is registered as flights version 1.');
    io.out('\n$ cairn train --register flights\n');
    const trained = JSON.parse(
      await cairn(['train', '--register', 'flights', '--json'], { echo: false }),
    ) as TrainCommandResult;
    io.out(describeTraining(trained, demoIO));

    say('Evaluate on February', 'A month the model has never seen.');
    await cairn(['evaluate', 'models:/flights/1', '--data', 'flights-feb.csv']);

    say('Promote', 'Promotion checks the success criteria of cairn.yaml before moving the alias.');
    await cairn(['models', 'promote', 'flights', '1', '--alias', 'champion']);

    say('Serve', 'cairn serve in its own process, on a free port of 127.0.0.1.');
    const live = await startServer(dir);
    server = live.child;
    io.out(`$ cairn serve models:/flights@champion --port 0\nlistening on ${live.url}\n`);

    say(
      'Traffic',
      `${SERVED_PER_MONTH} real flights a month, February to June, one request each, then each outcome posted back as feedback.`,
    );
    const traffic = await sendTraffic(io, live.url, files);
    io.out(
      `${traffic.requests} predictions served (${traffic.late} predicted late), ${traffic.feedback} outcomes posted to /v1/feedback\n`,
    );
    io.out(`example answer: ${JSON.stringify(traffic.example)}\n`);

    say('Batch scoring', 'All of June scored from a file in chunks, and logged like served traffic.');
    await cairn([
      'predict',
      'models:/flights@champion',
      '--input',
      'flights-jun-unlabelled.csv',
      '--output',
      'june-predictions.csv',
      '--log',
    ]);

    say(
      'Monitor June',
      'June in the prediction log (served with feedback, and the batch) against January’s profile.\nExit code 3 means drift beyond the thresholds: a scheduler would retrain here.',
    );
    const report = join(dir, 'reports', 'monitor-flights-june.html');
    await cairn(['monitor', 'models:/flights@champion', '--since', traffic.juneFrom, '--report', report], {
      expect: [0, 3],
    });

    say(
      'Stop the server',
      'SIGTERM: it stops accepting, answers what it accepted, flushes the prediction log, exits.',
    );
    const code = await stopServer(server);
    server = undefined;
    io.out(`server exited with code ${code}\n`);
    const preview = await loadFrame(join(dir, 'june-predictions.csv'), { limit: 3 });
    io.out(
      '\nWhere everything is:\n' +
        [
          `  spec             ${join(dir, 'cairn.yaml')}`,
          `  run              ${trained.runId} (cairn runs show ${trained.runId.slice(0, 8)})`,
          `  model            models:/flights@champion -> ${trained.modelPath}`,
          `  store            ${join(dir, '.cairn', 'cairn.db')} (runs, registry, prediction log)`,
          `  batch output     ${join(dir, 'june-predictions.csv')} (${preview.names.join(', ')})`,
          `  monitor report   ${report}`,
        ].join('\n') +
        `\n\ndone in ${((Date.now() - started) / 1000).toFixed(1)}s\n`,
    );
  } finally {
    if (server) await stopServer(server).catch(() => {});
    process.chdir(here);
  }
}

/** Sets the demo's success criterion, model params and monitoring policy, as a user would by hand. */
async function editSpec(specPath: string): Promise<void> {
  const text = await readFile(specPath, 'utf8');
  let edited = text.replace(/^success:\n {2}# - .*$/m, 'success:\n  - roc_auc >= 0.6');
  edited = edited.replace(/^( {2})# params: .*$/m, '$1params: { class_weight: balanced, max_iter: 500 }');
  edited = edited.replace(
    /^# monitoring:\n# {3}drift_threshold: .*$/m,
    'monitoring:\n  drift_threshold: 0.2',
  );
  if (edited === text) throw new Error('demo: cairn.yaml did not have the sections to edit');
  await writeFile(specPath, edited);
}

async function startServer(dir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [BIN, 'serve', 'models:/flights@champion', '--port', '0', '--json'], {
    cwd: dir,
    env: { ...process.env, CAIRN_STORE: undefined },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolveUrl, reject) => {
    child.once('exit', (code) =>
      reject(new Error(`cairn serve exited ${code} before listening:\n${stderr}`)),
    );
    lines.on('line', (line) => {
      try {
        const msg = JSON.parse(line) as { url?: string };
        if (msg.url) resolveUrl(msg.url);
      } catch {
        // not the JSON line
      }
    });
  });
  return { child, url };
}

function stopServer(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolveExit) => {
    child.once('exit', (code) => resolveExit(code));
    child.kill('SIGTERM');
  });
}

interface Traffic {
  /** When June's traffic began: the monitor looks at June from there. */
  juneFrom: string;
  requests: number;
  late: number;
  feedback: number;
  example: unknown;
}

/** Sends rows one request each (8 at a time), then posts each month's true outcomes as feedback. */
async function sendTraffic(io: CliIO, url: string, files: DemoFiles): Promise<Traffic> {
  const result: Traffic = { juneFrom: '', requests: 0, late: 0, feedback: 0, example: null };
  for (const month of MONTHS.slice(1)) {
    if (month === 'jun') result.juneFrom = new Date().toISOString();
    const frame = await loadFrame(files.months[month]);
    const step = Math.floor(frame.nRows / SERVED_PER_MONTH);
    const rows = Array.from(
      { length: SERVED_PER_MONTH },
      (_, i) => frame.toRecords(i * step, i * step + 1)[0],
    );
    const answers: { id: string; value: boolean }[] = [];
    let next = 0;
    const worker = async () => {
      while (next < rows.length) {
        const { late, ...features } = rows[next++];
        const res = await fetch(`${url}/v1/models/flights/predict`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ rows: [features] }),
        });
        if (res.status !== 200) throw new Error(`predict answered ${res.status}: ${await res.text()}`);
        const body = (await res.json()) as { predictions: { id: string; prediction: unknown }[] };
        const p = body.predictions[0];
        result.example ??= body;
        if (p.prediction === 'true') result.late++;
        answers.push({ id: p.id, value: late as boolean });
        result.requests++;
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    const fb = await fetch(`${url}/v1/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(answers),
    });
    if (fb.status >= 300) throw new Error(`feedback answered ${fb.status}: ${await fb.text()}`);
    result.feedback += answers.length;
    io.err(`traffic: ${month} served and labelled (${result.requests} requests so far)\n`);
  }
  return result;
}

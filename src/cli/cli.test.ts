import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { cairn } from './testing/run-cli.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const penguins = join(repo, 'datasets', 'penguins.csv');

describe('cairn CLI, the happy path', () => {
  let dir: string;
  let runId: string;
  let modelPath: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cairn-cli-'));
    await copyFile(penguins, join(dir, 'penguins.csv'));
    const r = await cairn(
      dir,
      'train',
      '--data',
      'penguins.csv',
      '--target',
      'species',
      '--json',
      '--out',
      'model',
    );
    expect(r.err).not.toMatch(/internal error/);
    expect(r.code).toBe(0);
    ({ runId, modelPath } = r.json());
  });

  it('train reports metrics, a run and a saved model', async () => {
    const runs = await cairn(dir, 'runs', 'list', '--json');
    expect(runs.code).toBe(0);
    expect(runs.json().runs.map((r: { id: string }) => r.id)).toContain(runId);
    expect(modelPath).toBe(join(dir, 'model'));
    expect(await readdir(modelPath)).toContain('manifest.json');
    const shown = await cairn(dir, 'runs', 'show', runId.slice(0, 6), '--json');
    const run = shown.json().run;
    expect(run.status).toBe('finished');
    expect(run.params.target).toBe('species');
    expect(run.metrics.accuracy).toBeGreaterThan(0.9);
    expect(run.dataFingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('evaluate scores a labelled file with the saved model', async () => {
    const r = await cairn(dir, 'evaluate', 'model', '--data', 'penguins.csv', '--json');
    expect(r.code).toBe(0);
    expect(r.json().metrics.accuracy).toBeGreaterThan(0.95);
    expect(r.json().rows).toBe(344);
  });

  it('predict streams a file in chunks to CSV, Parquet and JSON, identically', async () => {
    const outs = ['p.csv', 'p.parquet', 'p.json'];
    for (const out of outs) {
      const r = await cairn(
        dir,
        'predict',
        `runs:/${runId.slice(0, 8)}`,
        '--input',
        'penguins.csv',
        '--output',
        out,
        '--batch-rows',
        '50',
        '--json',
      );
      expect(r.code, r.err).toBe(0);
      expect(r.json()).toMatchObject({ rows: 344, chunks: 7 });
    }
    const csv = await readFile(join(dir, 'p.csv'), 'utf8');
    const lines = csv.trim().split('\n');
    expect(lines).toHaveLength(345);
    expect(lines[0]).toContain('prediction,proba_Adelie,proba_Chinstrap,proba_Gentoo');
    const json = JSON.parse(await readFile(join(dir, 'p.json'), 'utf8')) as { prediction: string }[];
    expect(json).toHaveLength(344);
    expect(json.filter((r) => r.prediction === 'Adelie').length).toBeGreaterThan(140);
  });

  it('init writes a spec that train reads', async () => {
    const init = await cairn(dir, 'init', 'penguins.csv', '--target', 'species', '--out', 'spec/cairn.yaml');
    expect(init.code, init.err).toBe(0);
    const r = await cairn(dir, 'train', 'spec/cairn.yaml', '--json', '--quiet');
    expect(r.code, r.err).toBe(0);
    expect(r.json().primaryMetric).toBe('f1_macro');
    expect(r.json().model).toBe('logistic');
  });

  it('every command answers --help with exit 0', async () => {
    for (const c of ['init', 'train', 'evaluate', 'predict', 'runs', 'demo']) {
      const r = await cairn(dir, c, '--help');
      expect(r.code).toBe(0);
      expect(r.out).toContain('Usage: cairn');
    }
  });
});

describe('cairn CLI, bad input: exit 2, a message naming the file and field, no partial output', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cairn-bad-'));
    await copyFile(penguins, join(dir, 'penguins.csv'));
    await writeFile(join(dir, 'empty.csv'), '');
    await writeFile(join(dir, 'ragged.csv'), 'a,b,y\n1,2,0\n3,4,5,6\n7,8,1\n');
    const r = await cairn(
      dir,
      'train',
      '--data',
      'penguins.csv',
      '--target',
      'species',
      '--out',
      'model',
      '--quiet',
    );
    expect(r.code, r.err).toBe(0);
  });

  async function expectBad(args: string[], ...patterns: RegExp[]) {
    const r = await cairn(dir, ...args);
    expect(r.err).not.toMatch(/internal error/);
    expect(r.code, r.err).toBe(2);
    for (const p of patterns) expect(r.err).toMatch(p);
    return r;
  }

  it('a missing file', () => expectBad(['train', '--data', 'nope.csv', '--target', 'y'], /nope\.csv/));
  it('an empty file', () =>
    expectBad(['train', '--data', 'empty.csv', '--target', 'y'], /empty\.csv/, /empty/));
  it('a CSV with ragged rows', () =>
    expectBad(
      ['train', '--data', 'ragged.csv', '--target', 'y'],
      /ragged\.csv:3: expected 3 fields, found 4/,
    ));
  it('an unknown target column', () =>
    expectBad(['train', '--data', 'penguins.csv', '--target', 'speces'], /penguins\.csv/, /'speces'/));
  it('a target with missing values', () =>
    expectBad(
      ['train', '--data', 'penguins.csv', '--target', 'sex'],
      /penguins\.csv/,
      /'sex' has missing values/,
    ));

  it('a spec with a wrong field', async () => {
    await writeFile(
      join(dir, 'bad.yaml'),
      'data:\n  train: penguins.csv\ntarget: species\ntagret: species\n',
    );
    await expectBad(['train', 'bad.yaml'], /bad\.yaml:4:1/, /tagret/);
  });

  it('predicting a file that lacks a column the model needs', async () => {
    await writeFile(
      join(dir, 'no-island.csv'),
      'beak_length_mm,beak_depth_mm,flipper_length_mm,body_mass_g,sex\n39.1,18.7,181,3750,MALE\n',
    );
    await expectBad(
      ['predict', 'model', '--input', 'no-island.csv', '--output', 'out1.csv'],
      /no-island\.csv/,
      /'island'/,
    );
    expect(await readdir(dir)).not.toContain('out1.csv');
  });

  it('a tampered artifact', async () => {
    await copyFile(penguins, join(dir, 'p2.csv'));
    const t = await cairn(
      dir,
      'train',
      '--data',
      'p2.csv',
      '--target',
      'species',
      '--out',
      'tampered',
      '--quiet',
    );
    expect(t.code).toBe(0);
    const file = join(dir, 'tampered', 'cairn-model.json');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('"species"', '"specie5"'));
    await expectBad(
      ['predict', 'tampered', '--input', 'penguins.csv', '--output', 'out2.csv'],
      /cairn-model\.json/,
      /changed after saving/,
    );
    expect(await readdir(dir)).not.toContain('out2.csv');
  });

  it('an unknown option or command', async () => {
    await expectBad(['train', '--bogus']);
    await expectBad(['frobnicate']);
  });

  it('the installed bin exits 2 with the message on stderr', async () => {
    const bin = join(repo, 'bin', 'cairn.js');
    const err = await promisify(execFile)(
      process.execPath,
      [bin, 'train', '--data', 'nope.csv', '--target', 'y'],
      { cwd: dir },
    ).catch((e) => e);
    expect(err.code).toBe(2);
    expect(err.stderr).toMatch(/cairn: error: .*nope\.csv/);
  });
});

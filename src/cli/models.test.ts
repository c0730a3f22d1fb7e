/** `cairn models` and model URIs on the command line, in-process, on a real store in a temp folder. */
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { cairn } from './testing/run-cli.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const penguins = join(repo, 'datasets', 'penguins.csv');

let dir: string;
let runs: string[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cairn-models-'));
  await copyFile(penguins, join(dir, 'penguins.csv'));
  await writeFile(
    join(dir, 'cairn.yaml'),
    'name: penguins\ndata:\n  train: penguins.csv\ntarget: species\nsuccess:\n  - accuracy >= 0.8\n',
  );
  await writeFile(
    join(dir, 'strict.yaml'),
    'name: penguins\ndata:\n  train: penguins.csv\ntarget: species\nsuccess:\n  - accuracy >= 0.5\n  - log_loss < 0.000001\n',
  );
  // version 1: trained from the spec (its criteria recorded); version 2: from flags, no criteria
  const a = await cairn(dir, 'train', '--register', 'penguins', '--json', '--quiet');
  expect(a.code, a.err).toBe(0);
  expect(a.json().registered).toEqual({ name: 'penguins', version: 1, uri: 'models:/penguins/1' });
  const b = await cairn(
    dir,
    'train',
    '--data',
    'penguins.csv',
    '--target',
    'species',
    '--register',
    'penguins',
    '--out',
    'model-b',
    '--quiet',
  );
  expect(b.code, b.err).toBe(0);
  expect(b.out).toContain('uri    models:/penguins/2 (registered)');
  runs = [a.json().runId, (await cairn(dir, 'runs', 'list', '--json')).json().runs[0].id];
});

describe('cairn models', () => {
  it('list and show the registered models, versions, runs and metrics', async () => {
    const list = await cairn(dir, 'models', 'list', '--json');
    expect(list.code).toBe(0);
    expect(list.json().models).toMatchObject([{ name: 'penguins', latestVersion: 2, aliases: {} }]);
    const human = await cairn(dir, 'models', 'list');
    expect(human.out).toMatch(/^model\s+latest\s+aliases/);
    expect(human.out).toMatch(/penguins\s+2/);

    const show = await cairn(dir, 'models', 'show', 'penguins', '--json');
    const { model, versions } = show.json();
    expect(model.name).toBe('penguins');
    expect(versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect(versions[0]).toMatchObject({
      runId: runs[0],
      source: join(dir, '.cairn', 'artifacts', runs[0], 'model'),
      tags: { 'cairn.task': 'classification', 'cairn.primary_metric': 'f1_macro' },
    });
    expect(versions[0].metrics.accuracy).toBeGreaterThan(0.9);
    const text = (await cairn(dir, 'models', 'show', 'penguins')).out;
    expect(text).toContain('model penguins');
    expect(text).toMatch(/version\s+aliases\s+run\s+registered\s+metric\s+source/);
    expect(text).toContain(`${runs[0].slice(0, 8)}`);
    expect(text).toContain(`.cairn/artifacts/${runs[0]}/model`);
  });

  it('register takes a run id prefix or a model directory, with tags and a description', async () => {
    const r = await cairn(
      dir,
      'models',
      'register',
      runs[0].slice(0, 8),
      '--name',
      'birds',
      '--tag',
      'team=zoo',
      '--description',
      'first',
      '--json',
    );
    expect(r.code, r.err).toBe(0);
    expect(r.json()).toMatchObject({
      uri: 'models:/birds/1',
      version: { name: 'birds', version: 1, runId: runs[0], description: 'first', tags: { team: 'zoo' } },
    });
    const d = await cairn(dir, 'models', 'register', 'model-b', '--name', 'birds');
    expect(d.code, d.err).toBe(0);
    expect(d.out).toContain('registered birds version 2');
    expect(d.out).toContain('models:/birds/2');
    expect(d.out).toContain('source  model-b');
  });

  it('promote checks the criteria recorded at training, then moves champion', async () => {
    const r = await cairn(dir, 'models', 'promote', 'penguins', '1');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/met\s+accuracy >= 0.8/);
    expect(r.out).toContain("promoted penguins version 1 to 'champion' (new alias)");
    const show = (await cairn(dir, 'models', 'show', 'penguins', '--json')).json();
    expect(show.model.aliases).toEqual({ champion: 1 });
  });

  it('promote refuses a failing criterion of --spec with exit 2, naming it, and moves nothing', async () => {
    const r = await cairn(dir, 'models', 'promote', 'penguins', '2', '--spec', 'strict.yaml');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /cannot promote penguins version 2 to 'champion': criterion log_loss < 0.000001 \(actual 0\.\d+\)/,
    );
    expect(r.err).not.toMatch(/accuracy >= 0.5/);
    const j = await cairn(dir, 'models', 'promote', 'penguins', '2', '--spec', 'strict.yaml', '--json');
    expect(j.code).toBe(2);
    expect(j.json().error).toMatchObject({
      code: 'criterion_failed',
      details: {
        model: 'penguins',
        version: 2,
        failed: [{ metric: 'log_loss', op: '<', threshold: 0.000001 }],
      },
    });
    expect((await cairn(dir, 'models', 'show', 'penguins', '--json')).json().model.aliases).toEqual({
      champion: 1,
    });
  });

  it('promote --force moves the alias anyway and warns', async () => {
    const r = await cairn(
      dir,
      'models',
      'promote',
      'penguins',
      'latest',
      '--spec',
      'strict.yaml',
      '--force',
      '--json',
    );
    expect(r.code, r.err).toBe(0);
    expect(r.json()).toMatchObject({
      version: 2,
      previous: 1,
      passed: false,
      forced: true,
      criteriaFrom: 'given',
    });
    expect(r.err).toMatch(/warning: promoted despite failing log_loss < 0.000001/);
    const back = await cairn(dir, 'models', 'promote', 'penguins', '1', '--alias', 'champion');
    expect(back.out).toContain('(was version 2)');
  });

  it('alias sets, moves and deletes aliases', async () => {
    const set = await cairn(dir, 'models', 'alias', 'penguins', 'staging', '2');
    expect(set.code, set.err).toBe(0);
    expect(set.out).toBe('penguins@staging -> version 2 (new alias)\n');
    const move = await cairn(dir, 'models', 'alias', 'penguins', 'staging', '1', '--json');
    expect(move.json()).toEqual({ name: 'penguins', alias: 'staging', version: 1, previous: 2 });
    const del = await cairn(dir, 'models', 'alias', 'penguins', 'staging', '--delete');
    expect(del.out).toContain("deleted alias 'staging' of penguins");
    expect((await cairn(dir, 'models', 'show', 'penguins', '--json')).json().model.aliases).toEqual({
      champion: 1,
    });
  });

  it('predict and evaluate take models:/ URIs, following the alias when it moves', async () => {
    const byAlias = async () => {
      const r = await cairn(
        dir,
        'predict',
        'models:/penguins@champion',
        '--input',
        'penguins.csv',
        '--output',
        'p.csv',
        '--json',
        '--quiet',
      );
      expect(r.code, r.err).toBe(0);
      return r.json();
    };
    const first = await byAlias();
    expect(first).toMatchObject({ rows: 344, modelPath: join(dir, '.cairn', 'artifacts', runs[0], 'model') });
    const csv = (await readFile(join(dir, 'p.csv'), 'utf8')).trim().split('\n');
    expect(csv).toHaveLength(345);
    expect(csv[0]).toContain('prediction,proba_Adelie,proba_Chinstrap,proba_Gentoo');

    await cairn(dir, 'models', 'alias', 'penguins', 'champion', '2');
    expect((await byAlias()).modelPath).toBe(join(dir, '.cairn', 'artifacts', runs[1], 'model'));
    await cairn(dir, 'models', 'alias', 'penguins', 'champion', '1');

    const ev = await cairn(dir, 'evaluate', 'models:/penguins/latest', '--data', 'penguins.csv', '--json');
    expect(ev.code, ev.err).toBe(0);
    expect(ev.json().metrics.accuracy).toBeGreaterThan(0.95);
    const v1 = await cairn(dir, 'evaluate', 'models:/birds/2', '--data', 'penguins.csv', '--json');
    expect(v1.json().modelPath).toBe(join(dir, 'model-b'));
  });

  it('every subcommand answers --help with exit 0', async () => {
    for (const sub of ['list', 'show', 'register', 'alias', 'promote']) {
      const r = await cairn(dir, 'models', sub, '--help');
      expect(r.code).toBe(0);
      expect(r.out).toContain(`Usage: cairn models ${sub}`);
    }
    expect((await cairn(dir, 'models', '--help')).code).toBe(0);
  });
});

describe('cairn models, bad input: exit 2 and a message naming the model, version or alias', () => {
  const cases: [string[], RegExp][] = [
    [['models', 'show', 'ghost'], /no registered model 'ghost'.*registered: birds, penguins/],
    [['models', 'show', 'bad name'], /model name must hold only letters/],
    [
      ['models', 'promote', 'penguins', '9'],
      /model 'penguins' has no version 9 \(its versions run from 1 to 2\)/,
    ],
    [
      ['models', 'promote', 'penguins', 'two'],
      /version must be a whole number from 1 or 'latest', got 'two'/,
    ],
    [['models', 'promote', 'penguins', '1', '--alias', '7'], /alias must hold only .*not only digits/],
    [['models', 'promote', 'penguins', '1', '--spec', 'missing.yaml'], /missing.yaml: no such file/],
    [['models', 'alias', 'penguins', 'latest', '1'], /alias 'latest' is reserved/],
    [['models', 'alias', 'penguins', 'beta'], /give the version for penguins@beta/],
    [
      ['models', 'alias', 'penguins', 'beta', '--delete'],
      /model 'penguins' has no alias 'beta' \(aliases: champion -> 1\)/,
    ],
    [['models', 'alias', 'ghost', 'beta', '1'], /no registered model 'ghost'/],
    [
      ['models', 'register', 'nothing-here', '--name', 'x'],
      /nothing-here: neither a model directory nor a run id/,
    ],
    [['models', 'register', 'model-b'], /required option '--name <name>'/],
    [['models', 'register', 'model-b', '--name', 'x', '--tag', 'novalue'], /--tag must look like key=value/],
    [['predict', 'models:/penguins@nope', '--input', 'penguins.csv', '--output', 'q.csv'], /no alias 'nope'/],
    [['predict', 'models:/penguins', '--input', 'penguins.csv', '--output', 'q.csv'], /names no version/],
    [['evaluate', 'models:/ghost/1', '--data', 'penguins.csv'], /no registered model 'ghost'/],
    [
      ['train', '--data', 'penguins.csv', '--target', 'species', '--register', 'no/slash'],
      /model name must hold only/,
    ],
  ];
  for (const [args, message] of cases)
    it(args.join(' '), async () => {
      const r = await cairn(dir, ...args);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(message);
      expect(r.err).not.toMatch(/internal error/);
    });

  it('a refused --register trains nothing', async () => {
    const before = (await cairn(dir, 'runs', 'list', '--json')).json().runs.length;
    await cairn(dir, 'train', '--data', 'penguins.csv', '--target', 'species', '--register', 'no/slash');
    expect((await cairn(dir, 'runs', 'list', '--json')).json().runs.length).toBe(before);
  });
});

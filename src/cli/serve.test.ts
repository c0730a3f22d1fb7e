import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { penguinsModel, savedModel } from '../serve/testing/penguins.js';
import { parseSize } from './serve.js';
import { cairnWithEnv } from './testing/run-cli.js';

/** The happy path (listen, answer, SIGTERM, exit 0) runs in a child process: src/serve/sigterm.test.ts. */
describe('cairn serve: bad usage exits 2 naming the problem, before listening', () => {
  let dir: string;
  let model: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cairn-cli-serve-'));
    model = await savedModel(await penguinsModel());
  });

  it('names a model directory that does not exist', async () => {
    const r = await cairnWithEnv(dir, {}, 'serve', 'no/such/model', '--no-log');
    expect(r.code).toBe(2);
    expect(r.err).toContain('no/such/model');
  });

  it('names an unknown registered model', async () => {
    const r = await cairnWithEnv(dir, {}, 'serve', 'models:/nothing@champion', '--no-log');
    expect(r.code).toBe(2);
    expect(r.err).toContain('nothing');
  });

  it('checks --port, --body-limit, --max-rows, --reload-interval and the token', async () => {
    const cases: [string[], Record<string, string>, string][] = [
      [['--port', '70000'], {}, '--port'],
      [['--port', 'x'], {}, '--port'],
      [['--body-limit', 'lots'], {}, '--body-limit'],
      [['--max-rows', '0'], {}, '--max-rows'],
      [['--reload-interval', '-1'], {}, '--reload-interval'],
      [[], { CAIRN_SERVE_TOKEN: ' ' }, 'token'],
    ];
    for (const [flags, env, named] of cases) {
      const r = await cairnWithEnv(dir, env, 'serve', model, '--no-log', ...flags);
      expect(r.code, flags.join(' ')).toBe(2);
      expect(r.err).toContain(named);
    }
  });

  it('lists its options in --help', async () => {
    const r = await cairnWithEnv(dir, {}, 'serve', '--help');
    expect(r.code).toBe(0);
    for (const flag of [
      '--host',
      '--port',
      '--token',
      '--body-limit',
      '--reload-interval',
      '--no-log',
      'models:/<name>@<alias>',
    ])
      expect(r.out).toContain(flag);
  });
});

describe('parseSize', () => {
  it('reads bytes, k and m', () => {
    expect(parseSize('1048576')).toBe(1048576);
    expect(parseSize('512k')).toBe(512 * 1024);
    expect(parseSize('1m')).toBe(1024 * 1024);
    expect(parseSize('2MB')).toBe(2 * 1024 * 1024);
    expect(() => parseSize('0')).toThrow(/body-limit/);
  });
});

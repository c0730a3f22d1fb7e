import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../util/errors.js';
import { loadSpec } from './load.js';
import { specSource } from './locations.js';

const dir = mkdtempSync(join(tmpdir(), 'cairn-spec-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loadSpec', () => {
  it('reads a file, resolving data paths against its folder', async () => {
    const file = join(dir, 'cairn.yaml');
    writeFileSync(file, '\uFEFFdata:\n  train: data/a.csv\n  test: /abs/b.csv\ntarget: y\n');
    const spec = await loadSpec(file);
    expect(spec.data.train).toEqual({ path: join(dir, 'data/a.csv') });
    expect(spec.data.test).toEqual({ path: '/abs/b.csv' });
    expect(spec.name).toBe('a');
    expect(specSource(spec)).toEqual({ file, dir });
  });

  it('names the file it read in every error', async () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'data:\n  train: a.csv\ntarget: y\nsplit:\n  test_size: big\n');
    await expect(loadSpec(file)).rejects.toThrow(
      `${file}:5:14: split.test_size must be a number between 0 and 1, got "big"`,
    );
  });

  it('says when the file is missing or is a folder', async () => {
    const missing = join(dir, 'nope.yaml');
    const err = await loadSpec(missing).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).message).toBe(
      `${missing}: no such file (run \`cairn init <data>\` to write one)`,
    );
    expect((err as InputError).details).toEqual({ file: missing });
    await expect(loadSpec(dir)).rejects.toThrow(`${dir}: is a folder, expected a cairn.yaml file`);
  });
});

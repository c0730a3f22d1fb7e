import { mkdtemp, readdir, readFile, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../../util/errors.js';
import { MANIFEST_FILE, MODEL_FILE } from './format.js';
import { loadArtifact } from './load.js';
import { saveArtifact } from './save.js';

const big = new Float64Array(1000).map((_, i) => Math.sin(i));
const content = {
  model: { name: 'm', state: { coef: big, small: new Int32Array([1, 2, 3]), nan: Number.NaN } },
  profile: { hist: new Float64Array(100).fill(0.5) },
};

describe('model artifact', () => {
  let dir: string;
  beforeEach(async () => {
    dir = join(await mkdtemp(join(tmpdir(), 'cairn-art-')), 'model');
  });

  it('round-trips typed arrays, NaN and plain values exactly', async () => {
    await saveArtifact(dir, content);
    const back = await loadArtifact(dir);
    const state = back.model.state as typeof content.model.state;
    expect(state.coef).toBeInstanceOf(Float64Array);
    expect(state.coef).toEqual(big);
    expect(state.small).toEqual(new Int32Array([1, 2, 3]));
    expect(state.nan).toBeNaN();
    expect(back.model.formatVersion).toBe(1);
    expect((back.profile as typeof content.profile).hist).toEqual(content.profile.hist);
    expect(await readdir(join(dir, 'buffers'))).toHaveLength(2);
  });

  it('refuses a changed buffer, naming the file', async () => {
    await saveArtifact(dir, content);
    const file = join(dir, 'buffers', '0000.bin');
    const bytes = await readFile(file);
    bytes[10] ^= 1;
    await writeFile(file, bytes);
    await expect(loadArtifact(dir)).rejects.toThrow(/0000\.bin: checksum does not match/);
  });

  it('refuses a truncated model file', async () => {
    await saveArtifact(dir, content);
    await truncate(join(dir, MODEL_FILE), 20);
    const err = await loadArtifact(dir).catch((e) => e);
    expect(err).toBeInstanceOf(InputError);
    expect(err.message).toMatch(/cairn-model\.json: 20 bytes.*truncated/);
  });

  it('refuses a file that is not in the manifest', async () => {
    await saveArtifact(dir, content);
    await writeFile(join(dir, 'evil.js'), 'process.exit(1)');
    await expect(loadArtifact(dir)).rejects.toThrow(/evil\.js: file not listed/);
  });

  it('refuses a newer format with an upgrade hint', async () => {
    await saveArtifact(dir, content);
    const m = JSON.parse(await readFile(join(dir, MANIFEST_FILE), 'utf8'));
    m.formatVersion = 99;
    await writeFile(join(dir, MANIFEST_FILE), JSON.stringify(m));
    await expect(loadArtifact(dir)).rejects.toThrow(/format version 99 is newer.*upgrade Cairn/);
  });

  it('says clearly when the directory is not a model', async () => {
    await expect(loadArtifact(join(dir, 'nope'))).rejects.toThrow(
      /manifest\.json: no such file.*Cairn model directory/,
    );
  });

  it('replaces an existing artifact whole, leaving no temp directories', async () => {
    await saveArtifact(dir, content);
    await saveArtifact(dir, { model: { name: 'second' }, profile: null });
    const back = await loadArtifact(dir);
    expect(back.model.name).toBe('second');
    expect(await readdir(join(dir, '..'))).toEqual(['model']);
  });

  it('leaves the old artifact intact when saving fails', async () => {
    await saveArtifact(dir, content);
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    await expect(saveArtifact(dir, { model: circular, profile: null })).rejects.toThrow();
    expect((await loadArtifact(dir)).model.name).toBe('m');
    expect(await readdir(join(dir, '..'))).toEqual(['model']);
  });
});

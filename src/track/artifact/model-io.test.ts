import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadFrame } from '../../data/load.js';
import { trainModel } from '../../train/train-model.js';
import { loadModel, saveModel } from './model-io.js';

const penguinsPath = fileURLToPath(new URL('../../../datasets/penguins.csv', import.meta.url));

describe('saveModel / loadModel', () => {
  it('round-trips a trained pipeline: identical predictions, info and profile', async () => {
    const penguins = await loadFrame(penguinsPath);
    const { model } = trainModel(penguins, { target: 'species', name: 'penguins' });
    const dir = join(await mkdtemp(join(tmpdir(), 'cairn-model-')), 'penguins');
    await saveModel(model, dir);
    const back = await loadModel(dir);
    expect(back.info).toEqual(model.info);
    const a = model.predict(penguins);
    const b = back.predict(penguins);
    expect(b.labels).toEqual(a.labels);
    expect(Array.from(b.proba!.data)).toEqual(Array.from(a.proba!.data));
    expect(back.profile).toEqual(model.profile);
  });

  it('names the directory when the model document is not a Cairn model', async () => {
    const penguins = await loadFrame(penguinsPath);
    const { model } = trainModel(penguins, { target: 'species' });
    const dir = join(await mkdtemp(join(tmpdir(), 'cairn-model-')), 'm');
    await saveModel(model, dir);
    // a consistent manifest over a document of the wrong shape: refused, not crashed on
    const manifestPath = join(dir, 'manifest.json');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
    const body = '{"formatVersion":1,"info":null}';
    await writeFile(join(dir, 'cairn-model.json'), body);
    const { createHash } = await import('node:crypto');
    manifest.files['cairn-model.json'] = {
      sha256: createHash('sha256').update(body).digest('hex'),
      bytes: body.length,
    };
    await writeFile(manifestPath, JSON.stringify(manifest));
    await expect(loadModel(dir)).rejects.toThrow(/lacks "info" or "pipeline": not a Cairn model/);
  });
});

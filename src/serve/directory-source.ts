import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError } from '../util/errors.js';
import type { ModelSource } from './model-source.js';

/** Model directories only: the URI is a path; nothing ever moves. */
export const directorySource: ModelSource = {
  async resolve(uri) {
    const path = resolve(uri);
    if (!existsSync(path))
      throw new InputError('model_not_found', `${uri}: no such model directory`, { file: uri });
    return { uri, path, movable: false };
  },
};

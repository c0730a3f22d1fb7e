import { readFile } from 'node:fs/promises';
import { InputError } from '../util/errors.js';
import { parseSpec } from './parse.js';
import type { Spec } from './types.js';

/**
 * Read and parse a cairn.yaml. The path is kept as given, so errors read `cairn.yaml:7:9: ...`
 * and relative data paths stay relative to where the command runs. The one Node-only file of
 * src/spec: everything else also runs in the browser.
 */
export async function loadSpec(path: string): Promise<Spec> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file (run `cairn init <data>` to write one)'
        : code === 'EISDIR'
          ? 'is a folder, expected a cairn.yaml file'
          : `cannot be read (${code ?? (e as Error).message})`;
    throw new InputError('spec_unreadable', `${path}: ${why}`, { file: path });
  }
  // An editor's byte-order mark is not part of the YAML.
  return parseSpec(text.replace(/^\uFEFF/, ''), path);
}

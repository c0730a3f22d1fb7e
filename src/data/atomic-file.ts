import { randomBytes } from 'node:crypto';
import { type FileHandle, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../util/errors.js';

/** A hidden sibling of `path` (same directory, so the final rename is atomic on one filesystem). */
export function siblingTempPath(path: string, suffix = 'tmp'): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.${suffix}`);
}

/**
 * A file written under a temporary name and renamed over `path` on `commit`: readers see the old
 * file or the whole new one, never a part. `discard` removes the temporary file.
 */
export class AtomicFile {
  readonly tempPath: string;
  #handle: FileHandle | undefined;
  #created = false;
  #done = false;

  constructor(readonly path: string) {
    this.tempPath = siblingTempPath(path);
  }

  async #open(): Promise<FileHandle> {
    if (this.#done) throw new Error(`${this.path}: the writer is already closed`);
    if (!this.#handle) {
      try {
        this.#handle = await open(this.tempPath, this.#created ? 'a' : 'wx');
        this.#created = true;
      } catch (e) {
        throw new InputError(
          'unwritable_file',
          `${this.path}: cannot write here (${(e as NodeJS.ErrnoException).code ?? String(e)})`,
          { file: this.path },
        );
      }
    }
    return this.#handle;
  }

  async write(text: string): Promise<void> {
    const handle = await this.#open();
    await handle.write(text);
  }

  /** Creates the temporary file if nothing was written yet (an empty output is still an output). */
  async touch(): Promise<void> {
    if (!this.#created) await this.#open();
  }

  /** Closes the temporary file without renaming it (for a converter to read). */
  async closeHandle(): Promise<void> {
    await this.#handle?.close();
    this.#handle = undefined;
  }

  async commit(from: string = this.tempPath): Promise<void> {
    await this.touch();
    await this.closeHandle();
    this.#done = true;
    await rename(from, this.path);
    if (from !== this.tempPath) await rm(this.tempPath, { force: true });
  }

  async discard(): Promise<void> {
    this.#done = true;
    await this.closeHandle().catch(() => undefined);
    await rm(this.tempPath, { force: true });
  }
}

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/** A temp directory for one test file, removed after its tests; `file(name, text)` writes into it. */
export function tempFiles(): {
  dir: string;
  file(name: string, text: string | Uint8Array): string;
  path(name: string): string;
} {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-data-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return {
    dir,
    file(name, text) {
      const p = join(dir, name);
      writeFileSync(p, text);
      return p;
    },
    path: (name) => join(dir, name),
  };
}

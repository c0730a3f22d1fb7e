#!/usr/bin/env node
// The `cairn` command. In a source checkout it runs the TypeScript sources through tsx (a dev
// dependency), so what you edit is what runs; an installed package runs the compiled dist/.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const source = new URL('../src/cli/main.ts', import.meta.url);
const compiled = new URL('../dist/cli/main.js', import.meta.url);

async function load() {
  if (existsSync(fileURLToPath(source))) {
    try {
      const { register } = await import('tsx/esm/api');
      register();
      return await import(source.href);
    } catch (e) {
      if (e?.code !== 'ERR_MODULE_NOT_FOUND' || !existsSync(fileURLToPath(compiled))) throw e;
    }
  }
  return import(compiled.href);
}

const main = await load();
process.exitCode = await main.run(process.argv);

#!/usr/bin/env node
// The `cairn` command. In a source checkout it runs the TypeScript sources through tsx, so what
// you edit is what runs; an installed package runs the compiled dist/.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const source = new URL('../src/cli/main.ts', import.meta.url);
let main;
if (existsSync(fileURLToPath(source))) {
  const { register } = await import('tsx/esm/api');
  register();
  main = await import(source.href);
} else {
  main = await import(new URL('../dist/cli/main.js', import.meta.url).href);
}
process.exitCode = await main.run(process.argv);

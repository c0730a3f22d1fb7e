/** Runs the CLI in-process for tests: the exit code and everything it printed. */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { memoryIO } from '../io.js';
import { run } from '../main.js';

export const REPO = fileURLToPath(new URL('../../..', import.meta.url));
export const PENGUINS_CSV = join(REPO, 'datasets', 'penguins.csv');

export interface CliResult {
  readonly code: number;
  readonly out: string;
  readonly err: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever shape each command prints
  json(): any;
}

/** `cairn <args>` with `dir` as the working directory and these environment variables. */
export async function cairnWithEnv(
  dir: string,
  env: Record<string, string>,
  ...args: string[]
): Promise<CliResult> {
  const io = memoryIO(dir, env);
  const code = await run(['node', 'cairn', ...args], io);
  return { code, out: io.stdout, err: io.stderr, json: () => JSON.parse(io.stdout) };
}

/** `cairn <args>` with `dir` as the working directory. */
export function cairn(dir: string, ...args: string[]): Promise<CliResult> {
  return cairnWithEnv(dir, {}, ...args);
}

import type { Command } from '@commander-js/extra-typings';
import type { CliContext } from './main.js';

/** Every command registers itself on the program; one file per command. */
export type RegisterCommand = (
  program: Command,
  ctx: CliContext,
) => Command<unknown[], Record<string, unknown>>;

export const COMMANDS: RegisterCommand[] = [];

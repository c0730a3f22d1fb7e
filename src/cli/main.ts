import { Command, CommanderError } from '@commander-js/extra-typings';
import { CairnError, InputError } from '../util/errors.js';
import { CAIRN_VERSION } from '../version.js';
import { COMMANDS } from './commands.js';
import { type CliIO, processIO } from './io.js';

/** Exit codes: 0 success, 1 failure, 2 bad usage or bad input (3 is reserved for drift alarms). */
export const EXIT = { ok: 0, failure: 1, badInput: 2 } as const;

export interface CliContext {
  readonly io: CliIO;
  /** Set a non-zero code without throwing (for example a failed success criterion). */
  setExitCode(code: number): void;
}

export function buildProgram(ctx: CliContext): Command {
  const program = new Command()
    .name('cairn')
    .description(
      'Carry a machine-learning model through its whole life: data, training, evaluation, deployment, monitoring.',
    )
    .version(CAIRN_VERSION)
    .showHelpAfterError('(add --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => ctx.io.out(s), writeErr: (s) => ctx.io.err(s) });
  for (const register of COMMANDS) {
    const cmd = register(program, ctx);
    cmd.exitOverride();
    cmd.configureOutput({ writeOut: (s) => ctx.io.out(s), writeErr: (s) => ctx.io.err(s) });
    cmd.showHelpAfterError('(add --help for usage)');
  }
  return program;
}

/** Runs the CLI on argv (as process.argv: node, script, ...args) and returns the exit code. */
export async function run(argv: string[], io: CliIO = processIO): Promise<number> {
  let code: number = EXIT.ok;
  const ctx: CliContext = {
    io,
    setExitCode(c) {
      code = Math.max(code, c);
    },
  };
  const program = buildProgram(ctx);
  const wantsJSON = argv.includes('--json');
  try {
    if (argv.length <= 2) {
      io.out(program.helpInformation());
      return EXIT.ok;
    }
    await program.parseAsync(argv);
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (
        err.code === 'commander.helpDisplayed' ||
        err.code === 'commander.version' ||
        err.code === 'commander.help'
      )
        return EXIT.ok;
      return EXIT.badInput;
    }
    const exit = err instanceof InputError ? EXIT.badInput : EXIT.failure;
    if (wantsJSON && err instanceof CairnError) io.out(`${JSON.stringify({ error: err.toJSON() })}\n`);
    if (err instanceof CairnError) io.err(`cairn: error: ${err.message}\n`);
    else io.err(`cairn: internal error (this is a bug): ${(err as Error)?.stack ?? String(err)}\n`);
    return exit;
  }
}

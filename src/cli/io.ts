/** Where a command writes, so tests can run commands in-process and read what they print. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** Whether stderr is an interactive terminal (progress bars) or a log (plain lines). */
  readonly isTTY: boolean;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export const processIO: CliIO = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  get isTTY() {
    return Boolean(process.stderr.isTTY) && !process.env.CI;
  },
  get cwd() {
    return process.cwd();
  },
  env: process.env,
};

/** An IO that records everything, for tests. */
export function memoryIO(
  cwd: string,
  env: Record<string, string | undefined> = {},
): CliIO & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    out(t: string) {
      io.stdout += t;
    },
    err(t: string) {
      io.stderr += t;
    },
    isTTY: false,
    cwd,
    env,
  };
  return io;
}

/**
 * What the server tells its operator: startup, alias moves, signals, failed reloads and bugs.
 * Fastify's own logger stays off: with it on, Fastify sets up per-request listeners and a child
 * logger for every request, which costs the hot path more than the prediction does.
 */
export interface ServerLog {
  info(message: string): void;
  warn(message: string, err?: unknown): void;
  /** A bug: a 500 was answered. */
  error(message: string, err?: unknown): void;
}

export const silentLog: ServerLog = { info() {}, warn() {}, error() {} };

/** Plain lines (`cairn serve: warn: ...`, errors with their stack) to a write function. */
export function lineLog(write: (line: string) => void, prefix = 'cairn serve'): ServerLog {
  const line = (level: string, message: string, err?: unknown) => {
    const stack =
      err instanceof Error ? `\n${err.stack ?? err.message}` : err === undefined ? '' : `\n${String(err)}`;
    write(`${prefix}: ${level}: ${message}${stack}\n`);
  };
  return {
    info: (m) => line('info', m),
    warn: (m, e) => line('warn', m, e),
    error: (m, e) => line('error', m, e),
  };
}

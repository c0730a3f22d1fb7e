import cliProgress from 'cli-progress';
import type { OnEvent, TrainEvent } from '../util/events.js';
import type { CliIO } from './io.js';

/**
 * Turns training events into a progress bar on a terminal, or into a few plain lines in logs and
 * CI (one per tenth of a phase at most), always on stderr so --json output stays clean.
 */
/** In plain-line mode, phases of fewer steps than this are reported only when they end. */
const PLAIN_MIN_STEPS = 20;

export function progressReporter(io: CliIO, opts: { quiet?: boolean } = {}): OnEvent & { stop(): void } {
  let bar: cliProgress.SingleBar | null = null;
  let lastDecile = -1;
  const stop = () => {
    bar?.stop();
    bar = null;
  };
  const handler = (e: TrainEvent) => {
    if (opts.quiet) return;
    switch (e.type) {
      case 'start':
        stop();
        lastDecile = -1;
        if (io.isTTY && e.total) {
          bar = new cliProgress.SingleBar(
            {
              format: `${e.phase.padEnd(12)} {bar} {value}/{total} {info}`,
              stream: process.stderr,
              hideCursor: true,
            },
            cliProgress.Presets.shades_classic,
          );
          bar.start(e.total, 0, { info: '' });
        } else if (!io.isTTY && (e.total === undefined || e.total >= PLAIN_MIN_STEPS))
          io.err(`${e.phase}: started${e.total ? ` (${e.total} steps)` : ''}\n`);
        break;
      case 'step': {
        const info = formatMetrics(e.metrics);
        if (bar) {
          if (e.total) bar.setTotal(e.total);
          bar.update(e.step, { info });
        } else if (!io.isTTY && (e.total === undefined || e.total >= PLAIN_MIN_STEPS)) {
          const decile = e.total ? Math.floor((10 * e.step) / e.total) : Math.floor(Math.log2(e.step + 1));
          if (decile > lastDecile) {
            lastDecile = decile;
            io.err(`${e.phase}: step ${e.step}${e.total ? `/${e.total}` : ''}${info ? ` ${info}` : ''}\n`);
          }
        }
        break;
      }
      case 'end':
        stop();
        io.err(`${e.phase}: done${e.metrics ? ` ${formatMetrics(e.metrics)}` : ''}\n`);
        break;
      case 'warning':
        stop();
        io.err(`warning: ${e.message}\n`);
        break;
    }
  };
  return Object.assign(handler, { stop });
}

function formatMetrics(m: Record<string, number> | undefined): string {
  if (!m) return '';
  return Object.entries(m)
    .map(([k, v]) => `${k}=${formatNumber(v)}`)
    .join(' ');
}

export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (Number.isInteger(v) && Math.abs(v) < 1e15) return String(v);
  const a = Math.abs(v);
  return a !== 0 && (a < 1e-3 || a >= 1e6) ? v.toExponential(3) : v.toFixed(4);
}

/**
 * What `cairn monitor` compares with the reference: a window of the prediction log (by time, or
 * the latest N predictions), or the rows of a file.
 */
import { loadFrame } from '../data/index.js';
import type { CurrentData } from '../monitor/monitor-model.js';
import { openPredictionLogReader } from '../track/prediction-log/index.js';
import type { TrainedModel } from '../train/trained-model.js';
import { InputError } from '../util/errors.js';
import { fsPath, storeUri } from './common.js';
import type { CliIO } from './io.js';
import { signatureKinds } from './signature-kinds.js';

export interface LogWindow {
  /** The name the predictions were logged under (the registry name, else the model's). */
  readonly model: string;
  readonly since?: number;
  readonly until?: number;
  readonly last?: number;
  readonly store?: string;
}

export async function currentFromLog(
  io: CliIO,
  model: TrainedModel,
  w: LogWindow,
): Promise<CurrentData & { source: string }> {
  const uri = storeUri(io, w.store);
  const log = await openPredictionLogReader(uri, { cwd: io.cwd });
  try {
    const window = await log.reader.window({
      model: w.model,
      ...(w.since !== undefined ? { since: w.since } : {}),
      ...(w.until !== undefined ? { until: w.until } : {}),
      ...(w.last !== undefined ? { limit: w.last } : {}),
      features: model.info.features,
      ...(model.info.task === 'classification' ? { classes: model.classes } : {}),
    });
    if (window.rows === 0) {
      const bounds = [
        w.since !== undefined ? `since ${new Date(w.since).toISOString()}` : '',
        w.until !== undefined ? `until ${new Date(w.until).toISOString()}` : '',
      ]
        .filter(Boolean)
        .join(' ');
      throw new InputError(
        'empty_window',
        `no predictions of model '${w.model}' in the prediction log of ${uri}${bounds ? ` ${bounds}` : ''}: serve it (cairn serve) or score a file with cairn predict --log, or give --data <file>`,
        { field: 'since', model: w.model },
      );
    }
    return {
      inputs: window.inputs,
      predictions: window.predictions,
      ...(window.withFeedback > 0 ? { feedback: window.feedback } : {}),
      times: window.times,
      source: `prediction log (${uri})`,
    };
  } finally {
    await log.close();
  }
}

/**
 * The rows of a file, read with the model's signature kinds; its target column, when present, is
 * the ground truth, and `timeColumn` (dates or epoch ms) times the rows for metrics over time.
 */
export async function currentFromFile(
  io: CliIO,
  model: TrainedModel,
  file: string,
  timeColumn?: string,
): Promise<CurrentData & { source: string }> {
  const path = fsPath(io, file);
  const kinds = await signatureKinds(model, path, file, true);
  const frame = await loadFrame(path, { kinds });
  let times: Float64Array | undefined;
  if (timeColumn !== undefined) {
    if (!frame.has(timeColumn))
      throw new InputError('unknown_column', `${file}: no column '${timeColumn}' for --time-column`, {
        file,
        column: timeColumn,
        field: 'time-column',
      });
    const c = frame.column(timeColumn);
    if (c.kind !== 'datetime' && c.kind !== 'number')
      throw new InputError(
        'wrong_kind',
        `${file}: --time-column '${timeColumn}' holds ${c.kind} values, expected dates or epoch milliseconds`,
        { file, column: timeColumn, field: 'time-column' },
      );
    times = c.values;
  }
  const target = model.info.target;
  return {
    inputs: frame,
    ...(frame.has(target) ? { feedback: frame.column(target) } : {}),
    ...(times ? { times } : {}),
    source: file,
  };
}

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/**
 * A time flag: an ISO date or date-time (`2001-06-01`, `2001-06-01T12:00Z`), epoch milliseconds,
 * or a span back from now (`90m`, `24h`, `7d`, `2w`).
 */
export function parseTimeFlag(name: string, text: string | undefined, now: number): number | undefined {
  if (text === undefined) return undefined;
  const t = text.trim();
  const rel = /^(\d+)([smhdw])$/.exec(t);
  if (rel) return now - Number(rel[1]) * UNIT_MS[rel[2]];
  if (/^\d{10,}$/.test(t)) return Number(t);
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2} \d/.test(t) ? t.replace(' ', 'T') : t);
  if (t !== '' && Number.isFinite(ms)) return ms;
  throw new InputError(
    'bad_flag',
    `--${name} must be an ISO date or time (2001-06-01, 2001-06-01T12:00Z), epoch milliseconds, or a span back from now (24h, 7d), got '${text}'`,
    { field: name },
  );
}

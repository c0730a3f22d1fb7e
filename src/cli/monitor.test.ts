import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFrame, writeFrame } from '../data/index.js';
import { openPredictionLog } from '../track/prediction-log/index.js';
import { EXIT_DRIFT } from './monitor.js';
import { cairn } from './testing/run-cli.js';

const csv = fileURLToPath(new URL('../../datasets/flights-2001.csv', import.meta.url));

/** Flights of one month with derived numeric features; `part` picks rows by a hash of the flight. */
async function writeMonth(dir: string, file: string, month: number, part = 'true') {
  const frame = await loadFrame({
    sql: `select departure, hour(departure) + minute(departure) / 60 as dep_hour, isodow(departure) as weekday,
                 origin, destination, distance,
                 case when delay_minutes > 15 then 'late' else 'on_time' end as status
          from '${csv}' where month(departure) = ${month} and ${part}`,
  });
  await writeFrame(frame.drop(month === 1 && part.includes('< 3') ? ['departure'] : []), join(dir, file));
}

describe('cairn monitor', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cairn-monitor-'));
    // three quarters of January train, the fourth is held out (split by a hash of the flight)
    const quarter = (q: string) => `(hash(departure, origin, destination) % 4) ${q}`;
    await writeMonth(dir, 'jan-train.csv', 1, quarter('< 3'));
    await writeMonth(dir, 'jan-held.csv', 1, quarter('= 3'));
    await writeMonth(dir, 'june.csv', 6);
    const r = await cairn(
      dir,
      'train',
      '--data',
      'jan-train.csv',
      '--target',
      'status',
      '--out',
      'model',
      '--json',
    );
    expect(r.err).not.toMatch(/internal error/);
    expect(r.code, r.err).toBe(0);
  }, 120_000);

  it('exits 3 when June drifts past the thresholds, with a table and a report file', async () => {
    const r = await cairn(
      dir,
      'monitor',
      'model',
      '--data',
      'june.csv',
      '--threshold',
      '0.2',
      '--report',
      'june.html',
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(EXIT_DRIFT);
    expect(r.out).toMatch(/^feature\s+method\s+score\s+threshold\s+psi\s+drifted$/m);
    expect(r.out).toMatch(/^weekday\s+wasserstein\s+[\d.]+\s+0\.1000\s+[\d.]+\s+DRIFT$/m);
    expect(r.out).toMatch(/^\(prediction\)\s+jensenshannon/m);
    expect(r.out).toMatch(/DRIFT: dataset drift: 1 of 5 features drifted/);
    expect(r.out).toContain('report: june.html');
    const html = await readFile(join(dir, 'june.html'), 'utf8');
    expect(html.match(/<svg\b/g)?.length).toBe(6); // 5 features and the prediction (no times: no line)
    const snapshot = JSON.parse(await readFile(join(dir, 'june.json'), 'utf8'));
    expect(snapshot).toMatchObject({ format: 'cairn.monitor', window: { rows: 15000, source: 'june.csv' } });
    expect(snapshot.quality.overall.rows).toBe(15000);
  });

  it('takes the drift share from the spec, and the flag over the spec', async () => {
    await writeFile(
      join(dir, 'cairn.yaml'),
      'data:\n  train: jan-train.csv\ntarget: status\nmonitoring:\n  drift_threshold: 0.2\n',
    );
    const bySpec = await cairn(
      dir,
      'monitor',
      'model',
      '--data',
      'june.csv',
      '--spec',
      'cairn.yaml',
      '--no-report',
    );
    expect(bySpec.code, bySpec.err).toBe(EXIT_DRIFT);
    const byFlag = await cairn(
      dir,
      'monitor',
      'model',
      '--data',
      'june.csv',
      '--spec',
      'cairn.yaml',
      '--threshold',
      '0.5',
      '--no-report',
    );
    expect(byFlag.code).toBe(0);
    expect(byFlag.out).toContain('no drift beyond the thresholds');
  });

  it('exits 0 on held-out January, and writes its report under .cairn/reports by default', async () => {
    const r = await cairn(dir, 'monitor', 'model', '--data', 'jan-held.csv', '--json');
    expect(r.code, r.err).toBe(0);
    const s = r.json();
    expect(s.verdict).toEqual({ drifted: false, reasons: [] });
    expect(s.features.filter((f: { drifted: boolean }) => f.drifted)).toEqual([]);
    expect(s.report).toMatch(/\.cairn\/reports\/monitor-jan-train-\d{8}T\d{6}Z\.html$/);
    expect(existsSync(s.report)).toBe(true);
  });

  it('metrics over time from a time column, by the period asked', async () => {
    const r = await cairn(
      dir,
      'monitor',
      'model',
      '--data',
      'june.csv',
      '--time-column',
      'departure',
      '--period',
      'week',
      '--no-report',
      '--json',
    );
    expect(r.code).toBe(0);
    expect(r.json().quality.buckets.length).toBe(5);
    expect(r.json().report).toBeUndefined();
  });

  it('reads the prediction log: what cairn predict --log scored', async () => {
    const empty = await cairn(dir, 'monitor', 'model', '--since', '1h');
    expect(empty.code).toBe(2);
    expect(empty.err).toMatch(/no predictions of model 'jan-train' in the prediction log/);
    const p = await cairn(
      dir,
      'predict',
      'model',
      '--input',
      'june.csv',
      '--output',
      'p.csv',
      '--log',
      '--quiet',
    );
    expect(p.code, p.err).toBe(0);
    const r = await cairn(
      dir,
      'monitor',
      'model',
      '--since',
      '1h',
      '--last',
      '5000',
      '--no-report',
      '--json',
    );
    expect(r.code, r.err).toBe(0);
    expect(r.json().window).toMatchObject({ rows: 5000, withFeedback: 0 });
    expect(r.json().window.source).toMatch(/^prediction log/);
    expect(r.json().quality).toBeNull();
    // ground truth posted for the latest 100 predictions shows up as quality
    const log = await openPredictionLog(`sqlite:${join(dir, '.cairn', 'cairn.db')}`);
    try {
      const latest = await log.reader.query({ model: 'jan-train', order: 'newest', limit: 100 });
      for (const p of latest) await log.addFeedback(p.id, 'late');
    } finally {
      await log.close();
    }
    const q = await cairn(
      dir,
      'monitor',
      'model',
      '--since',
      '1h',
      '--last',
      '5000',
      '--no-report',
      '--json',
    );
    expect(q.code, q.err).toBe(0);
    expect(q.json().window.withFeedback).toBe(100);
    expect(q.json().quality.overall.rows).toBe(100);
    expect(q.json().quality.buckets).toHaveLength(1);
  });

  it('refuses bad input with exit 2, naming the problem', async () => {
    const cases: [string[], RegExp][] = [
      [['--data', 'june.csv', '--since', '1d'], /give one or the other/],
      [['--data', 'june.csv', '--method', 'magic'], /--method must be auto or one of ks/],
      [['--data', 'june.csv', '--method', 'ks'], /'ks' does not apply to categorical column 'origin'/],
      [['--data', 'june.csv', '--threshold', '1.5'], /--threshold must be a share > 0 and <= 1/],
      [['--since', 'yesterday-ish'], /--since must be an ISO date/],
      [['--since', '2001-06-02', '--until', '2001-06-01'], /--since .* must come before --until/],
      [['--data', 'nope.csv'], /nope\.csv/],
      [['--data', 'june.csv', '--report', 'r.txt'], /--report must name an \.html file/],
      [['--data', 'june.csv', '--period', 'fortnight'], /period must be hour, day, week/],
    ];
    for (const [args, message] of cases) {
      const r = await cairn(dir, 'monitor', 'model', ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err, args.join(' ')).toMatch(message);
    }
  });
});

import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cairn, PENGUINS_CSV, REPO } from './testing/run-cli.js';

const CARS_CSV = join(REPO, 'datasets', 'cars.csv');

describe('cairn profile', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cairn-profile-'));
    // orders: a label time, a shipping date after it in one row, a leaked copy of the target
    const lines = ['order_id,placed,decided,shipped,amount,approved_code,status'];
    for (let i = 0; i < 40; i++) {
      const approved = i % 3 !== 0;
      const day = String(1 + (i % 28)).padStart(2, '0');
      const shipped = i === 7 ? '2024-03-30' : `2024-02-${day}`;
      lines.push(
        `${i + 1},2024-01-${day},2024-02-${day},${shipped},${(i * 37) % 101}.5,${approved ? 'A' : 'D'},${approved ? 'approved' : 'declined'}`,
      );
    }
    await writeFile(join(dir, 'orders.csv'), `${lines.join('\n')}\n`);
    await writeFile(
      join(dir, 'orders-test.csv'),
      `${[lines[0], lines[3], lines[9], lines[1].replace('1,', '999,')].join('\n')}\n`,
    );
  });

  it('prints the columns and warnings and writes a report to .cairn/reports', async () => {
    const r = await cairn(dir, 'profile', PENGUINS_CSV, '--target', 'species');
    expect(r.err).not.toMatch(/error/);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/344 rows × 7 columns · target species \(classification\)/);
    expect(r.out).toMatch(/^column\s+kind\s+role\s+missing\s+distinct\s+distribution$/m);
    expect(r.out).toMatch(
      /^species\s+category\s+target\s+0\.0%\s+3\s+Adelie 44% · Gentoo 36% · Chinstrap 20%$/m,
    );
    expect(r.out).toMatch(/^body_mass_g\s+number\s+feature\s+0\.6%\s+94\s+\S{20} 2700 … 6300, mean 4202$/m);
    expect(r.out).toContain('no warnings');
    const reports = await readdir(join(dir, '.cairn', 'reports'));
    const page = reports.find((f) => /^profile-penguins-\d{8}T\d{6}Z\.html$/.test(f));
    expect(page, reports.join(', ')).toBeDefined();
    expect(r.out).toContain(`report: .cairn/reports/${page}`);
    const html = await readFile(join(dir, '.cairn', 'reports', page!), 'utf8');
    expect(html.match(/<section class="panel column"/g)).toHaveLength(7);
    expect(html).toContain('class="panel heatmap"');
  });

  it('prints JSON, and writes the report where asked', async () => {
    const r = await cairn(dir, 'profile', CARS_CSV, '--target', 'mpg', '--json', '--report', 'out/cars.html');
    expect(r.code, r.err).toBe(0);
    const p = r.json();
    expect(p).toMatchObject({ format: 'cairn.profile', rows: 406, report: 'out/cars.html' });
    expect(p.target.task).toBe('regression');
    expect(p.warnings.map((w: { code: string }) => w.code)).toEqual(['high_cardinality']);
    expect(existsSync(join(dir, 'out', 'cars.html'))).toBe(true);
  });

  it('warns about leakage, id columns, future timestamps and rows shared with the test file', async () => {
    const r = await cairn(
      dir,
      'profile',
      'orders.csv',
      '--target',
      'status',
      '--role',
      'decided=timestamp',
      '--test',
      'orders-test.csv',
      '--no-report',
      '--json',
    );
    expect(r.code, r.err).toBe(0);
    const p = r.json();
    const found = p.warnings.map(
      (w: { code: string; columns: string[] }) => `${w.code}:${w.columns.join('+')}`,
    );
    expect(found).toEqual(
      expect.arrayContaining([
        'leakage:approved_code',
        'future_timestamp:shipped+decided',
        'shared_rows:',
        'id_like:order_id',
      ]),
    );
    expect(p.test).toMatchObject({ rows: 3, shared: 2 });
    expect(p.report).toBeUndefined();
    expect(
      existsSync(join(dir, '.cairn', 'reports')) &&
        (await readdir(join(dir, '.cairn', 'reports'))).some((f) => f.includes('orders')),
    ).toBe(false);
  });

  it('summarizes at level summary', async () => {
    const r = await cairn(dir, 'profile', PENGUINS_CSV, '--level', 'summary', '--no-report');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/level 'summary'/);
    expect(r.out).toMatch(/^body_mass_g\s+number\s+feature\s+0\.6%\s+–\s+2700 … 6300, mean 4202$/m);
  });

  it('exits 2 on bad input, naming the file, column or flag', async () => {
    const cases: [string[], RegExp][] = [
      [['missing.csv'], /missing\.csv/],
      [[PENGUINS_CSV, '--target', 'wings'], /no column 'wings' for --target/],
      [[PENGUINS_CSV, '--role', 'island'], /--role must look like column=role/],
      [[PENGUINS_CSV, '--role', 'fins=id'], /no column 'fins' for --role/],
      [[PENGUINS_CSV, '--level', 'deep'], /--level must be 'full' or 'summary'/],
      [[PENGUINS_CSV, '--sample-rows', 'many'], /--sample-rows must be a whole number >= 2/],
      [[PENGUINS_CSV, '--report', 'report.txt'], /--report must name an \.html file/],
      [[PENGUINS_CSV, '--test', 'orders.csv', '--no-report'], /none of the profiled columns/],
    ];
    for (const [args, message] of cases) {
      const r = await cairn(dir, 'profile', ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err, args.join(' ')).toMatch(message);
      expect(r.err).not.toMatch(/internal error/);
    }
    const json = await cairn(dir, 'profile', PENGUINS_CSV, '--target', 'wings', '--json');
    expect(json.json().error).toMatchObject({
      code: 'unknown_column',
      details: { column: 'wings', field: 'target' },
    });
  });
});

import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFrame, writeFrame } from '../data/index.js';
import { cairn, PENGUINS_CSV, REPO } from './testing/run-cli.js';

/**
 * `cairn validate` and the validation policies of `cairn predict`, on real data: cars split by
 * model year (later cars run out of the training range), penguins with a column removed or
 * renamed, and penguins rows broken one way each.
 */
describe('cairn validate and predict --on-invalid', () => {
  let dir: string;
  const header = 'island,beak_length_mm,beak_depth_mm,flipper_length_mm,body_mass_g,sex';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cairn-validate-'));
    const cars = await loadFrame(join(REPO, 'datasets', 'cars.csv'));
    const years = cars.columnOf('year', 'datetime').values;
    const rowsWhere = (keep: (year: number) => boolean) =>
      Int32Array.from([...years.keys()].filter((i) => keep(new Date(years[i]).getUTCFullYear())));
    await writeFrame(cars.take(rowsWhere((y) => y < 1976)), join(dir, 'cars-early.csv'));
    await writeFrame(cars.take(rowsWhere((y) => y >= 1980)), join(dir, 'cars-late.csv'));
    await copyFile(PENGUINS_CSV, join(dir, 'penguins.csv'));
    const lines = (await readFile(PENGUINS_CSV, 'utf8')).trim().split('\n');
    // without species (what is scored has no label), sex dropped, or sex renamed
    const rows = lines.slice(1, 41).map((l) => l.split(',').slice(1));
    const csv = (head: string, body: string[][]) => `${head}\n${body.map((r) => r.join(',')).join('\n')}\n`;
    await writeFile(join(dir, 'clean.csv'), csv(header, rows));
    await writeFile(
      join(dir, 'no-sex.csv'),
      csv(
        header.replace(/,sex$/, ''),
        rows.map((r) => r.slice(0, 5)),
      ),
    );
    await writeFile(join(dir, 'renamed.csv'), csv(header.replace(/,sex$/, ',gender'), rows));
    // row 4: heavier than any training penguin; row 6: an island never seen
    const odd = rows.map((r, i) =>
      i === 3 ? [...r.slice(0, 4), '9000', r[5]] : i === 5 ? ['Atlantis', ...r.slice(1)] : r,
    );
    await writeFile(join(dir, 'odd.csv'), csv(header, odd));
    await writeFile(
      join(dir, 'clipped.csv'),
      csv(
        header,
        odd.map((r, i) => (i === 3 ? [...r.slice(0, 4), '6300', r[5]] : i === 5 ? ['', ...r.slice(1)] : r)),
      ),
    );
    // row 8: a flipper length that is not a number
    await writeFile(
      join(dir, 'typo.csv'),
      csv(
        header,
        rows.map((r, i) => (i === 7 ? [...r.slice(0, 3), 'abc', ...r.slice(4)] : r)),
      ),
    );
    await writeFile(
      join(dir, 'cairn.yaml'),
      'data:\n  train: penguins.csv\ntarget: species\nvalidation:\n  policy: reject\n',
    );
    const trained = await Promise.all([
      cairn(dir, 'train', '--data', 'cars-early.csv', '--target', 'origin', '--out', 'cars', '--quiet'),
      cairn(dir, 'train', '--data', 'penguins.csv', '--target', 'species', '--out', 'penguins', '--quiet'),
      cairn(dir, 'train', 'cairn.yaml', '--out', 'strict', '--quiet'),
    ]);
    for (const r of trained) expect(r.code, r.err).toBe(0);
  });

  it('validate: later cars run past the training range (warnings: exit 0), refused under reject (exit 2)', async () => {
    const r = await cairn(dir, 'validate', 'cars', '--data', 'cars-late.csv', '--json', '--quiet');
    expect(r.code, r.err).toBe(0);
    const report = r.json();
    expect(report).toMatchObject({ policy: 'warn', policyFrom: 'default', rows: 90, ok: true, errors: 0 });
    const mpg = report.findings.find((f: { column: string }) => f.column === 'mpg');
    expect(mpg).toMatchObject({
      kind: 'out_of_range',
      severity: 'warning',
      above: 27,
      below: 0,
      trainMax: 35,
    });
    expect(mpg.max).toBe(46.6);
    expect(mpg.message).toMatch(/^'mpg' at data row \d+ is [\d.]+, outside the training range 9 to 35/);
    const text = await cairn(dir, 'validate', 'cars', '--data', 'cars-late.csv', '--quiet');
    expect(text.out).toMatch(/cars-late\.csv: 90 rows, 0 errors, \d+ warnings under policy warn/);
    expect(text.out).toMatch(/warning +mpg +out_of_range +'mpg' at data row/);
    const strict = await cairn(
      dir,
      'validate',
      'cars',
      '--data',
      'cars-late.csv',
      '--on-invalid',
      'reject',
      '--quiet',
    );
    expect(strict.code).toBe(2);
    expect(strict.out).toMatch(/error +mpg +out_of_range/);
    expect(strict.out).toContain('the batch would be refused');
    const same = await cairn(dir, 'validate', 'cars', '--data', 'cars-early.csv', '--json', '--quiet');
    expect(same.json().findings.filter((f: { kind: string }) => f.kind !== 'extra_column')).toEqual([]);
  });

  it('validate: a removed or renamed column is an error under every policy', async () => {
    for (const policy of ['reject', 'warn', 'coerce']) {
      const r = await cairn(
        dir,
        'validate',
        'penguins',
        '--data',
        'no-sex.csv',
        '--on-invalid',
        policy,
        '--json',
        '--quiet',
      );
      expect(r.code).toBe(2);
      expect(r.json().findings).toEqual([
        expect.objectContaining({
          kind: 'missing_column',
          column: 'sex',
          severity: 'error',
          expected: 'category',
        }),
      ]);
    }
    const renamed = await cairn(dir, 'validate', 'penguins', '--data', 'renamed.csv', '--json', '--quiet');
    expect(renamed.code).toBe(2);
    expect(
      renamed.json().findings.map((f: { kind: string; column: string }) => `${f.kind} ${f.column}`),
    ).toEqual(['missing_column sex', 'extra_column gender']);
    const clean = await cairn(dir, 'validate', 'penguins', '--data', 'clean.csv', '--quiet');
    expect(clean.code).toBe(0);
    expect(clean.out).toContain('the batch is like the training data');
  });

  it('predict: reject refuses with exit 2 naming the column and first row, and writes nothing', async () => {
    const r = await cairn(
      dir,
      'predict',
      'penguins',
      '--input',
      'odd.csv',
      '--output',
      'odd-reject.csv',
      '--on-invalid',
      'reject',
      '--quiet',
    );
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /cairn: error: odd\.csv: 'body_mass_g' at data row 4 is 9000, outside the training range 2700 to 6300; and 1 more problem \('island'\)/,
    );
    expect(r.err).toContain('  error: \'island\' at data row 6 is "Atlantis"');
    expect(existsSync(join(dir, 'odd-reject.csv'))).toBe(false);
    const missing = await cairn(
      dir,
      'predict',
      'penguins',
      '--input',
      'no-sex.csv',
      '--output',
      'x.csv',
      '--quiet',
    );
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/no-sex\.csv: column 'sex' is missing: the model needs it \(category\)/);
  });

  it('predict: warn scores and reports on stderr and in --json; a value that does not convert is still refused', async () => {
    const r = await cairn(
      dir,
      'predict',
      'penguins',
      '--input',
      'odd.csv',
      '--output',
      'odd-warn.csv',
      '--json',
      '--quiet',
    );
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/cairn predict: 0 errors, 2 warnings \(validation policy warn\)/);
    expect(r.err).toContain("warning: 'body_mass_g' at data row 4 is 9000");
    expect(
      r
        .json()
        .validation.findings.map((f: { kind: string }) => f.kind)
        .sort(),
    ).toEqual(['new_category', 'out_of_range']);
    const typo = await cairn(
      dir,
      'predict',
      'penguins',
      '--input',
      'typo.csv',
      '--output',
      'typo.csv.out.csv',
      '--quiet',
    );
    expect(typo.code).toBe(2);
    expect(typo.err).toMatch(
      /typo\.csv: 'flipper_length_mm' at data row 8 must be a number, got "abc" \(--on-invalid coerce/,
    );
  });

  it('predict: coerce clips, sets new categories and bad values to missing, and keeps the input as it was', async () => {
    const r = await cairn(
      dir,
      'predict',
      'penguins',
      '--input',
      'odd.csv',
      '--output',
      'odd-coerce.csv',
      '--on-invalid',
      'coerce',
      '--quiet',
    );
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('9000, outside the training range 2700 to 6300; clipped to the range');
    expect(r.err).toContain('"Atlantis", a category not seen in training; set to missing');
    // the same rows with the value clipped and the island left empty, by hand
    const ref = await cairn(
      dir,
      'predict',
      'penguins',
      '--input',
      'clipped.csv',
      '--output',
      'clipped-out.csv',
      '--quiet',
    );
    expect(ref.code, ref.err).toBe(0);
    const coerced = await loadFrame(join(dir, 'odd-coerce.csv'));
    const expected = await loadFrame(join(dir, 'clipped-out.csv'));
    for (const c of ['proba_Adelie', 'proba_Chinstrap', 'proba_Gentoo'])
      expect(coerced.column(c).values).toEqual(expected.column(c).values);
    expect(coerced.cell('body_mass_g', 3)).toBe(9000);
    expect(coerced.cell('island', 5)).toBe('Atlantis');
    const typo = await cairn(
      dir,
      'predict',
      'penguins',
      '--input',
      'typo.csv',
      '--output',
      'typo-out.csv',
      '--on-invalid',
      'coerce',
      '--json',
      '--quiet',
    );
    expect(typo.code, typo.err).toBe(0);
    expect(typo.json().validation.findings[0]).toMatchObject({
      kind: 'type_change',
      column: 'flipper_length_mm',
      unconvertible: 1,
      setMissing: 1,
      examples: [{ row: 7, value: 'abc' }],
    });
  });

  it("the spec's validation.policy is recorded at training and is the model's default; the flag wins", async () => {
    const strict = await cairn(
      dir,
      'predict',
      'strict',
      '--input',
      'odd.csv',
      '--output',
      's.csv',
      '--quiet',
    );
    expect(strict.code).toBe(2);
    expect(strict.err).toContain('--on-invalid warn scores values that convert');
    const flagged = await cairn(
      dir,
      'predict',
      'strict',
      '--input',
      'odd.csv',
      '--output',
      's.csv',
      '--on-invalid',
      'warn',
      '--quiet',
    );
    expect(flagged.code, flagged.err).toBe(0);
    const report = await cairn(dir, 'validate', 'strict', '--data', 'odd.csv', '--json', '--quiet');
    expect(report.json()).toMatchObject({ policy: 'reject', policyFrom: 'model', errors: 2 });
    const bad = await cairn(dir, 'validate', 'strict', '--data', 'odd.csv', '--on-invalid', 'lenient');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("--on-invalid must be one of reject, warn, coerce, got 'lenient'");
  });
});

import { describe, expect, it } from 'vitest';
import type { Frame } from './frame.js';
import { loadFrame } from './load.js';
import { tempFiles } from './test-files.js';

const tmp = tempFiles();
const kinds = (f: Frame) => Object.fromEntries([...f.columns()].map(([n, c]) => [n, c.kind]));

describe('loadFrame on the shipped datasets', () => {
  it('penguins: categoricals as sorted codes, empty fields missing', async () => {
    const f = await loadFrame('datasets/penguins.csv');
    expect(f.nRows).toBe(344);
    expect(kinds(f)).toEqual({
      species: 'category',
      island: 'category',
      beak_length_mm: 'number',
      beak_depth_mm: 'number',
      flipper_length_mm: 'number',
      body_mass_g: 'number',
      sex: 'category',
    });
    const species = f.columnOf('species', 'category');
    expect(species.categories).toEqual(['Adelie', 'Chinstrap', 'Gentoo']);
    expect(species.values).toBeInstanceOf(Int32Array);
    expect(f.toRecords(0, 1)[0]).toEqual({
      species: 'Adelie',
      island: 'Torgersen',
      beak_length_mm: 39.1,
      beak_depth_mm: 18.7,
      flipper_length_mm: 181,
      body_mass_g: 3750,
      sex: 'MALE',
    });
    // Row 4 (line 5) is all empty but species and island.
    expect(f.cell('beak_length_mm', 3)).toBeNull();
    expect(f.cell('sex', 3)).toBeNull();
    const beak = f.columnOf('beak_length_mm', 'number').values;
    expect(beak.filter(Number.isNaN).length).toBe(2);
    // The file's one '.' in sex is a label unless nullValues says otherwise.
    expect(f.columnOf('sex', 'category').categories).toEqual(['.', 'FEMALE', 'MALE']);
    const cleaned = await loadFrame('datasets/penguins.csv', { nullValues: ['', '.'] });
    expect(cleaned.columnOf('sex', 'category').categories).toEqual(['FEMALE', 'MALE']);
  });

  it('cars: a text name, a date, missing numbers', async () => {
    const f = await loadFrame('datasets/cars.csv');
    expect(f.nRows).toBe(406);
    expect(kinds(f)).toMatchObject({ name: 'text', mpg: 'number', year: 'datetime', origin: 'category' });
    expect(f.cell('name', 0)).toBe('chevrolet chevelle malibu');
    expect(f.columnOf('year', 'datetime').values[0]).toBe(Date.UTC(1970, 0, 1));
    expect(f.columnOf('mpg', 'number').values.filter(Number.isNaN).length).toBe(8);
    expect(f.columnOf('horsepower', 'number').values.filter(Number.isNaN).length).toBe(6);
    expect(f.columnOf('origin', 'category').categories).toEqual(['Europe', 'Japan', 'USA']);
  });

  it('flights: a datetime with minutes, airports as categories', async () => {
    const f = await loadFrame('datasets/flights-2001.csv');
    expect(f.nRows).toBe(90006);
    expect(kinds(f)).toEqual({
      departure: 'datetime',
      origin: 'category',
      destination: 'category',
      distance: 'number',
      delay_minutes: 'number',
    });
    const dep = f.columnOf('departure', 'datetime').values;
    expect(dep[0]).toBe(Date.UTC(2001, 0, 1, 0, 1));
    expect(dep[1]).toBe(Date.UTC(2001, 0, 1, 0, 2));
    expect(f.cell('origin', 0)).toBe('RIC');
    expect(f.cell('destination', 1)).toBe('LAX');
    // Codes follow sorted categories, as col.category makes them.
    const origin = f.columnOf('origin', 'category');
    expect([...origin.categories]).toEqual([...origin.categories].sort());
  });

  it('seattle-weather: a date column', async () => {
    const f = await loadFrame('datasets/seattle-weather.csv');
    expect(f.nRows).toBe(1461);
    expect(f.cell('date', 0)).toBe('2012-01-01T00:00:00.000Z');
    expect(f.columnOf('weather', 'category').categories).toEqual(['drizzle', 'fog', 'rain', 'snow', 'sun']);
  });
});

describe('loadFrame options', () => {
  it('columns selects and orders; limit caps rows', async () => {
    const f = await loadFrame('datasets/iris.csv', { columns: ['target', 'petal width (cm)'], limit: 5 });
    expect(f.names).toEqual(['target', 'petal width (cm)']);
    expect(f.nRows).toBe(5);
    expect(Array.from(f.columnOf('petal width (cm)', 'number').values)).toEqual([0.2, 0.2, 0.2, 0.2, 0.2]);
    const none = await loadFrame('datasets/penguins.csv', { limit: 0 });
    expect(none.nRows).toBe(0);
    expect(none.names).toHaveLength(7);
  });

  it('kinds override inference: numbers as categories, strings as text', async () => {
    const f = await loadFrame('datasets/cars.csv', { kinds: { cylinders: 'category', origin: 'text' } });
    const cyl = f.columnOf('cylinders', 'category');
    expect(cyl.categories).toEqual(['3', '4', '5', '6', '8']);
    expect(f.cell('cylinders', 0)).toBe('8');
    expect(f.columnOf('origin', 'text').values[0]).toBe('USA');
  });

  it('reads TSV by extension, a delimiter and a headerless file', async () => {
    const tsv = tmp.file('a.tsv', 'x\ty\n1\tp\n2\tq\n');
    expect((await loadFrame(tsv)).toRecords()).toEqual([
      { x: 1, y: 'p' },
      { x: 2, y: 'q' },
    ]);
    const semi = tmp.file('semi.csv', 'x;y\n1,5;p\n2,5;q\n');
    const f = await loadFrame(semi, { delimiter: ';' });
    expect(f.cell('x', 0)).toBe('1,5');
    const bare = tmp.file('bare.csv', '1,a\n2,b\n3,a\n');
    const g = await loadFrame(bare, { header: false });
    expect(g.names).toEqual(['column0', 'column1']);
    expect(g.nRows).toBe(3);
  });

  it('format overrides the extension', async () => {
    const p = tmp.file('data.txt', '{"a":1}\n{"a":2}\n');
    expect(Array.from((await loadFrame(p, { format: 'ndjson' })).columnOf('a', 'number').values)).toEqual([
      1, 2,
    ]);
  });

  it('default null values; quoted fields stay values', async () => {
    const p = tmp.file('nulls.csv', 'a,b\nNA,x\n?,"NA"\nNone,""\n3,\n');
    const f = await loadFrame(p, { kinds: { b: 'text' } });
    expect(Array.from(f.columnOf('a', 'number').values).map((v) => (Number.isNaN(v) ? null : v))).toEqual([
      null,
      null,
      null,
      3,
    ]);
    expect(f.columnOf('b', 'text').values).toEqual(['x', 'NA', '', null]);
  });

  it('booleans: DuckDB BOOLEAN and true/false strings in JSON', async () => {
    const csv = tmp.file('b.csv', 'flag,n\ntrue,1\nfalse,2\n,3\n');
    expect(Array.from((await loadFrame(csv)).columnOf('flag', 'boolean').values)).toEqual([1, 0, -1]);
    const json = tmp.file('b.json', '[{"s":"True"},{"s":"false"},{"s":null}]');
    expect(Array.from((await loadFrame(json)).columnOf('s', 'boolean').values)).toEqual([1, 0, -1]);
    const yes = tmp.file('yes.csv', 'ok\nyes\nno\nY\n');
    expect(
      Array.from((await loadFrame(yes, { kinds: { ok: 'boolean' } })).columnOf('ok', 'boolean').values),
    ).toEqual([1, 0, 1]);
  });

  it('ISO strings in JSON become datetimes in epoch ms UTC, offsets honoured', async () => {
    const p = tmp.file(
      'ts.json',
      JSON.stringify([
        { t: '2020-01-02' },
        { t: '2020-01-02T03:04:05.678Z' },
        { t: '2020-01-02T05:00:00+02:00' },
      ]),
    );
    const f = await loadFrame(p);
    expect(Array.from(f.columnOf('t', 'datetime').values)).toEqual([
      Date.UTC(2020, 0, 2),
      Date.UTC(2020, 0, 2, 3, 4, 5, 678),
      Date.UTC(2020, 0, 2, 3),
    ]);
  });

  it('JSON and NDJSON records, nulls and mixed types', async () => {
    const json = tmp.file('r.json', '[{"a":1,"b":"x","c":null},{"a":2.5,"b":null,"c":null}]');
    const f = await loadFrame(json);
    expect(kinds(f)).toEqual({ a: 'number', b: 'category', c: 'number' });
    expect(f.toRecords()).toEqual([
      { a: 1, b: 'x', c: null },
      { a: 2.5, b: null, c: null },
    ]);
    const nd = tmp.file('r.jsonl', '{"a":1,"b":"x"}\n{"a":"two","b":"y"}\n');
    const g = await loadFrame(nd);
    expect(g.cell('a', 1)).toBe('two');
  });

  it('a SQL query over files, joins and filters included', async () => {
    const f = await loadFrame({
      sql: "select species, avg(body_mass_g) as mass from 'datasets/penguins.csv' group by species order by species",
    });
    expect(f.names).toEqual(['species', 'mass']);
    expect(f.toRecords().map((r) => r.species)).toEqual(['Adelie', 'Chinstrap', 'Gentoo']);
    const none = await loadFrame({ sql: "select * from 'datasets/iris.csv' where target > 10;" });
    expect(none.nRows).toBe(0);
    expect(none.names).toHaveLength(5);
  });

  it('a number column with a word after the sniffed sample loads as strings, like pandas', async () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => `${i},x`).join('\n');
    const p = tmp.file('late.csv', `a,b\n${rows}\nabc,y\n`);
    const f = await loadFrame(p);
    expect(f.nRows).toBe(30_001);
    expect(f.column('a').kind).toBe('text');
    expect(f.cell('a', 30_000)).toBe('abc');
  });

  it('column names with quotes, spaces and dots survive', async () => {
    const p = tmp.file('names.csv', '"a ""b""",c.d,é\n1,2,3\n');
    expect((await loadFrame(p)).names).toEqual(['a "b"', 'c.d', 'é']);
  });

  it('an all-missing column is a number column of NaN', async () => {
    const p = tmp.file('allna.csv', 'a,b\n1,\n2,\n');
    const f = await loadFrame(p);
    expect(f.column('b').kind).toBe('number');
    expect(Array.from(f.columnOf('b', 'number').values).every(Number.isNaN)).toBe(true);
  });
});

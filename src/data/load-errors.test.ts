import { describe, expect, it } from 'vitest';
import { InputError } from '../util/errors.js';
import { col, Frame } from './frame.js';
import { writeFrame } from './frame-writer.js';
import { loadFrame } from './load.js';
import type { LoadOptions } from './load-options.js';
import type { FrameSource } from './source-sql.js';
import { tempFiles } from './test-files.js';

const tmp = tempFiles();

/** The InputError that loading gives, checked to be one. */
async function failure(source: FrameSource, options?: LoadOptions): Promise<InputError> {
  try {
    await loadFrame(source, options);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('expected loadFrame to fail');
}

describe('loadFrame errors name the file, and the line or column where known', () => {
  it('missing file', async () => {
    const p = tmp.path('nope.csv');
    const e = await failure(p);
    expect(e.code).toBe('file_not_found');
    expect(e.message).toContain(p);
    expect(e.details.file).toBe(p);
  });

  it('empty file (0 bytes)', async () => {
    const p = tmp.file('empty.csv', '');
    const e = await failure(p);
    expect(e.code).toBe('empty_file');
    expect(e.details.file).toBe(p);
  });

  it('a header with no rows, and an empty JSON array', async () => {
    const csv = tmp.file('header.csv', 'a,b,c\n');
    const e = await failure(csv);
    expect(e.code).toBe('no_rows');
    expect(e.message).toContain(csv);
    const json = tmp.file('none.json', '[]');
    expect((await failure(json)).code).toBe('no_rows');
    const object = tmp.file('object.json', '{"a": 1}');
    const o = await failure(object);
    expect(o.code).toBe('unreadable_json');
    expect(o.message).toBe(
      `${object}: not readable as a JSON array of records (Expected top-level JSON array with format='array', but first character is '{')`,
    );
  });

  it('ragged rows in a small file (DuckDB cannot sniff it): the line from our own scan', async () => {
    const p = tmp.file('ragged.csv', 'a,b,c\n1,2,3\n"x,y",5\n6,7,8\n');
    const e = await failure(p);
    expect(e.code).toBe('ragged_row');
    expect(e.details).toMatchObject({ file: p, line: 3, expected: 3, found: 2 });
    expect(e.message).toContain(`${p}:3`);
  });

  it('ragged rows in a large file: the line DuckDB reports', async () => {
    const body = Array.from({ length: 30_000 }, (_, i) => `${i},x,1`).join('\n');
    const p = tmp.file('ragged-big.csv', `a,b,c\n${body}\n1,2,3,4\n`);
    const e = await failure(p);
    expect(e.code).toBe('ragged_row');
    expect(e.details).toMatchObject({ file: p, line: 30_002 });
  });

  it('garbled Parquet', async () => {
    const p = tmp.file('bad.parquet', 'PAR1 this is not parquet at all PAR1');
    const e = await failure(p);
    expect(e.code).toBe('unreadable_parquet');
    expect(e.message).toContain(p);
  });

  it('truncated Parquet', async () => {
    const good = tmp.path('good.parquet');
    await writeFrame(new Frame({ a: col.number([1, 2, 3]) }), good);
    const { readFileSync } = await import('node:fs');
    const bytes = readFileSync(good);
    const p = tmp.file('cut.parquet', bytes.subarray(0, bytes.length - 20));
    const e = await failure(p);
    expect(e.code).toBe('unreadable_parquet');
    expect(e.details.file).toBe(p);
  });

  it('garbled JSON, and NDJSON with its line', async () => {
    const json = tmp.file('bad.json', '[{"a": 1}, {"a": ');
    const e = await failure(json);
    expect(e.code).toBe('unreadable_json');
    expect(e.message).toContain(json);
    const nd = tmp.file('bad.ndjson', '{"a": 1}\n{"a": 2\n{"a": 3}\n');
    const f = await failure(nd);
    expect(f.code).toBe('unreadable_json');
    expect(f.details.line).toBe(3);
    expect(f.message).toContain(`${nd}:3`);
  });

  it('unknown column in columns or kinds, listing the columns there are', async () => {
    const e = await failure('datasets/iris.csv', { columns: ['target', 'petal_width'] });
    expect(e.code).toBe('unknown_column');
    expect(e.details).toMatchObject({ column: 'petal_width', field: 'columns', file: 'datasets/iris.csv' });
    expect(e.message).toContain('petal width (cm)');
    const k = await failure('datasets/iris.csv', { kinds: { species: 'category' } });
    expect(k.details).toMatchObject({ column: 'species', field: 'kinds' });
  });

  it('SQL syntax errors and unknown tables in a query', async () => {
    const e = await failure({ sql: "selec * from 'datasets/iris.csv'" });
    expect(e.code).toBe('sql_syntax');
    expect(e.message).toContain('syntax error at or near "selec"');
    expect(e.message).not.toContain('DESCRIBE');
    expect(e.details.field).toBe('sql');
    const two = await failure({ sql: 'select 1; select 2' });
    expect(two.message).toContain('one SELECT statement');
    const f = await failure({ sql: 'select * from no_such_table' });
    expect(f.code).toBe('sql_error');
    expect(f.message).toContain('no_such_table');
    const g = await failure({ sql: "select * from 'datasets/missing.csv'" });
    expect(g.code).toBe('file_not_found');
  });

  it('a number override on a column with words: the value and its line (CSV)', async () => {
    const p = tmp.file('words.csv', 'a,b\n1,x\n2,y\nthree,z\n');
    const e = await failure(p, { kinds: { a: 'number' } });
    expect(e.code).toBe('bad_value');
    expect(e.details).toMatchObject({ file: p, line: 4, column: 'a', value: 'three' });
    expect(e.message).toContain(`${p}:4`);
    expect(e.message).toBe(`${p}:4: column 'a': "three" is not a number`);
  });

  it('a number override on JSON strings: the value and its row; NDJSON: its line', async () => {
    const json = tmp.file('words.json', '[{"a":"1"},{"a":"x2"}]');
    const e = await failure(json, { kinds: { a: 'number' } });
    expect(e.details).toMatchObject({ file: json, row: 1, column: 'a', value: 'x2' });
    const nd = tmp.file('words.ndjson', '{"a":"2020-01-01"}\n{"a":"soon"}\n');
    const f = await failure(nd, { kinds: { a: 'datetime' } });
    expect(f.details).toMatchObject({ file: nd, line: 2, column: 'a', value: 'soon' });
  });

  it('a datetime override on numbers cannot be honoured; on words, the line of the first', async () => {
    const e = await failure('datasets/iris.csv', { kinds: { target: 'datetime' } });
    expect(e.code).toBe('kind_override');
    expect(e.details.column).toBe('target');
    const words = tmp.file('when.csv', 'when,n\n2020-01-01,1\n2020-01-02 10:00,2\nlater,3\n');
    const w = await failure(words, { kinds: { when: 'datetime' } });
    expect(w.code).toBe('bad_value');
    expect(w.details).toMatchObject({ file: words, line: 4, column: 'when', value: 'later' });
    const json = tmp.file('n.json', '[{"a":1}]');
    const f = await failure(json, { kinds: { a: 'datetime' } });
    expect(f.code).toBe('kind_override');
    expect(f.details.column).toBe('a');
  });

  it('bad options', async () => {
    expect((await failure('datasets/iris.csv', { limit: -1 })).details.field).toBe('limit');
    expect((await failure('datasets/iris.csv', { delimiter: '' })).details.field).toBe('delimiter');
    expect((await failure('datasets/iris.csv', { columns: [] })).details.field).toBe('columns');
    expect(
      (await failure('datasets/iris.csv', { kinds: { target: 'integer' as never } })).details.field,
    ).toBe('kinds.target');
    expect((await failure(tmp.file('x.xlsx', 'zz'))).code).toBe('unknown_format');
  });
});

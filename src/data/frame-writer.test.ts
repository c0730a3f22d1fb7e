import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../util/errors.js';
import { col, Frame } from './frame.js';
import { openFrameWriter, writeFrame } from './frame-writer.js';
import { loadFrame } from './load.js';
import type { DataFormat } from './load-options.js';
import { tempFiles } from './test-files.js';

const tmp = tempFiles();

/** Every kind, with missing values and the strings that CSV writers get wrong. */
function awkwardFrame(): Frame {
  return new Frame({
    x: col.number([1.5, null, -0.1, 1e-300, 123456789012345]),
    label: col.category(['a', 'b,c', null, 'a', 'say "hi"']),
    ok: col.boolean([true, false, null, true, false]),
    when: col.datetime([
      '2020-01-02T03:04:05.678Z',
      null,
      '1969-12-31T23:59:59.000Z',
      '2001-01-01',
      '2038-01-19T03:14:08Z',
    ]),
    note: col.text(['line\nbreak', '', 'NA', null, 'plain']),
  });
}

const KINDS = { x: 'number', label: 'category', ok: 'boolean', when: 'datetime', note: 'text' } as const;

function expectSameFrame(back: Frame, want: Frame): void {
  expect(back.names).toEqual(want.names);
  expect(back.nRows).toBe(want.nRows);
  expect(back.toRecords()).toEqual(want.toRecords());
}

describe('openFrameWriter / writeFrame round trips', () => {
  for (const format of ['csv', 'tsv', 'json', 'ndjson', 'parquet'] as DataFormat[]) {
    it(`${format}: write then loadFrame gives the same values`, async () => {
      const want = awkwardFrame();
      const path = tmp.path(`round.${format}`);
      await writeFrame(want, path);
      // Kinds are given for the text formats: five rows are too few for inference to tell text from category.
      const back = await loadFrame(path, format === 'parquet' ? {} : { kinds: KINDS });
      expectSameFrame(back, want);
      if (format === 'parquet') expect(back.column('note').kind).toBe('text');
    });
  }

  it('streams several frames, with their own categories, into one file', async () => {
    const path = tmp.path('many.parquet');
    const w = openFrameWriter(path);
    await w.write(new Frame({ c: col.category(['x', 'y']), n: col.number([1, 2]) }));
    await w.write(new Frame({ c: col.category(['z', null], ['z']), n: col.number([3, 4]) }));
    expect(existsSync(path)).toBe(false);
    await w.close();
    expect(w.rows).toBe(4);
    const back = await loadFrame(path);
    expect(back.toRecords()).toEqual([
      { c: 'x', n: 1 },
      { c: 'y', n: 2 },
      { c: 'z', n: 3 },
      { c: null, n: 4 },
    ]);
    expect(back.columnOf('c', 'category').categories).toEqual(['x', 'y', 'z']);
  });

  it('a JSON file is one array; NDJSON one record per line', async () => {
    const f = new Frame({ a: col.number([1, Number.NaN]), b: col.category(['p', 'q']) });
    const json = tmp.path('out.json');
    const w = openFrameWriter(json);
    await w.write(f);
    await w.write(f);
    await w.close();
    expect(JSON.parse(readFileSync(json, 'utf8'))).toEqual([
      { a: 1, b: 'p' },
      { a: null, b: 'q' },
      { a: 1, b: 'p' },
      { a: null, b: 'q' },
    ]);
    const nd = tmp.path('out.ndjson');
    await writeFrame(f, nd);
    expect(readFileSync(nd, 'utf8')).toBe('{"a":1,"b":"p"}\n{"a":null,"b":"q"}\n');
    const empty = tmp.path('empty.json');
    await openFrameWriter(empty).close();
    expect(JSON.parse(readFileSync(empty, 'utf8'))).toEqual([]);
  });
});

describe('atomic writes', () => {
  const leftovers = (dir: string) => readdirSync(dir).filter((n) => n.startsWith('.'));

  it('nothing appears before close; abort leaves no file and no temp file', async () => {
    const dir = join(tmp.dir, 'abort');
    (await import('node:fs')).mkdirSync(dir);
    for (const format of ['csv', 'parquet'] as const) {
      const path = join(dir, `out.${format}`);
      const w = openFrameWriter(path);
      await w.write(awkwardFrame());
      expect(existsSync(path)).toBe(false);
      expect(leftovers(dir)).toHaveLength(1);
      await w.abort();
      expect(existsSync(path)).toBe(false);
      expect(leftovers(dir)).toEqual([]);
    }
  });

  it('an existing file stays whole until close replaces it', async () => {
    const path = tmp.file('keep.csv', 'old\n1\n');
    const w = openFrameWriter(path);
    await w.write(new Frame({ new: col.number([2]) }));
    expect(readFileSync(path, 'utf8')).toBe('old\n1\n');
    await w.close();
    expect(readFileSync(path, 'utf8')).toBe('new\n2\n');
  });

  it('a frame with other columns is an InputError and removes the partial output', async () => {
    const dir = join(tmp.dir, 'mismatch');
    (await import('node:fs')).mkdirSync(dir);
    const path = join(dir, 'out.csv');
    const w = openFrameWriter(path);
    await w.write(new Frame({ a: col.number([1]) }));
    const e = await w.write(new Frame({ a: col.text(['x']) })).catch((x) => x);
    expect(e).toBeInstanceOf(InputError);
    expect(e.code).toBe('schema_mismatch');
    expect(existsSync(path)).toBe(false);
    expect(leftovers(dir)).toEqual([]);
    await expect(w.write(new Frame({ a: col.number([1]) }))).rejects.toThrow(/aborted/);
  });

  it('a Parquet file with no frames is refused and leaves nothing', async () => {
    const dir = join(tmp.dir, 'noframes');
    (await import('node:fs')).mkdirSync(dir);
    const path = join(dir, 'x.parquet');
    await expect(openFrameWriter(path).close()).rejects.toMatchObject({ code: 'no_frames' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('an unwritable place and an unknown extension are InputErrors', async () => {
    const w = openFrameWriter(join(tmp.dir, 'no', 'such', 'dir', 'x.csv'));
    await expect(w.write(new Frame({ a: col.number([1]) }))).rejects.toMatchObject({
      code: 'unwritable_file',
    });
    expect(() => openFrameWriter(tmp.path('x.xlsx'))).toThrow(InputError);
    writeFileSync(tmp.path('unused'), '');
  });
});

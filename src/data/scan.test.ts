import { describe, expect, it } from 'vitest';
import { InputError } from '../util/errors.js';
import type { Frame } from './frame.js';
import { loadFrame } from './load.js';
import { type ScanOptions, scanFrames } from './scan.js';
import type { FrameSource } from './source-sql.js';
import { tempFiles } from './test-files.js';

const tmp = tempFiles();

async function collect(source: FrameSource, options?: ScanOptions): Promise<Frame[]> {
  const out: Frame[] = [];
  for await (const f of scanFrames(source, options)) out.push(f);
  return out;
}

describe('scanFrames', () => {
  it('yields batches of batchRows that together equal loadFrame', async () => {
    const whole = await loadFrame('datasets/flights-2001.csv');
    const batches = await collect('datasets/flights-2001.csv', { batchRows: 25_000 });
    expect(batches.map((b) => b.nRows)).toEqual([25_000, 25_000, 25_000, 15_006]);
    let offset = 0;
    for (const b of batches) {
      expect(b.names).toEqual(whole.names);
      expect(b.columnOf('distance', 'number').values).toEqual(
        whole.columnOf('distance', 'number').values.subarray(offset, offset + b.nRows),
      );
      expect(b.columnOf('departure', 'datetime').values).toEqual(
        whole.columnOf('departure', 'datetime').values.subarray(offset, offset + b.nRows),
      );
      // Each batch has its own categories; labels agree with the whole load row by row.
      const origin = b.columnOf('origin', 'category');
      expect([...origin.categories]).toEqual([...origin.categories].sort());
      for (const r of [0, 1, b.nRows - 1]) expect(b.cell('origin', r)).toBe(whole.cell('origin', offset + r));
      offset += b.nRows;
    }
    expect(offset).toBe(whole.nRows);
  });

  it('splits DuckDB chunks across batches of any size', async () => {
    const batches = await collect('datasets/iris.csv', { batchRows: 7 });
    expect(batches).toHaveLength(22);
    expect(batches.at(-1)?.nRows).toBe(3);
    const targets = batches.flatMap((b) => Array.from(b.columnOf('target', 'number').values));
    expect(targets).toEqual(
      Array.from((await loadFrame('datasets/iris.csv')).columnOf('target', 'number').values),
    );
  });

  it('given kinds hold in every batch, even an all-missing one', async () => {
    const p = tmp.file('gaps.csv', 'city,score\nParis,1\nOslo,2\n,3\n,4\n');
    const batches = await collect(p, { batchRows: 2, kinds: { city: 'category', score: 'number' } });
    expect(batches).toHaveLength(2);
    const second = batches[1].columnOf('city', 'category');
    expect(Array.from(second.values)).toEqual([-1, -1]);
    expect(second.categories).toEqual([]);
    expect(batches[0].columnOf('city', 'category').categories).toEqual(['Oslo', 'Paris']);
  });

  it('columns and limit apply', async () => {
    const batches = await collect('datasets/penguins.csv', {
      columns: ['sex', 'species'],
      limit: 10,
      batchRows: 4,
    });
    expect(batches.map((b) => b.nRows)).toEqual([4, 4, 2]);
    expect(batches[0].names).toEqual(['sex', 'species']);
  });

  it('a value that does not fit its given kind stops the scan with an InputError', async () => {
    const csv = tmp.file('bad.csv', 'a\n1\n2\nthree\n');
    await expect(collect(csv, { kinds: { a: 'number' } })).rejects.toMatchObject({
      code: 'bad_value',
      details: { file: csv, line: 4, column: 'a' },
    });
    const json = tmp.file('bad.json', '[{"a":"1"},{"a":"three"}]');
    const e = await collect(json, { kinds: { a: 'number' } }).catch((x) => x);
    expect(e).toBeInstanceOf(InputError);
    expect(e.details).toMatchObject({ file: json, column: 'a', value: 'three' });
    expect(e.message).toContain('is not a number');
  });

  it('stopping early closes the stream; a source with no rows yields nothing', async () => {
    let seen = 0;
    for await (const b of scanFrames('datasets/flights-2001.csv', { batchRows: 1000 })) {
      seen += b.nRows;
      if (seen >= 3000) break;
    }
    expect(seen).toBe(3000);
    expect(await collect({ sql: "select * from 'datasets/iris.csv' where false" })).toEqual([]);
    const header = tmp.file('header.csv', 'a,b\n');
    expect(await collect(header, { kinds: { a: 'number', b: 'text' } })).toEqual([]);
  });

  it('refuses bad batch sizes and missing files', async () => {
    await expect(collect('datasets/iris.csv', { batchRows: 0 })).rejects.toMatchObject({
      details: { field: 'batchRows' },
    });
    await expect(collect(tmp.path('none.csv'))).rejects.toMatchObject({ code: 'file_not_found' });
  });
});

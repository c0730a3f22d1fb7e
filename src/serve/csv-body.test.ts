import { describe, expect, it } from 'vitest';
import type { ColumnSchema } from '../data/schema.js';
import { csvColumns, parseCsv } from './csv-body.js';

describe('CSV request bodies', () => {
  it('reads RFC 4180 fields: quotes, doubled quotes, commas and line breaks inside quotes, CRLF', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi"""\n"two\nlines",\n\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
      ['two\nlines', ''],
    ]);
    expect(parseCsv('a,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('types cells by the signature, missing as loadFrame reads them', () => {
    const features: ColumnSchema[] = [
      { name: 'n', kind: 'number', role: 'feature', nullable: true },
      { name: 'b', kind: 'boolean', role: 'feature', nullable: true },
      { name: 'c', kind: 'category', role: 'feature', nullable: true, categories: ['x'] },
    ];
    expect(csvColumns('c,n,b,extra\nx,1.5,true,q\n,NA,0,q\nNaN,-2e3,False,q\n', features)).toEqual({
      n: [1.5, null, -2000],
      b: [true, false, false],
      c: ['x', null, null],
    });
    expect(() => csvColumns('n\nabc\n', features)).toThrow(/CSV row 1, column 'n': "abc" is not a number/);
    expect(() => csvColumns('b\nmaybe\n', features)).toThrow(/is not true\/false/);
  });
});

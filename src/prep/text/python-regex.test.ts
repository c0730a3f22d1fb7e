import { describe, expect, it } from 'vitest';
import { captureGroups, PatternError, pythonRegExp } from './python-regex.js';

const all = (pattern: string, text: string) => [...text.matchAll(pythonRegExp(pattern))].map((m) => m[0]);

describe('pythonRegExp', () => {
  it('gives \\w, \\d, \\s and \\b their Unicode meaning', () => {
    expect(all('(?u)\\b\\w\\w+\\b', 'naïve café Ωμέγα x')).toEqual(['naïve', 'café', 'Ωμέγα']);
    expect(all('\\d+', '٣٤ and 12')).toEqual(['٣٤', '12']);
    expect(all('\\S+', 'a\u00a0b\u3000c')).toEqual(['a', 'b', 'c']);
    expect(all("[\\w']+", "o'neil's co-op")).toEqual(["o'neil's", 'co', 'op']);
  });

  it('reads inline flags, named groups and escaped punctuation', () => {
    expect(all('(?i)ab', 'AB ab')).toEqual(['AB', 'ab']);
    expect(all('(?P<w>a)(?P=w)', 'aa a')).toEqual(['aa']);
    expect(all('\\-\\w+', 'x -y')).toEqual(['-y']);
    expect(all('[\\-.]', 'a-b.c')).toEqual(['-', '.']);
  });

  it('counts capturing groups and refuses what it cannot translate', () => {
    expect(captureGroups(pythonRegExp('(a)(?:b)(?P<c>c)'))).toBe(2);
    expect(() => pythonRegExp('(?x)a')).toThrow(PatternError);
    expect(() => pythonRegExp('[\\W]')).toThrow(PatternError);
    expect(() => pythonRegExp('(')).toThrow(PatternError);
  });
});

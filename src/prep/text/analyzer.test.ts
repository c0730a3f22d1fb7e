import { describe, expect, it } from 'vitest';
import { ANALYZER_DEFAULTS, type AnalyzerParams, compareCodePoints, makeAnalyzer } from './analyzer.js';

const analyze = (doc: string, p: Partial<AnalyzerParams> = {}) =>
  makeAnalyzer({ ...ANALYZER_DEFAULTS, ...p })(doc);

describe('text analyzers', () => {
  it('tokenizes words as runs of two or more Unicode letters, digits or underscores', () => {
    expect(analyze("Café crème, O'Neil's e-mail: 2nd_try ½ x")).toEqual([
      'café',
      'crème',
      'neil',
      'mail',
      '2nd_try',
    ]);
    expect(analyze('東京 2024年 ΟΔΥΣΣΕΥΣ')).toEqual(['東京', '2024年', 'οδυσσευς']); // final sigma lower-cases to ς
    expect(analyze('')).toEqual([]);
  });

  it('drops stop words before forming word n-grams', () => {
    expect(analyze('the quick brown fox', { stopWords: 'english', ngramRange: [1, 2] })).toEqual([
      'quick',
      'brown',
      'fox',
      'quick brown',
      'brown fox',
    ]);
    expect(
      analyze('a b c', { tokenPattern: '(?u)\\b\\w+\\b', stopWords: ['b'], ngramRange: [2, 3] }),
    ).toEqual(['a c']);
  });

  it('takes the one capturing group of a token pattern as the token', () => {
    expect(analyze("Ann's and Bob's", { tokenPattern: "(\\w+)'s" })).toEqual(['ann', 'bob']);
  });

  it('makes character n-grams of code points, never of half a surrogate pair', () => {
    expect(analyze('a🍕b', { analyzer: 'char', ngramRange: [1, 2] })).toEqual(['a', '🍕', 'b', 'a🍕', '🍕b']);
    // runs of two or more spaces become one; a single tab stays
    expect(analyze('a  b\tc', { analyzer: 'char', ngramRange: [3, 3] })).toEqual(['a b', ' b\t', 'b\tc']);
  });

  it('makes char_wb n-grams inside space-padded words, a short word once', () => {
    expect(analyze('ab  c', { analyzer: 'char_wb', ngramRange: [2, 3] })).toEqual([
      ' a',
      'ab',
      'b ',
      ' ab',
      'ab ',
      ' c',
      'c ',
      ' c ',
    ]);
    expect(analyze('a', { analyzer: 'char_wb', ngramRange: [4, 5] })).toEqual([' a ']);
  });

  it('orders strings by code point, as Python does', () => {
    const words = ['\uffff', '🍕', 'b', 'a', 'ab'];
    expect(words.sort(compareCodePoints)).toEqual(['a', 'ab', 'b', '\uffff', '🍕']);
  });
});

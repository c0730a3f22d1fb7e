import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance, suggestion } from './suggest.js';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps', () => {
    expect(editDistance('', '')).toBe(0);
    expect(editDistance('seed', 'seed')).toBe(0);
    expect(editDistance('sed', 'seed')).toBe(1);
    expect(editDistance('seeed', 'seed')).toBe(1);
    expect(editDistance('metrc', 'metric')).toBe(1);
    expect(editDistance('tset_size', 'test_size')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('abc', '')).toBe(3);
  });
});

describe('didYouMean', () => {
  const keys = ['test_size', 'seed', 'stratify'];
  it('finds keys written in another case style', () => {
    expect(didYouMean('testSize', keys)).toBe('test_size');
    expect(didYouMean('Test-Size', keys)).toBe('test_size');
  });
  it('finds close misspellings and prefers the closest', () => {
    expect(didYouMean('stratfy', keys)).toBe('stratify');
    expect(didYouMean('sed', keys)).toBe('seed');
    expect(didYouMean('f1_macr', ['f1_macro', 'f1'])).toBe('f1_macro');
  });
  it('finds the shortest name that a short form begins', () => {
    expect(didYouMean('roc', ['rmse', 'roc_auc_ovr_weighted', 'roc_auc'])).toBe('roc_auc');
    expect(didYouMean('ro', ['roc_auc'])).toBeUndefined();
  });
  it('suggests nothing for words far from every candidate', () => {
    expect(didYouMean('banana', keys)).toBeUndefined();
    expect(suggestion('banana', keys)).toBe('');
    expect(suggestion('seeed', keys)).toBe(' (did you mean seed?)');
  });
});

import { describe, expect, it } from 'vitest';
import { CATEGORY_RULE, inferKind, type StringEvidence } from './infer-kinds.js';

const strings = (e: Partial<StringEvidence>): StringEvidence => ({
  nonNull: 1000,
  distinct: 10,
  maxLength: 8,
  booleanLike: 0,
  isoLike: 0,
  ...e,
});

describe('inferKind', () => {
  it('takes DuckDB types as they are', () => {
    expect(inferKind('numeric')).toBe('number');
    expect(inferKind('boolean')).toBe('boolean');
    expect(inferKind('temporal')).toBe('datetime');
  });

  it('strings: true/false is boolean, ISO dates are datetime, all-missing is number', () => {
    expect(inferKind('string', strings({ distinct: 2, booleanLike: 1000 }))).toBe('boolean');
    expect(inferKind('string', strings({ distinct: 2, booleanLike: 999 }))).toBe('category');
    expect(inferKind('string', strings({ distinct: 900, isoLike: 1000 }))).toBe('datetime');
    expect(inferKind('string', strings({ nonNull: 0, distinct: 0, maxLength: 0 }))).toBe('number');
  });

  it('strings: category at <= 50 distinct or <= 5% of rows, when short; text otherwise', () => {
    expect(inferKind('string', strings({ distinct: CATEGORY_RULE.maxDistinct }))).toBe('category');
    expect(inferKind('string', strings({ distinct: 51 }))).toBe('text');
    expect(inferKind('string', strings({ nonNull: 100_000, distinct: 5000 }))).toBe('category');
    expect(inferKind('string', strings({ nonNull: 100_000, distinct: 5001 }))).toBe('text');
    expect(inferKind('string', strings({ distinct: 3, maxLength: 101 }))).toBe('text');
    // cars.csv name: 312 distinct of 406.
    expect(inferKind('string', strings({ nonNull: 406, distinct: 312, maxLength: 36 }))).toBe('text');
  });
});

import { describe, expect, it } from 'vitest';
import { LineQueue } from './line-queue.js';

describe('LineQueue', () => {
  it('hands lines out oldest first, numbering them in order', () => {
    const q = new LineQueue(10);
    for (const l of ['a', 'b', 'c', 'd']) expect(q.push(l)).toBe(0);
    expect(q.take(3)).toEqual({ start: 0, lines: ['a', 'b', 'c'] });
    expect(q.take(3)).toEqual({ start: 3, lines: ['d'] });
    expect(q.take(3)).toEqual({ start: 4, lines: [] });
    expect([q.size, q.head, q.tail]).toEqual([0, 4, 4]);
  });

  it('drops the oldest past its bound, and counts them', () => {
    const q = new LineQueue(3);
    let dropped = 0;
    for (let i = 0; i < 10; i++) dropped += q.push(String(i));
    expect(dropped).toBe(7);
    expect(q.size).toBe(3);
    expect(q.take(10)).toEqual({ start: 7, lines: ['7', '8', '9'] });
  });

  it('takes lines back in front for a retry, still bounded', () => {
    const q = new LineQueue(4);
    for (let i = 0; i < 4; i++) q.push(String(i));
    const { start, lines } = q.take(2);
    q.push('4');
    q.push('5');
    // 0 and 1 return in front of 2..5: six lines, bound four, so 0 and 1 are dropped
    expect(q.putBack(start, lines)).toBe(2);
    expect(q.take(10)).toEqual({ start: 2, lines: ['2', '3', '4', '5'] });
    expect(() => q.putBack(0, ['x'])).toThrow(/just taken/);
  });

  it('stays correct across its compactions', () => {
    const q = new LineQueue(100_000);
    let next = 0;
    let expected = 0;
    for (let round = 0; round < 50; round++) {
      for (let i = 0; i < 3000; i++) q.push(String(next++));
      const { start, lines } = q.take(2500 + round);
      expect(start).toBe(expected);
      expect(lines[0]).toBe(String(expected));
      expected += lines.length;
      expect(lines.at(-1)).toBe(String(expected - 1));
    }
    expect(q.clear()).toBe(next - expected);
    expect(q.size).toBe(0);
  });

  it('refuses a bound below one', () => {
    expect(() => new LineQueue(0)).toThrow(RangeError);
  });
});

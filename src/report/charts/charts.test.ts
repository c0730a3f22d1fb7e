import { describe, expect, it } from 'vitest';
import { barsChart } from './bars.js';
import { histogramChart } from './histogram.js';
import { lineChart } from './line.js';

describe('chart helpers', () => {
  it('draw SVG markup with their data', () => {
    const h = histogramChart({
      edges: [0, 1, 3, 4],
      series: [
        { name: 'reference', shares: [0.2, 0.5, 0.3] },
        { name: 'current', shares: [0.1, 0.4, 0.5] },
      ],
    });
    expect(h).toMatch(/^<svg\b/);
    expect(h.match(/<rect\b/g)?.length).toBeGreaterThanOrEqual(6);

    const b = barsChart({
      labels: ['a', 'b', 'c'],
      series: [{ name: 'reference', values: [0.5, 0.3, 0.2] }],
    });
    expect(b).toMatch(/^<svg\b/);
    expect(b).toContain('>a<');

    const l = lineChart({
      time: true,
      series: [
        {
          name: 'accuracy',
          points: [
            { x: 0, y: 0.9 },
            { x: 86_400_000, y: null },
            { x: 2 * 86_400_000, y: 0.8 },
          ],
        },
      ],
      rules: [{ y: 0.95, label: 'at training' }],
    });
    expect(l).toMatch(/^<svg\b/);
    expect(l).toContain('at training');
  });

  it('keep the largest labels, summing or leaving out the rest', () => {
    const labels = Array.from({ length: 30 }, (_, i) => `L${i}`);
    const values = labels.map((_, i) => i + 1);
    const summed = barsChart({ labels, series: [{ name: 'x', values }], maxLabels: 5, percent: false });
    expect(summed).toContain('(rest: 26)');
    expect(summed).toContain('>L29<');
    expect(summed).not.toContain('>L0<');
    const omitted = barsChart({ labels, series: [{ name: 'x', values }], maxLabels: 5, rest: 'omit' });
    expect(omitted).not.toContain('(rest');
  });
});

import { describe, expect, it } from 'vitest';
import { heatmapChart } from './heatmap.js';

describe('heatmapChart', () => {
  it('draws one cell per defined pair, with its value when small', () => {
    const svg = heatmapChart({
      labels: ['a', 'b', 'c'],
      values: [
        [1, 0.5, null],
        [0.5, 1, -0.25],
        [null, -0.25, 1],
      ],
    });
    expect(svg).toMatch(/^<svg\b/);
    expect(svg.match(/<rect\b/g)).toHaveLength(7);
    expect(svg).toContain('>-0.25<');
    expect(svg).toContain('>0.50<');
    expect(svg).not.toMatch(/https?:|url\(/);
  });

  it('leaves the numbers out when there are many labels', () => {
    const labels = Array.from({ length: 20 }, (_, i) => `c${i}`);
    const values = labels.map((_, i) => labels.map((_, j) => (i === j ? 1 : 0.1)));
    const svg = heatmapChart({ labels, values, domain: 'unsigned' });
    expect(svg.match(/<rect\b/g)).toHaveLength(400);
    expect(svg).not.toContain('>0.10<');
  });
});

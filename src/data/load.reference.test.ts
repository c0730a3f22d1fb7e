import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countMissing } from './frame.js';
import { loadFrame } from './load.js';

/** What pandas.read_csv makes of each shipped dataset (fixtures/make_fixtures.py). */
interface PandasColumn {
  dtype: string;
  missing: number;
  sum?: number;
  distinct?: number;
  labels?: string[];
  min_ms?: number;
  max_ms?: number;
}
const REFERENCE = JSON.parse(
  readFileSync(new URL('./fixtures/pandas-load.json', import.meta.url), 'utf8'),
) as Record<string, { rows: number; names: string[]; columns: Record<string, PandasColumn> }>;

describe('loadFrame agrees with pandas.read_csv on the shipped datasets', () => {
  for (const [name, want] of Object.entries(REFERENCE)) {
    it(name, async () => {
      const frame = await loadFrame(`datasets/${name}`);
      expect(frame.nRows).toBe(want.rows);
      expect(frame.names).toEqual(want.names);
      for (const [column, ref] of Object.entries(want.columns)) {
        const c = frame.column(column);
        expect(countMissing(c), `${column} missing`).toBe(ref.missing);
        if (ref.sum !== undefined) {
          expect(c.kind, column).toBe('number');
          let sum = 0;
          for (const v of c.values as Float64Array) if (!Number.isNaN(v)) sum += v;
          expect(Math.abs(sum - ref.sum), `${column} sum`).toBeLessThanOrEqual(
            1e-9 * Math.max(1, Math.abs(ref.sum)),
          );
        } else if (ref.min_ms !== undefined) {
          expect(c.kind, column).toBe('datetime');
          const values = Array.from(c.values as Float64Array).filter((v) => !Number.isNaN(v));
          expect(Math.min(...values)).toBe(ref.min_ms);
          expect(Math.max(...values)).toBe(ref.max_ms);
        } else {
          expect(['category', 'text'], column).toContain(c.kind);
          const labels =
            c.kind === 'category'
              ? [...c.categories]
              : [...new Set(c.values as (string | null)[])].filter((v) => v !== null);
          expect(labels.length, `${column} distinct`).toBe(ref.distinct);
          if (ref.labels) expect(labels.sort()).toEqual(ref.labels);
        }
      }
    });
  }
});

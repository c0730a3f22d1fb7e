import { describe, expect, it } from 'vitest';
import { INFREQUENT_LABEL, MISSING_LABEL, OneHotEncoder } from './one-hot-encoder.js';
import {
  categoryFrame,
  ENCODER_DATASETS,
  encoderFixture,
  SLOT_ALPHABET,
} from './testing/encoder-fixtures.js';

describe.each(ENCODER_DATASETS)(
  'OneHotEncoder infrequent grouping matches scikit-learn 1.2 on %s',
  (name) => {
    const ds = encoderFixture(name);
    const cases = ds.OneHotEncoder.map((c) => {
      const p = c.params;
      const label = `minFrequency ${p.minFrequency}, maxCategories ${p.maxCategories}, ${p.handleUnknown}, drop ${p.drop}, fit on ${c.fitRows} rows`;
      return [label, c] as const;
    });
    it.each(cases)('%s', (_, c) => {
      const frame = categoryFrame(ds, c.columns);
      const enc = new OneHotEncoder(c.params).fit(c.fitRows === 'all' ? frame : frame.take(ds.holdoutRows));
      const out = enc.transform(frame);
      expect(enc.featureNamesOut(c.columns)).toEqual(out.names);
      const s = enc.state;
      c.columns.forEach((column, j) => {
        const want = c.perColumn[j];
        const labelOf = (pos: number) => (pos < s.categories[j].length ? s.categories[j][pos] : null);
        const grouped = s.infrequent?.[j] ?? [];
        expect(grouped.length > 0 ? grouped.map(labelOf) : null).toEqual(want.infrequent);
        const names = want.outputs.map(
          (l) =>
            `${column}=${l === null ? MISSING_LABEL : l === 'infrequent_sklearn' ? INFREQUENT_LABEL : l}`,
        );
        const mine = out.names.filter((n) => n.startsWith(`${column}=`));
        expect(mine).toEqual(names);
        const columns = mine.map((n) => out.columnOf(n, 'number').values);
        // each row as its one output that is 1 ('!' for none; '?' marks a row that is not one-hot)
        let slots = '';
        for (let r = 0; r < frame.nRows; r++) {
          let slot = -1;
          let ones = 0;
          let others = 0;
          for (let k = 0; k < columns.length; k++)
            if (columns[k][r] === 1) {
              ones++;
              slot = k;
            } else if (columns[k][r] !== 0) others++;
          slots += ones > 1 || others > 0 ? '?' : SLOT_ALPHABET[slot + 1];
        }
        expect(slots).toBe(want.slots);
      });
    });
  },
);

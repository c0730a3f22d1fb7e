import { describe, expect, it } from 'vitest';
import { logLoss } from './log-loss.js';
import { asLabels, checkCall, expectClose, loadFixture, probaOf, title } from './testing/fixtures.js';

const fx = loadFixture('log_loss');

describe(`log loss matches scikit-learn ${fx.sklearn}`, () => {
  it('covers clipping, missing classes given by labels, renormalization and the refused cases', () => {
    const keys = new Set(fx.calls.map((c) => c.data));
    for (const k of [
      'bin_extremes',
      'mc3_missing_class',
      'mc3_unnormalized',
      'single_label',
      'bin_out_of_range',
    ])
      expect(keys).toContain(k);
  });

  it.each(fx.calls.map((c, i) => [title(c, i), c, i] as const))('%s', (_, c, i) => {
    const d = fx.datasets[c.data];
    const run = () =>
      logLoss(asLabels(d.y_true, i), probaOf(d), {
        labels: c.kw.labels as number[] | undefined,
        normalize: c.kw.normalize as boolean | undefined,
        eps: c.kw.eps as number | undefined,
        sampleWeight: c.kw.weighted ? d.w : undefined,
      });
    checkCall(c, run, expectClose);
  });
});

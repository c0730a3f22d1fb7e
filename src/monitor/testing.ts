/** Small trained models and frames for the monitor's tests. */
import { col, Frame } from '../data/frame.js';
import { trainModel } from '../train/train-model.js';
import type { TrainedModel } from '../train/trained-model.js';
import { Rng } from '../util/random.js';

/**
 * n rows of two numeric features (size, load), a category (region) and a label that depends on
 * them; `shift` moves size, `regions` changes the region mix, `salt` seeds the draw.
 */
export function shopFrame(
  n: number,
  opts: { shift?: number; salt?: number; regions?: readonly string[] } = {},
): Frame {
  const regions = opts.regions ?? ['north', 'south', 'east', 'west'];
  const rng = new Rng(opts.salt ?? 0);
  const size = new Float64Array(n);
  const load = new Float64Array(n);
  const region: string[] = [];
  const label: string[] = [];
  for (let i = 0; i < n; i++) {
    size[i] = 17.5 + 2.5 * rng.normal() + (opts.shift ?? 0);
    load[i] = rng.next() * 100;
    region.push(regions[rng.int(regions.length)]);
    label.push(
      size[i] + load[i] / 20 + (region[i] === 'north' ? 3 : 0) + rng.next() * 4 > 22 ? 'big' : 'small',
    );
  }
  return new Frame({
    size: col.number(Array.from(size)),
    load: col.number(Array.from(load)),
    region: col.category(region),
    label: col.category(label),
  });
}

export function shopModel(rows = 2000): TrainedModel {
  return trainModel(shopFrame(rows, { salt: 100 }), { target: 'label', name: 'shop' }).model;
}

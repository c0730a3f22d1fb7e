import { beforeAll, describe, expect, it } from 'vitest';
import { col } from '../data/frame.js';
import { monitorModel } from '../monitor/monitor-model.js';
import type { MonitorSnapshot } from '../monitor/snapshot.js';
import { shopFrame, shopModel } from '../monitor/testing.js';
import { renderMonitorReport } from './monitor-report.js';

let snapshot: MonitorSnapshot;
let page: string;

beforeAll(() => {
  const model = shopModel();
  const inputs = shopFrame(1200, { salt: 7, shift: 6, regions: ['north', 'south', '<b>mars</b>'] });
  const day = 86_400_000;
  const times = Float64Array.from(
    { length: 1200 },
    (_, i) => Date.UTC(2024, 0, 1) + Math.floor(i / 400) * day,
  );
  snapshot = monitorModel(
    model,
    { inputs, feedback: inputs.column('label'), times },
    { window: { source: 'june.csv' } },
  );
  page = renderMonitorReport(snapshot);
});

/** Every src, href and xlink:href value, and CSS url(...) targets. */
function references(html: string): string[] {
  const attrs = [...html.matchAll(/\b(?:src|href|xlink:href)\s*=\s*["']?([^"'\s>]*)/gi)].map((m) => m[1]);
  const urls = [...html.matchAll(/url\(\s*["']?([^"')]*)/gi)].map((m) => m[1]);
  return [...attrs, ...urls];
}

describe('the HTML monitor report', () => {
  it('is one self-contained page: nothing fetched from anywhere', () => {
    expect(page.startsWith('<!doctype html>')).toBe(true);
    for (const ref of references(page)) expect(ref, `reference '${ref}'`).not.toMatch(/^(https?:)?\/\//i);
    expect(page).not.toMatch(/<script|<link|@import|<img/i);
  });

  it('draws a chart per feature, for the predictions and for the quality over time', () => {
    const svgs = page.match(/<svg\b/g) ?? [];
    expect(svgs.length).toBe(snapshot.features.length + 2);
    for (const f of snapshot.features) expect(page).toContain(`<h3>${f.column} `);
  });

  it('lists features sorted by drift and states the verdict', () => {
    const table = page.slice(
      page.indexOf('<h2>Features by drift'),
      page.indexOf('<h2>Feature distributions'),
    );
    const order = [...table.matchAll(/<tr(?: class="drifted")?><td class="">([^<]+)<\/td>/g)].map(
      (m) => m[1],
    );
    expect(order).toEqual(['size', 'region', 'load']);
    expect(table.match(/class="drifted"/g)).toHaveLength(2);
    expect(page).toContain('Drift detected.');
  });

  it('escapes what the data says', () => {
    expect(page).not.toContain('<b>mars</b>');
    expect(page).toContain('&lt;b&gt;mars&lt;/b&gt;');
  });

  it('says when there is no ground truth', () => {
    const model = shopModel(500);
    const quiet = renderMonitorReport(monitorModel(model, { inputs: shopFrame(100, { salt: 2 }) }));
    expect(quiet).toContain('No drift');
    expect(quiet).toContain('No ground truth arrived');
    const missing = renderMonitorReport(
      monitorModel(model, { inputs: shopFrame(100).with('load', col.number(Array(100).fill(null))) }),
    );
    expect(missing).toContain('every current value is missing');
  });
});

import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDataEngine } from '../data/duckdb-engine.js';
import { col, Frame } from '../data/frame.js';
import { loadFrame } from '../data/load.js';
import { profileFrame } from '../data/profile/profile-frame.js';
import type { DataProfile } from '../data/profile/types.js';
import { renderProfileReport } from './profile-report.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

/** Every src, href and xlink:href value, and CSS url(...) targets. */
function references(html: string): string[] {
  const attrs = [...html.matchAll(/\b(?:src|href|xlink:href)\s*=\s*["']?([^"'\s>]*)/gi)].map((m) => m[1]);
  const urls = [...html.matchAll(/url\(\s*["']?([^"')]*)/gi)].map((m) => m[1]);
  return [...attrs, ...urls];
}

/** The per-column sections, each with the number of charts (<svg> elements) it holds. */
function columnSections(html: string): { column: string; charts: number }[] {
  return [
    ...html.matchAll(/<section class="panel column" id="[^"]*" data-column="([^"]*)">([\s\S]*?)<\/section>/g),
  ].map((m) => ({ column: m[1], charts: (m[2].match(/<svg\b/g) ?? []).length }));
}

function checkSelfContained(page: string) {
  expect(page.startsWith('<!doctype html>')).toBe(true);
  for (const ref of references(page)) expect(ref, `reference '${ref}'`).not.toMatch(/^(https?:)?\/\//i);
  expect(page).not.toMatch(/https?:\/\//i);
  expect(page).not.toMatch(/<script|<link|@import|<img|<iframe/i);
}

describe.each([
  ['penguins', 'species'],
  ['cars', 'mpg'],
])('the HTML profile report of %s.csv', (name, target) => {
  let profile: DataProfile;
  let page: string;
  beforeAll(async () => {
    const frame = await loadFrame(`${REPO}/datasets/${name}.csv`);
    profile = profileFrame(frame, { target });
    page = renderProfileReport(profile, { name: `${name}.csv`, at: new Date(0) });
  });

  it('opens offline: nothing fetched from anywhere', () => {
    checkSelfContained(page);
  });

  it('draws exactly one chart per column', () => {
    const sections = columnSections(page);
    expect(sections.map((s) => s.column)).toEqual(profile.columns.map((c) => c.name));
    for (const s of sections) expect(s.charts, s.column).toBe(1);
  });

  it('draws the correlation heat maps', () => {
    const maps = [...page.matchAll(/<section class="panel heatmap"><h3>([^<]+)<\/h3>[\s\S]*?<\/section>/g)];
    const titles = maps.map((m) => m[1]);
    expect(titles).toContain('Pearson r');
    expect(titles).toContain('Spearman ρ');
    for (const m of maps) expect(m[0].match(/<svg\b/g)).toHaveLength(1);
    // one cell per pair of numbers in the Pearson map (no null among these columns)
    const pearson = maps.find((m) => m[1] === 'Pearson r')![0];
    const k = profile.correlations!.pearson.columns.length;
    expect(pearson.match(/<rect\b/g)!.length).toBeGreaterThanOrEqual(k * k);
  });

  it('lists the target’s associations', () => {
    expect(page).toContain(`<h2>Target: ${target}</h2>`);
    for (const a of profile.target!.associations) expect(page).toContain(`<td class="">${a.column}</td>`);
  });
});

describe('the HTML profile report', () => {
  it('draws one chart for odd columns too: all missing, constant, at level summary', () => {
    const frame = new Frame({
      empty: col.number([null, null, null, null]),
      same: col.number([1, 1, 1, 1]),
      when: col.datetime(['2024-01-01', null, '2024-03-01', '2024-02-01']),
      label: col.category(['<b>mars</b>', 'a', null, 'a']),
      flag: col.boolean([true, false, null, true]),
      note: col.text([null, null, null, null]),
    });
    for (const level of ['full', 'summary'] as const) {
      const page = renderProfileReport(profileFrame(frame, { level }), { name: 'odd' });
      checkSelfContained(page);
      const sections = columnSections(page);
      expect(sections).toHaveLength(frame.nCols);
      for (const s of sections) expect(s.charts, `${level} ${s.column}`).toBe(1);
      expect(page).not.toContain('<b>mars</b>');
      expect(page).toContain('&lt;b&gt;mars&lt;/b&gt;');
    }
  });

  it('states the sample behind the rank measures', () => {
    const n = 500;
    const frame = new Frame({
      x: col.number(Array.from({ length: n }, (_, i) => i % 37)),
      y: col.number(Array.from({ length: n }, (_, i) => (i * 7) % 11)),
    });
    const page = renderProfileReport(profileFrame(frame, { sampleRows: 100 }), { name: 'sampled' });
    expect(page).toContain('spearman on a seeded sample of 100 of 500 rows');
  });
});

afterAll(async () => {
  await closeDataEngine();
});

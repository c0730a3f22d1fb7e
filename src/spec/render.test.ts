import { describe, expect, it } from 'vitest';
import { col, Frame } from '../data/frame.js';
import { type Schema, schemaOf } from '../data/schema.js';
import { parseSpec, SPEC_KEYS } from './parse.js';
import { type RenderSpecOptions, renderSpec } from './render.js';
import type { Spec } from './types.js';

const frame = new Frame({
  customer_id: col.text(['c1', 'c2', 'c3']),
  signup: col.datetime(['2024-01-01', '2024-02-01', '2024-03-01']),
  plan: col.category(['basic', 'pro', 'basic']),
  tenure: col.number([1, 20, 3]),
  churned: col.category(['no', 'yes', 'no']),
});
const schema: Schema = schemaOf(frame, { customer_id: 'id', signup: 'timestamp' });

const defaults = {
  model: { name: 'auto', params: {} },
  split: { testSize: 0.2, seed: 0, stratify: 'auto' },
  success: [],
  constraints: { interpretable: false },
  slices: [],
} as const;

/** Everything `cairn init` would write, parsed back as if saved at proj/cairn.yaml. */
function roundTrip(opts: RenderSpecOptions): Spec {
  return parseSpec(renderSpec(opts), 'proj/cairn.yaml');
}

describe('renderSpec', () => {
  it('parses back to the options given, with inferred non-feature roles set', () => {
    const spec = roundTrip({
      dataPath: 'data/churn.csv',
      target: 'churned',
      task: 'classification',
      schema,
      taskReason: 'churned is a category column',
    });
    expect(spec).toEqual({
      name: 'churn',
      data: {
        train: { path: 'proj/data/churn.csv' },
        columns: {
          customer_id: { kind: 'text', role: 'id' },
          signup: { kind: 'datetime', role: 'timestamp' },
        },
      },
      target: 'churned',
      task: 'classification',
      metric: 'roc_auc',
      ...defaults,
    } satisfies Spec);
  });

  it('writes the metric and model given, and the default metric for the class count', () => {
    const multi = roundTrip({
      dataPath: 'iris.csv',
      target: 'species',
      task: 'classification',
      schema: {
        columns: [
          { name: 'species', kind: 'category', role: 'target', nullable: false, categories: ['a', 'b', 'c'] },
        ],
      },
    });
    expect(multi.metric).toBe('f1_macro');
    expect(multi.data.columns).toEqual({});
    const reg = roundTrip({
      dataPath: 'diabetes.csv',
      target: 'target',
      task: 'regression',
      metric: 'mae',
      model: { name: 'ridge', params: { alpha: 0.5, fitIntercept: false } },
      name: 'diabetes-v2',
    });
    expect(reg).toEqual({
      name: 'diabetes-v2',
      data: { train: { path: 'proj/diabetes.csv' }, columns: {} },
      target: 'target',
      task: 'regression',
      metric: 'mae',
      ...defaults,
      model: { name: 'ridge', params: { alpha: 0.5, fitIntercept: false } },
    } satisfies Spec);
    expect(roundTrip({ dataPath: 'a.csv', target: 'y', task: 'regression', model: 'linear' }).model).toEqual({
      name: 'linear',
      params: {},
    });
  });

  it('leaves the metric to the task when the task is auto', () => {
    const spec = roundTrip({ dataPath: 'a.csv', target: 'y', task: 'auto' });
    expect(spec.task).toBe('auto');
    expect(spec.metric).toBeUndefined();
  });

  it('quotes names that YAML would misread', () => {
    const odd = [
      'a #b',
      'key: value',
      '- dash',
      'true',
      '123',
      "it's",
      'say "hi"',
      'two\nlines',
      '@at',
      '[x]',
    ];
    const spec = roundTrip({
      dataPath: 'my data #1.csv',
      target: odd[1],
      task: 'classification',
      schema: { columns: odd.map((name) => ({ name, kind: 'text', role: 'ignore', nullable: false })) },
    });
    expect(spec.data.train).toEqual({ path: 'proj/my data #1.csv' });
    expect(spec.target).toBe('key: value');
    expect(Object.keys(spec.data.columns).sort()).toEqual(odd.filter((n) => n !== odd[1]).sort());
  });

  it('comments every section with what it is for and mentions every top-level key', () => {
    const text = renderSpec({ dataPath: 'a.csv', target: 'churned', task: 'classification', schema });
    for (const key of SPEC_KEYS) expect(text, key).toMatch(new RegExp(`^(# )?${key}:`, 'm'));
    const lines = text.split('\n');
    lines.forEach((line, i) => {
      // A top-level key (set or commented out) follows a comment line that explains it.
      if (/^[a-z_]+:/.test(line) && !lines[i - 1].startsWith('#'))
        throw new Error(`no comment above ${line}`);
    });
    expect(text).toContain('# classification | regression | auto');
    expect(text).toContain('    # tenure: { kind: number, role: feature }');
    expect(text).toContain('    # churned: { kind: category, role: target }');
    expect(text).toContain('# slices: [plan]');
    expect(text).toContain('  # - roc_auc >= 0.8');
    expect(renderSpec({ dataPath: 'a.csv', target: 'y', task: 'regression' })).toContain('  # - rmse <= 0.8');
    expect(renderSpec({ dataPath: 'a.csv', target: 'y', task: 'regression' })).not.toContain('costs');
    expect(
      renderSpec({
        dataPath: 'a.csv',
        target: 'y',
        task: 'auto',
        taskReason: 'y has 2 distinct whole numbers',
      }),
    ).toContain('# Inferred: y has 2 distinct whole numbers.');
  });

  it('writes examples that are valid once uncommented', () => {
    const text = renderSpec({ dataPath: 'a.csv', target: 'churned', task: 'classification', schema });
    // Remove "# " before any line that reads as a key or a list item, as a user uncommenting would.
    const uncommented = text.replace(/^(\s*)# (?=\s*([A-Za-z0-9_]+:( |$)|- ))/gm, '$1');
    expect(uncommented).not.toEqual(text);
    const spec = parseSpec(uncommented, 'cairn.yaml');
    expect(spec.data.test).toEqual({ path: 'held-out.csv' });
    expect(spec.data.columns.tenure).toEqual({ kind: 'number', role: 'feature' });
    expect(spec.model.params).toEqual({ alpha: 1 });
    expect(spec.success).toEqual([{ metric: 'roc_auc', op: '>=', value: 0.8 }]);
    expect(spec.constraints).toEqual({ latencyMsP99: 50, maxModelMB: 100, interpretable: false });
    expect(spec.costs).toEqual({ falsePositive: 1, falseNegative: 5 });
    expect(spec.slices).toEqual(['plan']);
    expect(spec.monitoring).toEqual({ driftThreshold: 0.5, window: { durationMs: 7 * 86_400_000 } });
    expect(spec.validation).toEqual({ policy: 'warn' });
  });

  it('lists at most 100 feature columns as comments, and every set column', () => {
    const columns = Array.from({ length: 150 }, (_, i) => ({
      name: `f${i}`,
      kind: 'number' as const,
      role: i === 149 ? ('weight' as const) : ('feature' as const),
      nullable: false,
    }));
    const text = renderSpec({ dataPath: 'a.csv', target: 'y', task: 'regression', schema: { columns } });
    expect(text).toContain('    # ... and 49 more features');
    expect(parseSpec(text, 'c.yaml').data.columns).toEqual({ f149: { kind: 'number', role: 'weight' } });
  });
});

import { describe, expect, expectTypeOf, it } from 'vitest';
import type { ColumnKind } from '../data/frame.js';
import { parseSpec } from './parse.js';
import {
  type COLUMN_KINDS,
  MODEL_NAMES,
  MODEL_TASK,
  type ModelName,
  SPEC_DEFAULTS,
  type Spec,
} from './types.js';

describe('spec types', () => {
  it('name every column kind and every model', () => {
    expectTypeOf<(typeof COLUMN_KINDS)[number]>().toEqualTypeOf<ColumnKind>();
    expectTypeOf<(typeof MODEL_NAMES)[number]>().toEqualTypeOf<ModelName>();
    expect(Object.keys(MODEL_TASK).sort()).toEqual(MODEL_NAMES.filter((m) => m !== 'auto').sort());
  });

  it('parse a minimal spec to the documented defaults', () => {
    const spec: Spec = parseSpec('data: { train: a.csv }\ntarget: y\n', 'cairn.yaml');
    expect(spec.task).toBe(SPEC_DEFAULTS.task);
    expect(spec.model).toEqual(SPEC_DEFAULTS.model);
    expect(spec.split).toEqual(SPEC_DEFAULTS.split);
    expect(spec.constraints).toEqual(SPEC_DEFAULTS.constraints);
  });
});

import { describe, expect, it } from 'vitest';
import { InputError } from '../util/errors.js';
import { specPosition } from './locations.js';
import { parseSpec } from './parse.js';

const MINIMAL = 'data:\n  train: churn.csv\ntarget: churned\n';

describe('cairn.yaml validation section', () => {
  it('reads the policy, in the long and the short form; absent means none recorded', () => {
    expect(parseSpec(`${MINIMAL}validation:\n  policy: coerce\n`, 'c.yaml').validation).toEqual({
      policy: 'coerce',
    });
    const short = parseSpec(`${MINIMAL}validation: reject\n`, 'c.yaml');
    expect(short.validation).toEqual({ policy: 'reject' });
    expect(specPosition(short, 'validation.policy')).toMatchObject({ line: 4 });
    expect(parseSpec(MINIMAL, 'c.yaml').validation).toBeUndefined();
  });

  it('names the line and field of a bad policy or key', () => {
    const bad = (text: string) => {
      try {
        parseSpec(`${MINIMAL}${text}`, 'cairn.yaml');
      } catch (e) {
        expect(e).toBeInstanceOf(InputError);
        return (e as InputError).message;
      }
      throw new Error('expected an error');
    };
    expect(bad('validation:\n  policy: rejct\n')).toBe(
      'cairn.yaml:5:11: validation.policy must be one of reject, warn, coerce, got "rejct" (did you mean reject?)',
    );
    expect(bad('validation:\n  polcy: warn\n')).toMatch(
      /cairn.yaml:5:3: unknown field "polcy" in validation \(did you mean policy\?\)/,
    );
    expect(bad('validation: {}\n')).toMatch(/validation.policy is missing/);
  });
});

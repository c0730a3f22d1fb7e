import { isScalar, type Node } from 'yaml';
import { VALIDATION_POLICIES } from '../data/validate/policy.js';
import type { Pos, SpecReader } from './read.js';
import type { ValidationSpec } from './types.js';

/**
 * YAML `validation: { policy: reject | warn | coerce }`, or the short form `validation: coerce`:
 * what `cairn predict` and `cairn serve` do with a batch unlike the training data.
 */
export function readValidation(r: SpecReader, node: Node | undefined, at: Pos): ValidationSpec | undefined {
  if (node === undefined) return undefined;
  if (isScalar(node)) {
    const policy = r.oneOf(node, 'validation', VALIDATION_POLICIES);
    if (policy) r.positions.set('validation.policy', r.pos(node));
    return policy && { policy };
  }
  const f = r.fields(node, 'validation', at, ['policy']);
  if (!f) return undefined;
  const policy = r.oneOf(
    f.require('policy', `one of ${VALIDATION_POLICIES.join(', ')}`),
    'validation.policy',
    VALIDATION_POLICIES,
  );
  return policy && { policy };
}

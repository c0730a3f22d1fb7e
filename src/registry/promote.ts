/**
 * Promotion: moving an alias (by default `champion`) to a version only when the version meets the
 * success criteria. The criteria are the spec's: those recorded in the model at training time, or
 * those given (`cairn models promote --spec cairn.yaml`). A failing criterion refuses the move with
 * an InputError naming the metric, the comparison, the threshold and the measured value, unless
 * `force` is set; the check runs against the metrics copied into the version at registration.
 */
import { type CriterionResult, checkCriteria, formatCriterion } from '../spec/criteria.js';
import type { Criterion } from '../spec/types.js';
import { loadModel } from '../track/artifact/model-io.js';
import { checkAliasName } from '../track/registry-validate.js';
import type { Store } from '../track/store.js';
import { InputError } from '../util/errors.js';

export const DEFAULT_PROMOTION_ALIAS = 'champion';

export interface PromoteOptions {
  /** The criteria to check; default: those recorded in the version's model (none if it has none). */
  readonly criteria?: readonly Criterion[];
  /** Move the alias even when a criterion fails (the failures are still reported). */
  readonly force?: boolean;
}

export interface PromotionResult {
  readonly name: string;
  readonly version: number;
  readonly alias: string;
  /** The version the alias pointed at before, or null when it is new. */
  readonly previous: number | null;
  /** Where the criteria came from: given by the caller, recorded in the model, or none at all. */
  readonly criteriaFrom: 'given' | 'model' | 'none';
  readonly criteria: readonly CriterionResult[];
  /** Whether every criterion passed (true when there were none). */
  readonly passed: boolean;
  /** True when criteria failed and `force` moved the alias anyway. */
  readonly forced: boolean;
}

/** One failed criterion, in the words of the refusal. */
export function describeFailure(r: CriterionResult): string {
  const c = r.criterion;
  return r.actual === null || Number.isNaN(r.actual)
    ? `${formatCriterion(c)} (${r.reason ?? 'no value'})`
    : `${formatCriterion(c)} (actual ${r.actual})`;
}

export async function promote(
  store: Store,
  name: string,
  version: number,
  alias: string = DEFAULT_PROMOTION_ALIAS,
  opts: PromoteOptions = {},
): Promise<PromotionResult> {
  checkAliasName(alias);
  const v = await store.getModelVersion(name, version);
  let criteria = opts.criteria;
  let criteriaFrom: PromotionResult['criteriaFrom'] = 'given';
  if (criteria === undefined) {
    criteria = (await loadModel(v.source)).info.success ?? [];
    criteriaFrom = 'model';
  }
  if (criteria.length === 0) criteriaFrom = 'none';
  const results = checkCriteria(criteria, v.metrics);
  const failed = results.filter((r) => !r.passed);
  if (failed.length > 0 && !opts.force)
    throw new InputError(
      'criterion_failed',
      `cannot promote ${name} version ${version} to '${alias}': ${failed.length === 1 ? 'criterion' : 'criteria'} ` +
        `${failed.map(describeFailure).join('; ')} not met (pass force to promote anyway)`,
      {
        field: 'success',
        model: name,
        version,
        alias,
        failed: failed.map((r) => ({
          metric: r.criterion.metric,
          op: r.criterion.op,
          threshold: r.criterion.value,
          actual: r.actual,
          ...(r.reason ? { reason: r.reason } : {}),
        })),
      },
    );
  const move = await store.setAlias(name, alias, version);
  return {
    name,
    version,
    alias,
    previous: move.previous,
    criteriaFrom,
    criteria: results,
    passed: failed.length === 0,
    forced: failed.length > 0,
  };
}

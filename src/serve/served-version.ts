import type { ColumnSchema } from '../data/schema.js';
import { type CellName, DEFAULT_POLICY, type ValidationPolicy } from '../data/validate/index.js';
import type { Predictions, TrainedModel } from '../train/trained-model.js';
import { InputError } from '../util/errors.js';
import { checkCompiled } from './compiled-check.js';
import { compilePredictor } from './compiled-predictor.js';
import type { ModelLocation } from './model-source.js';
import {
  checkDatetimes,
  columnsInput,
  type FramePlan,
  framePlan,
  inputFrame,
  type RequestInput,
  rowsInput,
} from './request-frame.js';
import { RequestValidator } from './request-validation.js';
import {
  columnsSchema,
  type JsonSchema,
  predictBodySchema,
  rowsSchema,
  type SignatureSchemaOptions,
} from './signature-schema.js';
import { strictCategoryColumns } from './strict-categories.js';
import { type Layout, type SchemaError, schemaErrorToInput } from './validation-errors.js';

/** A compiled validator, as Fastify's Ajv gives them: errors on the function after a failure. */
export type ValidateFn = ((data: unknown) => boolean) & { errors?: readonly SchemaError[] | null };
/** Compiles a JSON Schema with the server's Ajv (Fastify's validator compiler). */
export type CompileSchema = (schema: JsonSchema) => ValidateFn;

/**
 * One loaded model version, ready to answer: its signature compiled into request validators once
 * at load (never per request), its frame plan, and its predict function. Immutable: an alias move
 * builds a new one and swaps it in, so a request that holds this one finishes on it.
 */
export interface ServedVersion {
  readonly name: string;
  /** Registered version, or null for a model served from a directory or run. */
  readonly version: number | null;
  readonly source: ModelLocation;
  readonly model: TrainedModel;
  readonly features: readonly ColumnSchema[];
  readonly classes: readonly string[];
  readonly schemas: { readonly body: JsonSchema; readonly rows: JsonSchema; readonly columns: JsonSchema };
  /** What a request unlike the training data gets: the server's --on-invalid, else the model's, else 'warn'. */
  readonly policy: ValidationPolicy;
  /**
   * Checks `rows` against the signature and validates them under the policy; `label` names them
   * in errors. The input carries the findings the policy let through (null when clean).
   */
  checkRows(rows: unknown, label?: string): RequestInput;
  /** Checks `columns` as `checkRows` checks rows. */
  checkColumns(columns: unknown, label?: string): RequestInput;
  predict(input: RequestInput): Predictions;
  readonly plan: FramePlan;
  /** 'compiled' when the pipeline was flattened (and proven equal on probes), else 'pipeline'. */
  readonly predictor: 'compiled' | 'pipeline';
  /** Why the pipeline is used as it is, when it is. */
  readonly predictorNote?: string;
}

export interface ServedVersionOptions {
  readonly maxRows: number;
  /** The validation policy for every model, over the model's own (the spec's, recorded at training). */
  readonly policy?: ValidationPolicy;
}

export function servedVersion(
  model: TrainedModel,
  source: ModelLocation,
  compile: CompileSchema,
  opts: ServedVersionOptions,
): ServedVersion {
  const features = model.info.features;
  const schemaOpts: SignatureSchemaOptions = {
    maxRows: opts.maxRows,
    strictCategories: strictCategoryColumns(model),
  };
  const schemas = {
    body: predictBodySchema(features, schemaOpts),
    rows: rowsSchema(features, schemaOpts),
    columns: columnsSchema(features, schemaOpts),
  };
  const validateRows = compile(schemas.rows);
  const validateColumns = compile(schemas.columns);
  // The request's shape without its values: checked only after the exact schema refused a request.
  const lenient = { ...schemaOpts, lenient: true };
  const shapeOfRows = compile(rowsSchema(features, lenient));
  const shapeOfColumns = compile(columnsSchema(features, lenient));
  const policy = opts.policy ?? model.info.validation?.policy ?? DEFAULT_POLICY;
  const validator = new RequestValidator(features, model.profile, policy, schemaOpts.strictCategories);
  const plan = framePlan(features);
  const fast = choosePredictor(model, plan, schemaOpts.strictCategories);
  const schemaError = (validate: ValidateFn, layout: Layout, value: unknown, label: string) => {
    const first = validate.errors?.[0];
    if (!first) return new InputError('invalid_request', `${label} is not valid`, {});
    return schemaErrorToInput(first, value, layout, label, features);
  };
  /**
   * The exact schema first: a request that passes it and whose values are like training's (the
   * hot path) goes on as it is. Otherwise, if its shape is right, its values are judged under the
   * policy: refused with the findings in details, or converted and let through with warnings.
   */
  const check = (
    exact: ValidateFn,
    shape: ValidateFn,
    layout: Layout,
    value: unknown,
    label: string,
    input: (value: unknown) => RequestInput,
  ): RequestInput => {
    if (exact(value)) {
      const ok = input(value);
      return validator.clean(ok) ? ok : validator.inspect(ok, cellName(layout, label));
    }
    if (!shape(value)) throw schemaError(exact, layout, value, label);
    if (policy !== 'reject') return validator.inspect(input(value), cellName(layout, label));
    // Refused as the exact schema says; the findings come along when the values can be read.
    const err = schemaError(exact, layout, value, label);
    try {
      const findings = validator.report(input(value), cellName(layout, label)).findings;
      Object.assign(err.details, { policy, findings });
    } catch (e) {
      if (!(e instanceof InputError)) throw e; // a second problem (ragged columns): the first is told
    }
    throw err;
  };
  return {
    name: source.name ?? model.info.name,
    version: source.version ?? null,
    source,
    model,
    features,
    classes: model.classes,
    schemas,
    plan,
    policy,
    checkRows(rows, label = 'rows') {
      return check(validateRows, shapeOfRows, 'rows', rows, label, asRows);
    },
    checkColumns(columns, label = 'columns') {
      return check(validateColumns, shapeOfColumns, 'columns', columns, label, (value) =>
        columnsInput(plan, value as Record<string, unknown[]>),
      );
    },
    predict: fast.predict,
    predictor: fast.predictor,
    ...(fast.note ? { predictorNote: fast.note } : {}),
  };
}

function asRows(value: unknown): RequestInput {
  return rowsInput(value as Record<string, unknown>[]);
}

/** How messages name a request's cell: `rows[3].x`, `columns.x[3]` (or the client's own label). */
function cellName(layout: Layout, label: string): CellName {
  return layout === 'rows'
    ? (row, column) => `${label}[${row}].${column}`
    : (row, column) => `${label}.${column}[${row}]`;
}

/** The compiled predictor when it exists and agrees with the pipeline on probes; else the pipeline. */
function choosePredictor(
  model: TrainedModel,
  plan: FramePlan,
  strict: ReadonlySet<string>,
): { predict: (input: RequestInput) => Predictions; predictor: 'compiled' | 'pipeline'; note?: string } {
  const viaPipeline = (input: RequestInput) => model.predict(inputFrame(plan, input));
  const compiled = compilePredictor(model);
  if (!compiled)
    return {
      predict: viaPipeline,
      predictor: 'pipeline',
      note: 'the pipeline has steps the compiler does not know',
    };
  const agreed = checkCompiled(model, compiled, plan, strict);
  if (!agreed.ok)
    return {
      predict: viaPipeline,
      predictor: 'pipeline',
      note: `compiled predictor differs: ${agreed.reason}`,
    };
  // Datetime features are parsed by the Frame path even when the model drops them; refuse the same bad values here.
  const dated = plan.filter((f) => f.schema.kind === 'datetime');
  return {
    predict:
      dated.length === 0
        ? compiled.predict
        : (input) => {
            checkDatetimes(dated, input);
            return compiled.predict(input);
          },
    predictor: 'compiled',
  };
}

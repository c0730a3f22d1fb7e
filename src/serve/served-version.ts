import type { ColumnSchema } from '../data/schema.js';
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
  /** Checks `rows` against the signature; `label` names it in errors. */
  checkRows(rows: unknown, label?: string): RequestInput;
  /** Checks `columns` against the signature; `label` names it in errors. */
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
  const plan = framePlan(features);
  const fast = choosePredictor(model, plan, schemaOpts.strictCategories);
  const check = (validate: ValidateFn, layout: Layout, value: unknown, label: string) => {
    if (validate(value)) return;
    const first = validate.errors?.[0];
    if (!first) throw new InputError('invalid_request', `${label} is not valid`, {});
    throw schemaErrorToInput(first, value, layout, label, features);
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
    checkRows(rows, label = 'rows') {
      check(validateRows, 'rows', rows, label);
      return rowsInput(rows as Record<string, unknown>[]);
    },
    checkColumns(columns, label = 'columns') {
      check(validateColumns, 'columns', columns, label);
      return columnsInput(plan, columns as Record<string, unknown[]>);
    },
    predict: fast.predict,
    predictor: fast.predictor,
    ...(fast.note ? { predictorNote: fast.note } : {}),
  };
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

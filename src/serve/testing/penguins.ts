/**
 * Models and rows for the serving tests: a logistic classifier on the shipped penguins data and
 * a ridge regressor on the diabetes data, trained once per test file (each takes well under a
 * second), plus helpers to build a server around them.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { col, Frame } from '../../data/frame.js';
import { loadFrame } from '../../data/load.js';
import { Pipeline } from '../../prep/pipeline.js';
import { saveModel } from '../../track/artifact/model-io.js';
import { trainModel } from '../../train/train-model.js';
import { TrainedModel } from '../../train/trained-model.js';
import type { ModelLocation } from '../model-source.js';
import { type CairnServer, createServer, type ServerOptions } from '../server.js';

const DATASETS = fileURLToPath(new URL('../../../datasets/', import.meta.url));

let penguins: Promise<TrainedModel> | undefined;
let diabetes: Promise<TrainedModel> | undefined;

/** Logistic regression on penguins.csv, served as 'penguins'. */
export function penguinsModel(): Promise<TrainedModel> {
  penguins ??= loadFrame(join(DATASETS, 'penguins.csv')).then(
    (f) => trainModel(f, { target: 'species', model: 'logistic', name: 'penguins' }).model,
  );
  return penguins;
}

/** Ridge regression on diabetes.csv, served as 'diabetes'. */
export function diabetesModel(): Promise<TrainedModel> {
  diabetes ??= loadFrame(join(DATASETS, 'diabetes.csv')).then(
    (f) => trainModel(f, { target: 'target', model: 'ridge', name: 'diabetes' }).model,
  );
  return diabetes;
}

/** A valid penguins row; override fields to break it. */
export function penguinRow(patch: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    island: 'Dream',
    beak_length_mm: 39.1,
    beak_depth_mm: 18.7,
    flipper_length_mm: 181,
    body_mass_g: 3750,
    sex: 'MALE',
    ...patch,
  };
}

/** A model served from a directory-like source that never moves. */
export function fixed(
  model: TrainedModel,
  name?: string,
  version?: number,
): { model: TrainedModel; source: ModelLocation } {
  const uri = name ?? model.info.name;
  return {
    model,
    source: {
      uri,
      path: `/models/${uri}`,
      movable: false,
      ...(name ? { name } : {}),
      ...(version ? { version } : {}),
    },
  };
}

/** A server for penguins (and any other models given), ready for inject. */
export async function penguinsServer(options: ServerOptions = {}): Promise<CairnServer> {
  return createServer([fixed(await penguinsModel())], { processMetrics: false, ...options });
}

/** Saves a model in a fresh temporary directory; returns its path. */
export async function savedModel(model: TrainedModel): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-serve-'));
  return saveModel(model, join(dir, model.info.name));
}

/** Rows as the model's input Frame, built with the data module's own constructors (the reference). */
export function frameOfRows(model: TrainedModel, rows: readonly Record<string, unknown>[]): Frame {
  return new Frame(
    model.info.features.map((f) => {
      const values = rows.map((r) => (r[f.name] ?? null) as never);
      const c =
        f.kind === 'number'
          ? col.number(values)
          : f.kind === 'boolean'
            ? col.boolean(values)
            : f.kind === 'category'
              ? col.category(values)
              : col.text(values);
      return [f.name, c] as const;
    }),
    rows.length,
  );
}

/**
 * The penguins model rebuilt around a pipeline of the caller's choosing (same signature, profile
 * and classes), fitted on the whole file: for encoders the automatic preprocessing never picks.
 */
export async function penguinsWith(steps: Pipeline['params']['steps']): Promise<TrainedModel> {
  const base = await penguinsModel();
  const frame = await loadFrame(join(DATASETS, 'penguins.csv'));
  const pipeline = new Pipeline({ steps }).fit(frame, base.encodeTarget(frame));
  return new TrainedModel(base.info, pipeline, base.profile);
}

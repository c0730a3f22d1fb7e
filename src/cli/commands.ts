import type { Command } from '@commander-js/extra-typings';
import { registerDemo } from './demo.js';
import { registerEvaluate } from './evaluate.js';
import { registerInit } from './init.js';
import type { CliContext } from './main.js';
import { registerModels } from './models.js';
import { registerMonitor } from './monitor.js';
import { registerPredict } from './predict.js';
import { registerProfile } from './profile.js';
import { registerRuns } from './runs.js';
import { registerServe } from './serve.js';
import { registerTrain } from './train.js';
import { registerValidate } from './validate.js';

/** Every command registers itself on the program; one file per command. */
export type RegisterCommand = (
  program: Command,
  ctx: CliContext,
) => Command<unknown[], Record<string, unknown>>;

export const COMMANDS: RegisterCommand[] = [
  registerInit,
  registerProfile,
  registerTrain,
  registerEvaluate,
  registerPredict,
  registerValidate,
  registerRuns,
  registerModels,
  registerServe,
  registerMonitor,
  registerDemo,
];

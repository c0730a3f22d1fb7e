import type { AnswerContext } from './answer.js';
import type { ServedModels } from './served-models.js';

/** What every route reads: the models, the metrics and log, and whether the server is draining. */
export interface ServerContext extends AnswerContext {
  readonly models: ServedModels;
  readonly state: { ready: boolean; draining: boolean };
  /** Most rows one request may carry. */
  readonly maxRows: number;
}

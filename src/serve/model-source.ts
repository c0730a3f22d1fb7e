/**
 * Where served models come from. The server only needs to turn a model URI into an artifact
 * directory with a name and a version, and to ask again later: a URI that names an alias
 * (`models:/fraud@champion`) may resolve to another version after a promotion, and the server
 * polls for that. Directories, `runs:/` references and the registry's `models:/` URIs are all
 * sources behind this one interface, so the server core knows nothing of stores or registries.
 */
export interface ModelLocation {
  /** The URI as the user gave it. */
  readonly uri: string;
  /** Absolute path of the model artifact directory. */
  readonly path: string;
  /** Registered model name, when the URI names one; else the model's own info.name is used. */
  readonly name?: string;
  /** Registered version number, when the URI resolves to one. */
  readonly version?: number;
  /** True when a later resolve may give another version (an alias); such URIs are polled. */
  readonly movable: boolean;
}

export interface ModelSource {
  resolve(uri: string): Promise<ModelLocation>;
}

/** Whether two resolutions of the same URI point at different models (the alias moved). */
export function hasMoved(before: ModelLocation, after: ModelLocation): boolean {
  return before.version !== after.version || before.path !== after.path;
}

/** Registry rows become entities here, and nowhere else. */
import type { ModelVersion, RegisteredModel } from '../registry-entities.js';
import { fromStoredSource } from './registry-source.js';
import type {
  ModelAliasesTable,
  ModelVersionMetricsTable,
  ModelVersionsTable,
  ModelVersionTagsTable,
  RegisteredModelsTable,
} from './registry-tables.js';
import { metricValueFromColumn, toNumber } from './rows.js';

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function toRegisteredModel(
  row: RegisteredModelsTable,
  aliases: readonly ModelAliasesTable[],
): RegisteredModel {
  const mine = aliases.filter((a) => a.name === row.name).sort((a, b) => byText(a.alias, b.alias));
  return {
    name: row.name,
    description: row.description,
    createdAt: toNumber(row.created_at),
    updatedAt: toNumber(row.updated_at),
    latestVersion: toNumber(row.latest_version),
    aliases: Object.fromEntries(mine.map((a) => [a.alias, toNumber(a.version)])),
  };
}

/** What belongs to the versions of one model, read in one query per table. */
export interface VersionChildren {
  readonly tags: readonly ModelVersionTagsTable[];
  readonly metrics: readonly ModelVersionMetricsTable[];
  readonly aliases: readonly ModelAliasesTable[];
}

/** Assembles versions of one model, keeping the order of `rows`; sources made absolute. */
export function toModelVersions(
  rows: readonly ModelVersionsTable[],
  children: VersionChildren,
  folder: string | undefined,
): ModelVersion[] {
  const group = <R extends { version: number }>(list: readonly R[]) => {
    const out = new Map<number, R[]>();
    for (const r of list) {
      const v = toNumber(r.version);
      let l = out.get(v);
      if (!l) out.set(v, (l = []));
      l.push(r);
    }
    return out;
  };
  const tags = group(children.tags);
  const metrics = group(children.metrics);
  const aliases = group(children.aliases);
  return rows.map((r) => {
    const v = toNumber(r.version);
    const sortedKeys = <R extends { key: string }>(l: readonly R[] = []) =>
      [...l].sort((a, b) => byText(a.key, b.key));
    return {
      name: r.name,
      version: v,
      runId: r.run_id,
      source: fromStoredSource(folder, r.source),
      createdAt: toNumber(r.created_at),
      description: r.description,
      tags: Object.fromEntries(sortedKeys(tags.get(v)).map((t) => [t.key, t.value])),
      metrics: Object.fromEntries(
        sortedKeys(metrics.get(v)).map((m) => [m.key, metricValueFromColumn(m.value)]),
      ),
      aliases: (aliases.get(v) ?? []).map((a) => a.alias).sort(byText),
    };
  });
}

/**
 * `cairn models`: the model registry from the command line. `list`, `show`, `register` (a run's
 * model or a model directory), `alias` (set, move or delete) and `promote` (move an alias, by
 * default champion, once the success criteria pass).
 */
import { join } from 'node:path';
import type { Command } from '@commander-js/extra-typings';
import { describeFailure, promote } from '../registry/promote.js';
import { registerModel } from '../registry/register.js';
import { formatCriterion } from '../spec/criteria.js';
import { loadSpec } from '../spec/load.js';
import { openStore } from '../track/open-store.js';
import type { ModelVersion, RegisteredModel } from '../track/registry-entities.js';
import type { Store } from '../track/store.js';
import { InputError } from '../util/errors.js';
import type { RegisterCommand } from './commands.js';
import { CAIRN_DIR, emit, fsPath, shown, storeUri } from './common.js';
import type { CliIO } from './io.js';
import { fmt, table } from './table.js';

const STORE_HELP = 'tracking store (default sqlite:.cairn/cairn.db, or $CAIRN_STORE)';

async function withStore<T>(io: CliIO, flag: string | undefined, f: (s: Store) => Promise<T>): Promise<T> {
  const store = await openStore(storeUri(io, flag));
  try {
    return await f(store);
  } finally {
    await store.close();
  }
}

/** A version argument: a whole number from 1, or `latest` where allowed. */
export async function versionArg(store: Store, name: string, text: string, latest = true): Promise<number> {
  if (latest && text === 'latest') return (await store.getRegisteredModel(name)).latestVersion;
  if (!/^[1-9]\d{0,14}$/.test(text))
    throw new InputError(
      'bad_flag',
      `version must be a whole number from 1${latest ? " or 'latest'" : ''}, got '${text}'`,
      { field: 'version', model: name, version: text },
    );
  return Number(text);
}

export const registerModels: RegisterCommand = (program, ctx) => {
  const io = ctx.io;
  const models = program
    .command('models')
    .description('The model registry: named models, numbered versions, aliases and promotion');

  models
    .command('list')
    .description('List registered models with their latest version and aliases')
    .option('--store <uri>', STORE_HELP)
    .option('--json', 'print a machine-readable result')
    .action(async (opts) => {
      const list = await withStore(io, opts.store, (s) => s.listRegisteredModels());
      emit(io, opts.json, { models: list }, () =>
        list.length === 0
          ? 'no registered models yet (cairn models register <run id> --name <name>, or cairn train --register <name>)\n'
          : table(
              ['model', 'latest', 'aliases', 'updated', 'description'],
              list.map((m) => [
                m.name,
                m.latestVersion,
                aliasText(m),
                when(m.updatedAt),
                m.description ?? '',
              ]),
            ),
      );
    });

  models
    .command('show')
    .description('Show a registered model: its aliases and every version with its metrics')
    .argument('<name>', 'registered model name')
    .option('--store <uri>', STORE_HELP)
    .option('--json', 'print a machine-readable result')
    .action(async (name, opts) => {
      const { model, versions } = await withStore(io, opts.store, async (s) => ({
        model: await s.getRegisteredModel(name),
        versions: await s.listModelVersions(name),
      }));
      emit(io, opts.json, { model, versions }, () => describeModel(io, model, versions));
    });

  models
    .command('register')
    .description("Register a run's model, or a model directory, as the next version of a name")
    .argument('<from>', 'run id (or unique prefix, or runs:/<id>), or a model directory')
    .requiredOption('--name <name>', 'registered model name (created when missing)')
    .option('--description <text>', 'what this version is')
    .option('--tag <key=value>', 'a tag on the version, repeatable', collect, [] as string[])
    .option('--store <uri>', STORE_HELP)
    .option('--json', 'print a machine-readable result')
    .action(async (from, opts) => {
      const { version } = await withStore(io, opts.store, (s) =>
        registerModel(s, {
          name: opts.name,
          from,
          cwd: io.cwd,
          artifactsDir: join(io.cwd, CAIRN_DIR, 'artifacts'),
          tags: parseTags(opts.tag),
          ...(opts.description !== undefined ? { description: opts.description } : {}),
        }),
      );
      const uri = `models:/${version.name}/${version.version}`;
      emit(io, opts.json, { version, uri }, () => describeRegistration(io, version));
    });

  models
    .command('alias')
    .description('Point an alias (champion, staging, any name) at a version, or delete it')
    .argument('<name>', 'registered model name')
    .argument('<alias>', 'alias name: letters, digits, ".", "_", "-", not only digits')
    .argument('[version]', "version number, or 'latest' (not with --delete)")
    .option('--delete', 'remove the alias')
    .option('--store <uri>', STORE_HELP)
    .option('--json', 'print a machine-readable result')
    .action(async (name, alias, versionText, opts) => {
      if (opts.delete) {
        if (versionText !== undefined)
          throw new InputError('bad_flag', '--delete takes no version', { field: 'version' });
        await withStore(io, opts.store, (s) => s.deleteAlias(name, alias));
        emit(io, opts.json, { name, alias, deleted: true }, () => `deleted alias '${alias}' of ${name}\n`);
        return;
      }
      if (versionText === undefined)
        throw new InputError('missing_argument', `give the version for ${name}@${alias} (or --delete)`, {
          field: 'version',
        });
      const move = await withStore(io, opts.store, async (s) =>
        s.setAlias(name, alias, await versionArg(s, name, versionText)),
      );
      emit(io, opts.json, move, () =>
        move.previous === null
          ? `${name}@${alias} -> version ${move.version} (new alias)\n`
          : `${name}@${alias} -> version ${move.version} (was ${move.previous})\n`,
      );
    });

  models
    .command('promote')
    .description("Move an alias (default champion) to a version once the spec's success criteria pass")
    .argument('<name>', 'registered model name')
    .argument('<version>', "version number, or 'latest'")
    .option('--alias <alias>', 'the alias to move', 'champion')
    .option(
      '--spec <file>',
      "check this cairn.yaml's success criteria (default: those recorded in the model)",
    )
    .option('--force', 'move the alias even when a criterion fails')
    .option('--store <uri>', STORE_HELP)
    .option('--json', 'print a machine-readable result')
    .action(async (name, versionText, opts) => {
      const criteria = opts.spec ? (await loadSpec(fsPath(io, opts.spec))).success : undefined;
      const result = await withStore(io, opts.store, async (s) =>
        promote(s, name, await versionArg(s, name, versionText), opts.alias, {
          ...(criteria ? { criteria } : {}),
          force: Boolean(opts.force),
        }),
      );
      if (result.forced)
        io.err(
          `cairn: warning: promoted despite failing ${result.criteria
            .filter((r) => !r.passed)
            .map(describeFailure)
            .join('; ')} (--force)\n`,
        );
      emit(io, opts.json, result, () => {
        const lines: string[] = [];
        if (result.criteriaFrom === 'none') lines.push('no success criteria to check');
        for (const r of result.criteria)
          lines.push(
            `  ${r.passed ? 'met    ' : 'NOT met'}  ${formatCriterion(r.criterion)}  (${r.actual === null ? 'not measured' : fmt(r.actual)})`,
          );
        const was = result.previous === null ? 'new alias' : `was version ${result.previous}`;
        lines.push(`promoted ${name} version ${result.version} to '${result.alias}' (${was})`);
        return `${lines.join('\n')}\n`;
      });
    });

  return models as unknown as Command<unknown[], Record<string, unknown>>;
};

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function parseTags(list: readonly string[]): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const t of list) {
    const eq = t.indexOf('=');
    if (eq <= 0)
      throw new InputError('bad_flag', `--tag must look like key=value, got '${t}'`, { field: 'tag' });
    tags[t.slice(0, eq).trim()] = t.slice(eq + 1);
  }
  return tags;
}

function when(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').slice(0, 19);
}

function aliasText(m: RegisteredModel): string {
  return Object.entries(m.aliases)
    .map(([a, v]) => `${a}=${v}`)
    .join(', ');
}

function primaryMetric(v: ModelVersion): string {
  const k = v.tags['cairn.primary_metric'];
  return k && k in v.metrics ? `${k}=${fmt(v.metrics[k])}` : '';
}

function describeModel(io: CliIO, m: RegisteredModel, versions: readonly ModelVersion[]): string {
  const out = [`model ${m.name}`];
  if (m.description) out.push(m.description);
  out.push(`created  ${when(m.createdAt)}`, `aliases  ${aliasText(m) || '(none)'}`, '');
  out.push(
    table(
      ['version', 'aliases', 'run', 'registered', 'metric', 'source'],
      [...versions]
        .reverse()
        .map((v) => [
          v.version,
          v.aliases.join(', '),
          v.runId?.slice(0, 8) ?? '',
          when(v.createdAt),
          primaryMetric(v),
          shown(io, v.source),
        ]),
    ).trimEnd(),
  );
  return `${out.join('\n')}\n`;
}

function describeRegistration(io: CliIO, v: ModelVersion): string {
  const from = v.runId ? ` from run ${v.runId.slice(0, 8)}` : '';
  return (
    `registered ${v.name} version ${v.version}${from}\n` +
    `  uri     models:/${v.name}/${v.version}\n` +
    `  source  ${shown(io, v.source)}\n` +
    (primaryMetric(v) ? `  metric  ${primaryMetric(v)}\n` : '')
  );
}

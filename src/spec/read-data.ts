import { isMap, isScalar, type Node } from 'yaml';
import { COLUMN_ROLES, type ColumnRole } from '../data/schema.js';
import { resolveFromSpec } from './paths.js';
import { join, type Pos, type SpecReader } from './read.js';
import { COLUMN_KINDS, type ColumnOverride, type DataSource, type DataSpec } from './types.js';

/** The `data:` section: where train (and test) rows come from, and per-column overrides. */

const DATA_KEYS = ['train', 'test', 'columns'] as const;
const SOURCE_EXPECTED = 'a file path or { sql: "SELECT ..." }';

export function readData(
  r: SpecReader,
  node: Node | undefined,
  at: Pos,
  specFile: string,
): DataSpec | undefined {
  const f = r.fields(node, 'data', at, DATA_KEYS);
  if (!f) return undefined;
  const train = readSource(r, f.require('train', SOURCE_EXPECTED), 'data.train', specFile);
  const test = readSource(r, f.get('test'), 'data.test', specFile);
  const columns = readColumns(r, f.get('columns')) ?? {};
  if (!train) return undefined;
  return test ? { train, test, columns } : { train, columns };
}

function readSource(
  r: SpecReader,
  node: Node | undefined,
  field: string,
  specFile: string,
): DataSource | undefined {
  if (node === undefined) return undefined;
  if (isMap(node)) {
    const f = r.fields(node, field, r.pos(node), ['sql']);
    const sql =
      f && r.string(f.require('sql', 'a SQL query (SELECT ...)'), join(field, 'sql'), 'a SQL query');
    return sql === undefined ? undefined : { sql };
  }
  const path = r.string(node, field, SOURCE_EXPECTED);
  return path === undefined ? undefined : { path: resolveFromSpec(specFile, path) };
}

function readColumns(r: SpecReader, node: Node | undefined): Record<string, ColumnOverride> | undefined {
  const entries = r.entries(node, 'data.columns', 'a mapping from column name to { kind, role }');
  if (!entries) return undefined;
  const out: Record<string, ColumnOverride> = {};
  for (const [name, pair, keyPos] of entries) {
    const field = join('data.columns', name);
    const value = r.deref(pair.value);
    const override =
      isScalar(value) && typeof value.value === 'string'
        ? readShortOverride(r, value, field)
        : readOverride(r, value, field, keyPos);
    if (override) out[name] = override;
  }
  return out;
}

/** `zip: category` or `customer_id: id`: a kind or a role on its own. */
function readShortOverride(r: SpecReader, node: Node, field: string): ColumnOverride | undefined {
  const v = (node as unknown as { value: string }).value;
  if ((COLUMN_KINDS as readonly string[]).includes(v))
    return { kind: r.oneOf(node, join(field, 'kind'), COLUMN_KINDS) };
  if ((COLUMN_ROLES as readonly string[]).includes(v))
    return { role: r.oneOf(node, join(field, 'role'), COLUMN_ROLES as readonly ColumnRole[]) };
  return r.expected(
    node,
    field,
    `{ kind, role }, a kind (${COLUMN_KINDS.join(', ')}) or a role (${COLUMN_ROLES.join(', ')})`,
  );
}

function readOverride(
  r: SpecReader,
  node: Node | undefined,
  field: string,
  keyPos: Pos,
): ColumnOverride | undefined {
  if (node === undefined || !isMap(node))
    return node === undefined
      ? r.fail(keyPos, field, `${field} is empty: give { kind, role }, a kind or a role`)
      : r.expected(node, field, '{ kind, role }, a kind or a role');
  const f = r.fields(node, field, keyPos, ['kind', 'role']);
  if (!f) return undefined;
  const kind = r.oneOf(f.get('kind'), f.path('kind'), COLUMN_KINDS);
  const role = r.oneOf(f.get('role'), f.path('role'), COLUMN_ROLES as readonly ColumnRole[]);
  return { ...(kind ? { kind } : {}), ...(role ? { role } : {}) };
}

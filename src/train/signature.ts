import { type Column, type ColumnKind, col, type Frame } from '../data/frame.js';
import type { ColumnSchema } from '../data/schema.js';
import { InputError } from '../util/errors.js';

/**
 * Makes a frame fit a model's input signature: every feature column must be present; a column
 * read with another kind is converted where that loses nothing (numbers written as text, 0/1 as
 * booleans, numbers as category labels) and refused otherwise, naming the column. Extra columns
 * are kept (ids, for output) and ignored by the model.
 */
export function conformToSignature(frame: Frame, features: readonly ColumnSchema[], source?: string): Frame {
  let out = frame;
  const where = source ? `${source}: ` : '';
  for (const f of features) {
    if (!frame.has(f.name))
      throw new InputError(
        'missing_column',
        `${where}column '${f.name}' is missing: the model needs it (${f.kind})`,
        source ? { file: source, column: f.name } : { column: f.name },
      );
    const c = frame.column(f.name);
    if (c.kind === f.kind) continue;
    const converted = convert(c, f.kind);
    if (!converted)
      throw new InputError(
        'wrong_kind',
        `${where}column '${f.name}' holds ${c.kind} values, the model expects ${f.kind}`,
        source ? { file: source, column: f.name } : { column: f.name },
      );
    out = out.with(f.name, converted);
  }
  return out;
}

function labelsOf(c: Column): (string | null)[] | null {
  switch (c.kind) {
    case 'category':
      return Array.from(c.values, (code) => (code < 0 ? null : c.categories[code]));
    case 'text':
      return [...c.values];
    case 'boolean':
      return Array.from(c.values, (v) => (v < 0 ? null : v === 1 ? 'true' : 'false'));
    case 'number':
      return Array.from(c.values, (v) => (Number.isNaN(v) ? null : String(v)));
    default:
      return null;
  }
}

function convert(c: Column, to: ColumnKind): Column | null {
  if (to === 'number') {
    if (c.kind === 'boolean') return col.number(Array.from(c.values, (v) => (v < 0 ? null : v)));
    const labels = labelsOf(c);
    if (!labels) return null;
    const nums = labels.map((s) => (s === null || s.trim() === '' ? null : Number(s)));
    return nums.some((v) => v !== null && Number.isNaN(v)) ? null : col.number(nums);
  }
  if (to === 'category' || to === 'text') {
    const labels = labelsOf(c);
    if (!labels) return null;
    return to === 'category' ? col.category(labels) : col.text(labels);
  }
  if (to === 'boolean') {
    const labels = labelsOf(c);
    if (!labels) return null;
    const map: Record<string, boolean> = { true: true, false: false, '1': true, '0': false };
    const vals = labels.map((s) => (s === null ? null : (map[s.toLowerCase()] ?? undefined)));
    return vals.some((v) => v === undefined) ? null : col.boolean(vals as (boolean | null)[]);
  }
  if (to === 'datetime') {
    const labels = labelsOf(c);
    if (!labels || c.kind === 'number') return null;
    const ms = labels.map((s) =>
      s === null ? null : Date.parse(s.includes('T') || s.length <= 10 ? s : `${s.replace(' ', 'T')}Z`),
    );
    return ms.some((v) => v !== null && Number.isNaN(v)) ? null : col.datetime(ms);
  }
  return null;
}

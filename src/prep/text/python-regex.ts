/**
 * scikit-learn's token patterns are Python regular expressions, whose `\w`, `\d`, `\s` and `\b`
 * are Unicode-aware; JavaScript's are ASCII-only even with the `u` flag. This rewrites a Python
 * pattern into a JavaScript RegExp with Python's meaning, for the subset token patterns use.
 */

/** Python's `\w` for str patterns: alphanumeric in Unicode (letters, numbers) or underscore. */
export const WORD_CLASS = '\\p{L}\\p{N}_';
/** Python's `\s` for str patterns (str.isspace): ASCII whitespace, \x1c-\x1f, and Unicode spaces. */
export const SPACE_CLASS =
  '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';

const W = `[${WORD_CLASS}]`;
const OUTSIDE: Record<string, string> = {
  w: W,
  W: `[^${WORD_CLASS}]`,
  d: '\\p{Nd}',
  D: '\\P{Nd}',
  s: `[${SPACE_CLASS}]`,
  S: `[^${SPACE_CLASS}]`,
  b: `(?:(?<=${W})(?!${W})|(?<!${W})(?=${W}))`,
  B: `(?:(?<=${W})(?=${W})|(?<!${W})(?!${W}))`,
  A: '(?<![\\s\\S])',
  Z: '(?![\\s\\S])',
};
const INSIDE: Record<string, string> = { w: WORD_CLASS, d: '\\p{Nd}', s: SPACE_CLASS };
/** Characters that keep their backslash in a JavaScript `u` pattern (and '-' inside a class). */
const SYNTAX = new Set('^$\\.*+?()[]{}|/');

export class PatternError extends Error {}

/** The JavaScript RegExp (flags `gu` and any inline ones) with the Python pattern's meaning. */
export function pythonRegExp(pattern: string): RegExp {
  let flags = 'gu';
  let p = pattern;
  const inline = /^\(\?([aiLmsux]+)\)/.exec(p);
  if (inline) {
    for (const f of inline[1]) {
      if (f === 'i' || f === 'm' || f === 's') flags += f;
      else if (f !== 'u') throw new PatternError(`inline flag (?${f}) is not supported`);
    }
    p = p.slice(inline[0].length);
  }
  let out = '';
  let inClass = false;
  for (let i = 0; i < p.length; i++) {
    const ch = p[i];
    if (ch === '\\') {
      const next = p[++i];
      if (next === undefined) throw new PatternError('pattern ends with a backslash');
      const table = inClass ? INSIDE : OUTSIDE;
      if (next in table) out += table[next];
      else if (inClass && 'WDS'.includes(next))
        throw new PatternError(`\\${next} inside a character class is not supported`);
      else if (/[A-Za-z0-9]/.test(next)) out += `\\${next}`;
      else out += SYNTAX.has(next) || (inClass && next === '-') ? `\\${next}` : next;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      out += ch;
      continue;
    }
    if (ch === '[') {
      inClass = true;
      out += ch;
      if (p[i + 1] === '^') out += p[++i];
      // a ']' first in a Python class is a literal
      if (p[i + 1] === ']') {
        out += '\\]';
        i++;
      }
      continue;
    }
    if (p.startsWith('(?P<', i)) {
      out += '(?<';
      i += 3;
      continue;
    }
    if (p.startsWith('(?P=', i)) {
      const end = p.indexOf(')', i);
      out += `\\k<${p.slice(i + 4, end)}>`;
      i = end;
      continue;
    }
    out += ch;
  }
  try {
    return new RegExp(out, flags);
  } catch (e) {
    throw new PatternError((e as Error).message);
  }
}

/** Capturing groups of a compiled pattern (scikit-learn allows at most one in a token pattern). */
export function captureGroups(re: RegExp): number {
  return (new RegExp(`${re.source}|`, re.flags.replace('g', '')).exec('') as RegExpExecArray).length - 1;
}

import { captureGroups, PatternError, pythonRegExp, SPACE_CLASS, WORD_CLASS } from './python-regex.js';
import { ENGLISH_STOP_WORDS } from './stop-words.js';

/** What turns one document into its terms: scikit-learn's `build_analyzer`, option for option. */
export interface AnalyzerParams {
  /**
   * `'word'` (default): tokens of `tokenPattern`, stop words removed, joined into n-grams with one
   * space. `'char'`: n-grams of characters (Unicode code points) after collapsing runs of
   * whitespace to one space. `'char_wb'`: character n-grams inside words, each padded with a space.
   */
  analyzer: 'word' | 'char' | 'char_wb';
  /** Smallest and largest n of the n-grams, both >= 1. Default [1, 1]. */
  ngramRange: readonly [number, number];
  /** Lower-case documents before anything else (as Python's str.lower). Default true. */
  lowercase: boolean;
  /**
   * Words dropped before word n-grams are formed: `'english'` (scikit-learn's 318-word list), a
   * list of words, or null (default). Ignored by the character analyzers, as in scikit-learn.
   */
  stopWords: 'english' | readonly string[] | null;
  /**
   * The Python regular expression of a token (scikit-learn's default `(?u)\b\w\w+\b`: runs of two
   * or more Unicode letters, digits or underscores). `\w`, `\d`, `\s` and `\b` keep their Unicode
   * meaning; with one capturing group, the group is the token. Used by `'word'` only.
   */
  tokenPattern: string;
}

export const SKLEARN_TOKEN_PATTERN = '(?u)\\b\\w\\w+\\b';

export const ANALYZER_DEFAULTS = {
  analyzer: 'word',
  ngramRange: [1, 1],
  lowercase: true,
  stopWords: null,
  tokenPattern: SKLEARN_TOKEN_PATTERN,
} satisfies AnalyzerParams;

const DEFAULT_TOKENS = new RegExp(`[${WORD_CLASS}]{2,}`, 'gu');
const SPACE_RUN = new RegExp(`[${SPACE_CLASS}]{2,}`, 'gu');
const SPACES = new RegExp(`[${SPACE_CLASS}]+`, 'u');

/** The token pattern compiled, or why it cannot be (for the param check). */
export function compileTokenPattern(pattern: string): RegExp {
  if (pattern === SKLEARN_TOKEN_PATTERN) return DEFAULT_TOKENS;
  const re = pythonRegExp(pattern);
  if (captureGroups(re) > 1)
    throw new PatternError('more than one capturing group; a token pattern may have one');
  return re;
}

export function isTokenPattern(v: unknown): boolean {
  if (typeof v !== 'string') return false;
  try {
    compileTokenPattern(v);
    return true;
  } catch {
    return false;
  }
}

export function isNgramRange(v: unknown): boolean {
  return (
    Array.isArray(v) &&
    v.length === 2 &&
    v.every((n) => Number.isInteger(n) && n >= 1) &&
    (v[0] as number) <= (v[1] as number)
  );
}

export function isStopWords(v: unknown): boolean {
  return v === null || v === 'english' || (Array.isArray(v) && v.every((w) => typeof w === 'string'));
}

/** A function from one document to its terms, in scikit-learn's order (repeats included). */
export function makeAnalyzer(p: AnalyzerParams): (doc: string) => string[] {
  const [lo, hi] = p.ngramRange;
  const prepare = p.lowercase ? (d: string) => d.toLowerCase() : (d: string) => d;
  if (p.analyzer === 'char') return (doc) => charNgrams(prepare(doc).replace(SPACE_RUN, ' '), lo, hi);
  if (p.analyzer === 'char_wb') return (doc) => charWbNgrams(prepare(doc).replace(SPACE_RUN, ' '), lo, hi);
  const pattern = compileTokenPattern(p.tokenPattern);
  const stop =
    p.stopWords === null ? null : p.stopWords === 'english' ? ENGLISH_STOP_WORDS : new Set(p.stopWords);
  return (doc) => {
    let tokens = tokenize(prepare(doc), pattern);
    if (stop) tokens = tokens.filter((t) => !stop.has(t));
    return wordNgrams(tokens, lo, hi);
  };
}

function tokenize(doc: string, pattern: RegExp): string[] {
  const out: string[] = [];
  pattern.lastIndex = 0;
  for (const m of doc.matchAll(pattern)) out.push(m.length > 1 ? (m[1] ?? '') : m[0]);
  return out;
}

function wordNgrams(tokens: string[], lo: number, hi: number): string[] {
  if (hi === 1) return tokens;
  const out = lo === 1 ? tokens.slice() : [];
  for (let n = Math.max(lo, 2); n <= Math.min(hi, tokens.length); n++)
    for (let i = 0; i + n <= tokens.length; i++) out.push(tokens.slice(i, i + n).join(' '));
  return out;
}

/** Code-unit offset of every code point, and the length, so n-grams never split a surrogate pair. */
function codePointOffsets(text: string): Int32Array {
  const offsets = new Int32Array(text.length + 1);
  let k = 0;
  for (let i = 0; i < text.length; i++) {
    offsets[k++] = i;
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  offsets[k] = text.length;
  return offsets.subarray(0, k + 1);
}

function charNgrams(text: string, lo: number, hi: number): string[] {
  const at = codePointOffsets(text);
  const len = at.length - 1;
  const out: string[] = [];
  for (let n = lo; n <= Math.min(hi, len); n++)
    for (let i = 0; i + n <= len; i++) out.push(text.slice(at[i], at[i + n]));
  return out;
}

function charWbNgrams(text: string, lo: number, hi: number): string[] {
  const out: string[] = [];
  for (const word of text.split(SPACES)) {
    if (word === '') continue;
    const w = ` ${word} `;
    const at = codePointOffsets(w);
    const len = at.length - 1;
    for (let n = lo; n <= hi; n++) {
      // Python slices past the end are clipped: a word shorter than n gives itself, once
      let offset = 0;
      out.push(w.slice(at[0], at[Math.min(n, len)]));
      while (offset + n < len) {
        offset++;
        out.push(w.slice(at[offset], at[offset + n]));
      }
      if (offset === 0) break;
    }
  }
  return out;
}

/** Order of Python strings: by code point (JavaScript's `<` compares UTF-16 code units). */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

/** Surrogates (code points above U+FFFF) rank after U+E000..U+FFFF, as in code point order. */
function codePointRank(unit: number): number {
  return unit >= 0xd800 && unit <= 0xdfff ? unit + 0x2000 : unit >= 0xe000 ? unit - 0x800 : unit;
}

/**
 * Shared by bench/logistic.ts and bench/ridge.ts: a fast loader for the numeric benchmark CSV and a
 * bridge to a long-lived Python process that fits scikit-learn on the same rows, so the two sides
 * can be timed interleaved, fit only.
 */
import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { type Matrix, matrix } from '../src/data/matrix.js';

export const DATA = 'bench/data/classification-1000000.csv';
export const TRAIN_ROWS = 800_000;

export interface Split {
  readonly train: { X: Matrix; y: Float64Array };
  readonly test: { X: Matrix; y: Float64Array };
  readonly features: number;
}

/**
 * Parses a header + numeric CSV whose last column is the target. Numbers with at most 15
 * significant digits and a short exponent are parsed as (integer mantissa) / 10^k or * 10^k: one
 * exact-operand division or product, so correctly rounded, the same double strtod gives. Anything
 * else goes through Number().
 */
export function loadNumericCSV(path: string, trainRows: number): Split {
  const buf = readFileSync(path);
  let pos = buf.indexOf(10) + 1;
  const header = buf
    .subarray(0, pos - 1)
    .toString('latin1')
    .trim()
    .split(',');
  const cols = header.length;
  const p = cols - 1;
  let rows = 0;
  const all = new Float64Array(Math.ceil(buf.length / 4)); // upper bound on the count of numbers
  let count = 0;
  const len = buf.length;
  while (pos < len) {
    const start = pos;
    let neg = false;
    let mant = 0;
    let digits = 0;
    let scale = 0;
    let afterDot = false;
    let c = buf[pos];
    if (c === 45) {
      neg = true;
      pos++;
    }
    for (; pos < len; pos++) {
      c = buf[pos];
      if (c >= 48 && c <= 57) {
        mant = mant * 10 + (c - 48);
        if (mant > 0 || digits > 0) digits++;
        if (afterDot) scale--;
      } else if (c === 46) afterDot = true;
      else break;
    }
    if (c === 101 || c === 69) {
      pos++;
      let eneg = false;
      if (buf[pos] === 45) {
        eneg = true;
        pos++;
      } else if (buf[pos] === 43) pos++;
      let e = 0;
      for (; pos < len; pos++) {
        const d = buf[pos];
        if (d < 48 || d > 57) break;
        e = e * 10 + (d - 48);
      }
      scale += eneg ? -e : e;
      c = buf[pos];
    }
    let v: number;
    if (digits <= 15 && scale >= -22 && scale <= 22) v = scale < 0 ? mant / 10 ** -scale : mant * 10 ** scale;
    else v = Number(buf.subarray(start, pos).toString('latin1'));
    all[count++] = neg ? -v : v;
    if (c === 13) c = buf[++pos];
    if (c === 10 || pos >= len) rows++;
    pos++;
    if (c !== 44 && c !== 10 && pos <= len) throw new Error(`unexpected byte ${c} at ${pos - 1} in ${path}`);
  }
  if (count !== rows * cols) throw new Error(`${path}: ${count} numbers for ${rows} rows of ${cols}`);
  const take = (from: number, to: number) => {
    const n = to - from;
    const X = new Float64Array(n * p);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const o = (from + i) * cols;
      X.set(all.subarray(o, o + p), i * p);
      y[i] = all[o + p];
    }
    return { X: matrix(n, p, X), y };
  };
  return { train: take(0, trainRows), test: take(trainRows, rows), features: p };
}

export interface PythonFit {
  /** Wall-clock seconds of fit. */
  readonly seconds: number;
  /** CPU seconds of fit summed over all threads (OpenBLAS may use several). */
  readonly cpuSeconds: number;
  /** Iterations reported by the model (LogisticRegression.n_iter_), when it has them. */
  readonly nIter?: number[];
  /** Test-set metric computed on the Python side (accuracy or R²). */
  readonly score: number;
}

/** A Python process that loaded the data once and fits on request. */
export class PythonPeer {
  readonly #proc: ChildProcessByStdio<Writable, Readable, null>;
  readonly #lines: Interface;
  /** Lines that arrived before anyone asked for them. */
  readonly #early: string[] = [];
  readonly #queue: { resolve: (line: string) => void; reject: (e: Error) => void }[] = [];

  constructor(script: string, args: string[]) {
    this.#proc = spawn('/usr/bin/python3', [script, ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
    this.#lines = createInterface({ input: this.#proc.stdout });
    this.#lines.on('line', (line) => {
      const waiting = this.#queue.shift();
      if (waiting) waiting.resolve(line);
      else this.#early.push(line);
    });
    this.#proc.on('exit', (code) => {
      for (const waiting of this.#queue.splice(0)) waiting.reject(new Error(`python exited with ${code}`));
    });
  }

  #next(): Promise<string> {
    const early = this.#early.shift();
    if (early !== undefined) return Promise.resolve(early);
    return new Promise((resolve, reject) => this.#queue.push({ resolve, reject }));
  }

  /** Resolves with the peer's description once its data is loaded. */
  async ready(): Promise<string> {
    return this.#next();
  }

  async fit(): Promise<PythonFit> {
    const answer = this.#next();
    this.#proc.stdin.write('fit\n');
    return JSON.parse(await answer) as PythonFit;
  }

  close(): void {
    this.#proc.stdin.end();
  }
}

/** Runs f, returning its wall-clock and CPU seconds (this process, all threads). */
export function timed(f: () => void): { seconds: number; cpuSeconds: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  f();
  const seconds = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  return { seconds, cpuSeconds: (c.user + c.system) / 1e6 };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * The writer's buffer: a FIFO of encoded records with a hard bound. Each record has an ordinal
 * (0, 1, 2, ... in log order), so that `flush()` can wait for "everything up to here" and count
 * what was dropped on the way. Pushing past the bound drops the oldest record: under overload the
 * freshest traffic is the most useful to a monitor, and memory stays bounded whatever happens.
 */
export class LineQueue {
  #lines: string[] = [];
  /** Index in #lines of the oldest record still queued. */
  #start = 0;
  /** Ordinal of the oldest queued record. */
  #head = 0;
  readonly bound: number;

  constructor(bound: number) {
    if (!(Number.isInteger(bound) && bound > 0))
      throw new RangeError(`queue bound must be >= 1, got ${bound}`);
    this.bound = bound;
  }

  get size(): number {
    return this.#lines.length - this.#start;
  }

  /** Ordinal of the oldest queued record (= of the next one pushed, when empty). */
  get head(): number {
    return this.#head;
  }

  /** Ordinal the next pushed record gets: how many were ever pushed or put back. */
  get tail(): number {
    return this.#head + this.size;
  }

  /** Appends a line; returns how many old lines were dropped to keep the bound (0 or 1). */
  push(line: string): number {
    this.#lines.push(line);
    return this.size > this.bound ? this.#dropOldest(this.size - this.bound) : 0;
  }

  /** Takes up to `n` oldest lines, with the ordinal of the first. */
  take(n: number): { start: number; lines: string[] } {
    const start = this.#head;
    const end = this.#start + Math.min(n, this.size);
    const lines = this.#lines.slice(this.#start, end);
    this.#advance(lines.length);
    return { start, lines };
  }

  /**
   * Puts lines taken earlier back in front (a batch that failed, to be retried), keeping the
   * bound by dropping the oldest; returns how many were dropped. `start` must be the ordinal they
   * were taken with, right before the current head.
   */
  putBack(start: number, lines: readonly string[]): number {
    if (start + lines.length !== this.#head) throw new Error('LineQueue.putBack: not the lines just taken');
    this.#lines = [...lines, ...this.#lines.slice(this.#start)];
    this.#start = 0;
    this.#head = start;
    return this.size > this.bound ? this.#dropOldest(this.size - this.bound) : 0;
  }

  /** Drops every queued line; returns how many. */
  clear(): number {
    const n = this.size;
    this.#advance(n);
    return n;
  }

  #dropOldest(n: number): number {
    this.#advance(n);
    return n;
  }

  #advance(n: number): void {
    this.#start += n;
    this.#head += n;
    // compact now and then, so that taken lines do not pile up in front
    if (this.#start === this.#lines.length) {
      this.#lines = [];
      this.#start = 0;
    } else if (this.#start > 4096 && this.#start * 2 > this.#lines.length) {
      this.#lines = this.#lines.slice(this.#start);
      this.#start = 0;
    }
  }
}

/**
 * Shared memory that a RowWorkerPool reuses from fit to fit. A SharedArrayBuffer once posted to a
 * worker stays alive until that worker collects garbage, and an idle worker hardly ever does: with a
 * fresh buffer per fit, every fit would leave a copy of X behind. Reused buffers cost nothing more,
 * and the copy into memory already touched is faster too.
 */

export type SharedTyped = Float64Array | Int32Array;

export function isShared(a: SharedTyped): boolean {
  return a.buffer instanceof SharedArrayBuffer;
}

export class SharedBuffers {
  readonly #free: SharedArrayBuffer[] = [];

  /** The smallest free buffer of at least `bytes`, else a new one. */
  lease(bytes: number): SharedArrayBuffer {
    let best = -1;
    for (let i = 0; i < this.#free.length; i++) {
      const len = this.#free[i].byteLength;
      if (len >= bytes && (best < 0 || len < this.#free[best].byteLength)) best = i;
    }
    return best >= 0 ? this.#free.splice(best, 1)[0] : new SharedArrayBuffer(bytes);
  }

  /** Buffers whose users are done with them. */
  giveBack(buffers: SharedArrayBuffer[]): void {
    this.#free.push(...buffers.splice(0));
  }

  /** `a` when it already lies in shared memory, else a copy in a leased buffer, noted in `leases`. */
  copy<T extends SharedTyped>(a: T, leases: SharedArrayBuffer[]): T {
    if (isShared(a)) return a;
    const buffer = this.lease(a.byteLength);
    leases.push(buffer);
    const Ctor = a.constructor as new (buffer: SharedArrayBuffer, offset: number, length: number) => T;
    const copy = new Ctor(buffer, 0, a.length);
    copy.set(a);
    return copy;
  }

  /** Bytes held for reuse. */
  get freeBytes(): number {
    return this.#free.reduce((s, b) => s + b.byteLength, 0);
  }

  clear(): void {
    this.#free.length = 0;
  }
}

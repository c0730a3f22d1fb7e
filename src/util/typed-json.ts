/**
 * JSON that carries typed arrays and non-finite numbers exactly. Typed arrays become
 * `{ "$typed": "Float64Array", "b64": "..." }` (little-endian bytes), NaN and ±Infinity become
 * `{ "$num": "NaN" }`; everything else stays plain JSON. Decoding never evaluates code: only the
 * typed-array names listed here are accepted.
 */
const TYPED = {
  Float64Array,
  Float32Array,
  Int32Array,
  Uint32Array,
  Int16Array,
  Uint16Array,
  Int8Array,
  Uint8Array,
} as const;
export type TypedArrayName = keyof typeof TYPED;
export type TypedArray = InstanceType<(typeof TYPED)[TypedArrayName]>;

export function isTypedArray(v: unknown): v is TypedArray {
  return ArrayBuffer.isView(v) && !(v instanceof DataView);
}

export function typedArrayName(v: TypedArray): TypedArrayName {
  const name = v.constructor.name as TypedArrayName;
  if (!(name in TYPED)) throw new TypeError(`unsupported typed array ${name}`);
  return name;
}

export function makeTyped(name: string, bytes: Uint8Array): TypedArray {
  const Ctor = TYPED[name as TypedArrayName];
  if (!Ctor) throw new TypeError(`unknown typed array type '${name}'`);
  if (bytes.byteLength % Ctor.BYTES_PER_ELEMENT !== 0)
    throw new TypeError(`${bytes.byteLength} bytes is not a whole number of ${name} elements`);
  // copy so the result is aligned and owns its buffer
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return new Ctor(copy.buffer, 0, bytes.byteLength / Ctor.BYTES_PER_ELEMENT);
}

export function bytesOf(v: TypedArray): Uint8Array {
  return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
}

/** Walks a value, replacing typed arrays through `onTyped` and non-finite numbers with markers. */
export function encodeValue(v: unknown, onTyped: (t: TypedArray) => unknown = inlineTyped): unknown {
  if (typeof v === 'number') return Number.isFinite(v) ? v : { $num: String(v) };
  if (v === null || typeof v !== 'object') return v;
  if (isTypedArray(v)) return onTyped(v);
  if (Array.isArray(v)) return v.map((x) => encodeValue(x, onTyped));
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = encodeValue(x, onTyped);
  return out;
}

/** Inverse of encodeValue; `onRef` resolves typed-array markers that are not inline. */
export function decodeValue(v: unknown, onRef?: (marker: Record<string, unknown>) => TypedArray): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map((x) => decodeValue(x, onRef));
  const o = v as Record<string, unknown>;
  if (typeof o.$num === 'string' && Object.keys(o).length === 1) return Number(o.$num);
  if (typeof o.$typed === 'string') {
    if (typeof o.b64 === 'string') return makeTyped(o.$typed, base64ToBytes(o.b64));
    if (onRef) return onRef(o);
    throw new TypeError(`typed array marker without data: ${JSON.stringify(o).slice(0, 80)}`);
  }
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(o)) out[k] = decodeValue(x, onRef);
  return out;
}

function inlineTyped(t: TypedArray): unknown {
  return { $typed: typedArrayName(t), b64: bytesToBase64(bytesOf(t)) };
}

export function stringifyTyped(v: unknown, space?: number): string {
  return JSON.stringify(encodeValue(v), null, space);
}

export function parseTyped(text: string): unknown {
  return decodeValue(JSON.parse(text));
}

// Browser-safe base64 (no Buffer): models must run in a browser too.
const ALPHA = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOOKUP = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHA.length; i++) LOOKUP[ALPHA.charCodeAt(i)] = i;

export function bytesToBase64(b: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < b.length; i += 3) {
    const n = (b[i] << 16) | (b[i + 1] << 8) | b[i + 2];
    out += ALPHA[n >> 18] + ALPHA[(n >> 12) & 63] + ALPHA[(n >> 6) & 63] + ALPHA[n & 63];
  }
  if (i < b.length) {
    const n = (b[i] << 16) | ((i + 1 < b.length ? b[i + 1] : 0) << 8);
    const third = i + 1 < b.length ? ALPHA[(n >> 6) & 63] : '=';
    out += `${ALPHA[n >> 18]}${ALPHA[(n >> 12) & 63]}${third}=`;
  }
  return out;
}

export function base64ToBytes(s: string): Uint8Array {
  const clean = s.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let acc = 0;
  let bits = 0;
  let j = 0;
  for (let i = 0; i < clean.length; i++) {
    const c = clean.charCodeAt(i);
    const v = c < 128 ? LOOKUP[c] : -1;
    if (v < 0) throw new TypeError(`invalid base64 character at ${i}`);
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[j++] = (acc >> bits) & 255;
    }
  }
  return out;
}

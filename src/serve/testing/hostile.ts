/**
 * A seeded generator of malformed and hostile requests for the fuzz test: valid bodies with one
 * thing broken (types, missing and extra fields, huge numbers, nesting, prototype keys), raw
 * texts that are not JSON or not UTF-8, oversized bodies, wrong content types, wrong methods and
 * odd URLs. The same seed gives the same requests.
 */
import { Rng } from '../../util/random.js';

export interface HostileRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly payload?: string | Buffer;
  /** What the request breaks, for the failure message. */
  readonly what: string;
}

const WEIRD_VALUES: unknown[] = [
  null,
  true,
  0,
  -0,
  1e308,
  -1e308,
  5e-324,
  Number.MAX_SAFE_INTEGER + 2,
  '',
  ' ',
  'NaN',
  'Infinity',
  '-1e999',
  '12',
  '\u0000',
  '\ud800',
  '😀'.repeat(50),
  'x'.repeat(5000),
  [],
  [1, 2, 3],
  {},
  { $gt: 1 },
  { __proto__: null, toString: 1 },
];

const KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '',
  ' ',
  '0',
  'rows',
  'columns',
  '\u0000',
];

const TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=----x',
  'application/xml',
  'application/octet-stream',
  'application/json; charset=latin1',
  'application/jsonx',
  'text/csv',
  'image/png',
  '',
];

const PATHS = [
  '/v1/models/penguins/predict',
  '/v1/models/penguins/predict',
  '/v1/models/penguins/predict',
  '/invocations',
  '/invocations',
  '/v1/feedback',
  '/v1/models/%00/predict',
  '/v1/models/..%2F..%2Fetc/predict',
  '/v1/models/pénguins/predict',
  `/v1/models/${'a'.repeat(3000)}/predict`,
  '/v1/models/penguins/predict?model=__proto__',
  '/invocations?model=constructor',
  '/v1/models/penguins',
  '/metrics?x=%ff',
  '/%',
  '//',
];

export function hostileRequests(
  seed: number,
  count: number,
  row: Record<string, unknown>,
  bodyLimit: number,
): HostileRequest[] {
  const rng = new Rng(seed);
  const pick = <T>(a: readonly T[]): T => a[rng.int(a.length)];
  const json = 'application/json';
  const out: HostileRequest[] = [];
  const post = (what: string, payload: string | Buffer, type = json, url = pick(PATHS.slice(0, 6))) =>
    out.push({ method: 'POST', url, headers: type ? { 'content-type': type } : {}, payload, what });

  const mutatedRow = (): [string, Record<string, unknown>] => {
    const r: Record<string, unknown> = { ...row };
    const keys = Object.keys(r);
    switch (rng.int(5)) {
      case 0: {
        const k = pick(keys);
        r[k] = pick(WEIRD_VALUES);
        return [`${k} = ${JSON.stringify(r[k])?.slice(0, 30)}`, r];
      }
      case 1: {
        const k = pick(keys);
        delete r[k];
        return [`without ${k}`, r];
      }
      case 2: {
        const k = pick(KEYS);
        Object.defineProperty(r, k, {
          value: pick(WEIRD_VALUES),
          enumerable: true,
          configurable: true,
          writable: true,
        });
        return [`extra key ${JSON.stringify(k)}`, r];
      }
      case 3: {
        const k = pick(keys);
        r[k] = nested(rng.int(3) === 0 ? 1000 : 50, rng.int(2) === 0); // deeper nesting comes as raw text
        return [`${k} nested`, r];
      }
      default: {
        for (const k of keys) if (rng.int(2) === 0) r[k] = pick(WEIRD_VALUES);
        return ['many fields broken', r];
      }
    }
  };

  while (out.length < count) {
    switch (rng.int(12)) {
      case 0:
      case 1:
      case 2: {
        const [what, r] = mutatedRow();
        const rows = Array.from({ length: 1 + rng.int(3) }, (_, i) => (i === 0 ? r : { ...row }));
        post(`rows: ${what}`, JSON.stringify({ rows }), json, '/v1/models/penguins/predict');
        break;
      }
      case 3: {
        const [what, r] = mutatedRow();
        const layout = pick(['dataframe_records', 'instances', 'inputs', 'dataframe_split']);
        const value =
          layout === 'dataframe_split'
            ? { columns: Object.keys(r), data: [Object.values(r)] }
            : layout === 'inputs' && rng.int(2) === 0
              ? Object.fromEntries(Object.entries(r).map(([k, v]) => [k, [v]]))
              : [r];
        post(`${layout}: ${what}`, JSON.stringify({ [layout]: value }), json, '/invocations');
        break;
      }
      case 4: {
        // a broken shape around valid rows
        const shapes: unknown[] = [
          null,
          [],
          'rows',
          42,
          { rows: null },
          { rows: row },
          { rows: [[row]] },
          { columns: [row] },
          { columns: { island: 'Dream' } },
          { rows: [row], columns: {} },
          { ROWS: [row] },
          { dataframe_split: { columns: 'island', data: 1 } },
          { dataframe_split: { columns: ['island'], data: [['Dream', 'extra']] } },
          { inputs: [[1, 2]] },
          { id: 1, value: 'x' },
          [{ id: 'x' }],
          { id: 'x'.repeat(1000), value: 1 },
        ];
        const s = pick(shapes);
        post(`shape ${JSON.stringify(s).slice(0, 40)}`, JSON.stringify(s));
        break;
      }
      case 5: {
        // raw text that is not valid JSON
        const good = JSON.stringify({ rows: [row] });
        const texts = [
          good.slice(0, rng.int(good.length)),
          good.replace(':', '::'),
          `${good},`,
          `\ufeff${good}`,
          good.replaceAll('"', "'"),
          '{"rows": [NaN]}',
          '{"rows": [Infinity]}',
          `{"rows": [{"body_mass_g": 1${'0'.repeat(400)}}]}`,
          `{"rows": [{"body_mass_g": 1e99999}]}`,
          `${'['.repeat(20000)}${']'.repeat(20000)}`,
          `{"rows": ${'['.repeat(30000)}`,
          '{"a":'.repeat(5000),
          'null',
          'true',
          '"a string"',
          '\u0000\u0001\u0002',
          `{"__proto__": {"isAdmin": true}, "rows": [${JSON.stringify(row)}]}`,
          `{"rows": [{"constructor": {"prototype": {"isAdmin": true}}}]}`,
          `{"rows": [${JSON.stringify(row)}], "rows": []}`,
        ];
        post('raw text', pick(texts));
        break;
      }
      case 6: {
        // bytes that are not UTF-8, or random bytes
        const bytes = Buffer.alloc(1 + rng.int(300));
        for (let i = 0; i < bytes.length; i++) bytes[i] = rng.int(256);
        const good = Buffer.from(JSON.stringify({ rows: [row] }));
        const spliced = Buffer.concat([
          good.subarray(0, 20),
          Buffer.from([0xff, 0xfe, 0xc0, 0x80, 0xed, 0xa0, 0x80]),
          good.subarray(20),
        ]);
        post('random or invalid UTF-8 bytes', rng.int(2) === 0 ? bytes : spliced, pick([json, 'text/csv']));
        break;
      }
      case 7: {
        // over the body limit
        const n = Math.ceil((bodyLimit * (1 + rng.next())) / JSON.stringify(row).length) + 1;
        post(
          'oversized',
          JSON.stringify({ rows: Array.from({ length: n }, () => row) }),
          pick([json, 'text/csv']),
        );
        break;
      }
      case 8:
        post('wrong content type', JSON.stringify({ rows: [row] }), pick(TYPES));
        break;
      case 9: {
        // CSV that is not what it claims
        const csvs = [
          'island\n',
          `${Object.keys(row).join(',')}\n${Object.values(row).join(',')},extra\n`,
          `${Object.keys(row).join(',')}\n"unclosed,1,2,3,4,5\n`,
          `${Object.keys(row).join(',')}\nDream,x,y,z,w,MALE\n`,
          `${Object.keys(row).join(',')}\nDream,1e999,1,1,1,MALE\n`,
          '\n\n\n',
          `${'a,'.repeat(5000)}\n`,
          `__proto__,constructor\n1,2\n`,
        ];
        post('bad CSV', pick(csvs), 'text/csv', '/invocations');
        break;
      }
      case 10:
        out.push({
          method: pick(['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD']),
          url: pick(PATHS),
          headers: { 'content-type': json },
          payload: rng.int(2) === 0 ? JSON.stringify({ rows: [row] }) : undefined,
          what: 'wrong method or URL',
        });
        break;
      default: {
        // valid-looking bodies with many rows, some broken deep inside
        const rows = Array.from({ length: 5 + rng.int(50) }, () => ({ ...row }));
        const [what, r] = mutatedRow();
        rows[rng.int(rows.length)] = r;
        const columns = Object.fromEntries(Object.keys(row).map((k) => [k, rows.map((x) => x[k])]));
        post(
          `batch: ${what}`,
          JSON.stringify(rng.int(2) === 0 ? { rows } : { columns }),
          json,
          '/v1/models/penguins/predict',
        );
      }
    }
  }
  return out;
}

function nested(depth: number, arrays: boolean): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = arrays ? [v] : { a: v };
  return v;
}

/**
 * Whole hostile requests for one route, from its OpenAPI entry: path parameters (valid, real,
 * malformed), query strings (missing, wrong, duplicated, prototype keys), bodies (almost valid,
 * random JSON, hostile JSON text, wrong content types, broken multipart).
 */
import fc from 'fast-check';
import {
  almostValid,
  BAD_IDS,
  hostileJsonText,
  hostileMultipart,
  nastyString,
  valid,
  wrongValue,
  type Schema,
} from './fuzz-inputs.ts';

type Parameter = { in: string; name: string; required?: boolean; schema?: Schema };
type Operation = {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  consumes?: string[];
};
export type OpenApi = { paths: Record<string, Record<string, Operation>> };

/** What the fuzzer knows of a route. */
export type RouteInfo = {
  key: string;
  method: string;
  url: string;
  params: { name: string; schema?: Schema }[];
  query: { name: string; schema?: Schema; required: boolean }[];
  body?: Schema;
  multipart: boolean;
};

/** The route's schemas from the OpenAPI document (`:id` → `{id}`); hidden routes get none. */
export function routeInfo(method: string, url: string, doc: OpenApi): RouteInfo {
  const op = doc.paths[url.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()];
  const params = [...url.matchAll(/:(\w+)|\*/g)].map((m) => m[1] ?? '*');
  const declared = op?.parameters ?? [];
  const content = op?.requestBody?.content ?? {};
  return {
    key: `${method} ${url}`,
    method,
    url,
    params: params.map((name) => ({
      name,
      schema: declared.find((p) => p.in === 'path' && p.name === name)?.schema,
    })),
    query: declared
      .filter((p) => p.in === 'query')
      .map((p) => ({ name: p.name, schema: p.schema, required: p.required === true })),
    body: content['application/json']?.schema,
    multipart: 'multipart/form-data' in content || (op?.consumes ?? []).includes('multipart/form-data'),
  };
}

/** One generated request. `shape` says which kind of attack it is (for reports). */
export type FuzzRequest = {
  method: string;
  path: string;
  query: string;
  params: Record<string, string>;
  contentType?: string;
  payload?: string | Buffer;
  idempotencyKey?: string;
  shape: string;
};

/** Percent-encodes the UTF-8 bytes (lone surrogates become U+FFFD), at most `max` characters, never half a character. */
export function pct(v: unknown, max = Infinity): string {
  const text = typeof v === 'string' ? v : (JSON.stringify(v) ?? '');
  let out = '';
  for (const ch of text) {
    const piece = [...Buffer.from(ch, 'utf8')]
      .map((b) =>
        /[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b))
          ? String.fromCharCode(b)
          : `%${b.toString(16).toUpperCase().padStart(2, '0')}`,
      )
      .join('');
    if (out.length + piece.length > max) break;
    out += piece;
  }
  return out;
}
const enc = (v: unknown) => pct(v);

function paramValue(schema: Schema | undefined, realIds: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 2, arbitrary: valid(schema ?? { type: 'string' }).map((v) => pct(v, 190)) },
    { weight: 2, arbitrary: fc.constantFrom(...realIds) },
    { weight: 3, arbitrary: fc.constantFrom(...BAD_IDS) },
    { weight: 2, arbitrary: nastyString().map((s) => pct(s, 190)) },
  );
}

function queryString(info: RouteInfo): fc.Arbitrary<string> {
  const one = (q: RouteInfo['query'][number]) =>
    fc.oneof(
      { weight: 3, arbitrary: valid(q.schema).map((v) => `${q.name}=${enc(v)}`) },
      { weight: 3, arbitrary: wrongValue().map((v) => `${q.name}=${enc(v)}`) },
      { weight: 2, arbitrary: nastyString().map((v) => `${q.name}=${enc(v)}`) },
      { weight: 1, arbitrary: fc.constant(`${q.name}=1&${q.name}=2`) },
      { weight: 1, arbitrary: fc.constant(`${q.name}[]=x&${q.name}[a]=y`) },
      { weight: 2, arbitrary: fc.constant('') },
    );
  const extras = fc.constantFrom(
    '',
    '__proto__[admin]=1',
    'constructor[prototype][x]=1',
    '&&&==&',
    'a=%ZZ',
    '%00=%00',
    `x=${'y'.repeat(10_000)}`,
    'page=-1&pageSize=100000',
    'page=1e999',
  );
  return fc
    .tuple(fc.tuple(...info.query.map(one)), extras)
    .map(([parts, extra]) => [...parts, extra].filter(Boolean).join('&'));
}

const JSON_TYPE = 'application/json';

function body(info: RouteInfo): fc.Arbitrary<Pick<FuzzRequest, 'contentType' | 'payload' | 'shape'>> {
  const json = (shape: string) => (v: unknown) => ({
    contentType: JSON_TYPE,
    payload: JSON.stringify(v) ?? 'null',
    shape,
  });
  const wrongType = fc
    .tuple(
      fc.constantFrom(
        'text/plain',
        'application/xml',
        'application/x-www-form-urlencoded',
        'application/json; charset=utf-16',
        'application/octet-stream',
        'image/png',
        'application/json;;;',
        '',
      ),
      fc.jsonValue({ maxDepth: 2 }),
    )
    .map(([contentType, v]) => ({
      contentType,
      payload: JSON.stringify(v) ?? '',
      shape: `content-type ${contentType || '(empty)'}`,
    }));
  const rawBytes = fc
    .constantFrom(
      Buffer.concat([
        Buffer.from('{"title":"'),
        Buffer.from([0xed, 0xa0, 0x80, 0xc3, 0x28, 0xff]),
        Buffer.from('"}'),
      ]),
      Buffer.from([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]),
      Buffer.from('{"a":"\u0000"}'),
    )
    .map((payload) => ({ contentType: JSON_TYPE, payload, shape: 'invalid UTF-8 bytes' }));
  const multipart = hostileMultipart().map((m) => ({
    contentType: m.contentType,
    payload: m.payload,
    shape: m.shape,
  }));
  return fc.oneof(
    { weight: info.body ? 6 : 1, arbitrary: almostValid(info.body).map(json('json almost valid')) },
    { weight: info.body ? 1 : 0, arbitrary: valid(info.body).map(json('json from the schema')) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map(json('random json')) },
    {
      weight: 1,
      arbitrary: hostileJsonText().map((payload) => ({
        contentType: JSON_TYPE,
        payload,
        shape: 'hostile json text',
      })),
    },
    { weight: 1, arbitrary: rawBytes },
    { weight: 1, arbitrary: wrongType },
    { weight: info.multipart ? 6 : 1, arbitrary: multipart },
    { weight: 1, arbitrary: fc.constant({ shape: 'no body' }) },
  );
}

/** Requests for one route; `realIds` are ids of records that exist (so checks past "not found" run too). */
export function requestFor(info: RouteInfo, realIds: string[]): fc.Arbitrary<FuzzRequest> {
  const params = fc.tuple(...info.params.map((p) => paramValue(p.schema, realIds)));
  const hasBody = info.method !== 'GET' && info.method !== 'DELETE';
  const payload = hasBody
    ? body(info)
    : fc.oneof(
        { weight: 9, arbitrary: fc.constant({ shape: 'query' }) },
        { weight: 1, arbitrary: body(info) },
      );
  const idempotencyKey = fc.option(
    fc.constantFrom('k'.repeat(101), 'é', 'key with spaces', ' ', 'fuzz-key'),
    { freq: 4, nil: undefined },
  );
  return fc.tuple(params, queryString(info), payload, idempotencyKey).map(([values, query, b, key]) => {
    const byName = Object.fromEntries(info.params.map((p, i) => [p.name, values[i]!]));
    const path = info.url.replace(/:(\w+)|\*/g, (_t, name: string | undefined) => byName[name ?? '*']!);
    return {
      method: info.method,
      path,
      query,
      params: byName,
      ...b,
      ...(key !== undefined ? { idempotencyKey: key } : {}),
    };
  });
}

import { request as httpRequest, Agent } from 'node:http';
import { gzipSync } from 'node:zlib';
import { CRUD_TABLES, NAME_MAX_LENGTH, type CrudTable } from '@smart-sync/shared-types';
import fc from 'fast-check';

/**
 * Generated HTTP requests for the fuzz specs (see api.fuzz.spec.ts): every route of the API, with
 * bodies that are almost right (odd names and ids in the right shape), plainly wrong (other
 * types, unknown and `__proto__` keys, deep nesting), malformed JSON, other content types,
 * charsets and content encodings, and odd table names and ids in the path.
 */

/** Who sends a request: the admin, a viewer of one location, nobody, or a cookie that is no session. */
export type Sender = 'admin' | 'viewer' | 'none' | 'forged';

/** A route and what its answer changes, for the properties to check. */
export type RouteKind =
  'top' | 'load' | 'indexes' | 'update' | 'add' | 'delete' | 'login' | 'logout' | 'me';

export interface FuzzRequest {
  kind: RouteKind;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Already percent-encoded, starting with `/api/`. */
  path: string;
  sender: Sender;
  headers: Record<string, string>;
  body: Buffer;
  /** The `name` the body carries as a string when it was built as JSON (for the stored-name check). */
  name?: string;
  /** The table of a table route. */
  table?: string;
  /** Whether the body's bytes decode back to the text it was made of (not so for WTF-8). */
  lossless: boolean;
}

export interface FuzzResponse {
  status: number;
  body: string;
}

/** Ids the generators pick from (by index, so a seed replays on a database with other ids). */
export interface IdPool {
  /** Rows that exist: renamed and added under, never deleted by the fuzz. */
  readonly rows: Record<CrudTable, readonly string[]>;
  /** Rows the fuzz added: deletable. */
  readonly added: Record<CrudTable, string[]>;
}

/** Characters that break naïve text handling. */
const ODD_CHARACTERS = [
  '\u0000', // NUL
  '\u0007',
  '\t',
  '\n',
  '\r',
  '\u001b',
  '\u007f', // DEL
  '\u0085', // C1 next line
  '\u009f',
  '\u00a0', // no-break space
  '\u00ad', // soft hyphen
  '\u0301', // combining acute
  '\u200b', // zero-width space
  '\u200c',
  '\u200d', // zero-width joiner
  '\u200e', // left-to-right mark
  '\u200f', // right-to-left mark
  '\u202e', // right-to-left override
  '\u2028', // line separator
  '\u2060', // word joiner
  '\u3000', // ideographic space
  '\u3164', // Hangul filler
  '\ufeff', // byte order mark
  '\ufffd', // replacement character
  '\ud800', // lone high surrogate
  '\udc00', // lone low surrogate
  '😀',
  '👨‍👩‍👧',
  'ש',
  'ﷺ',
  '"',
  '\\',
  '%',
  '/',
  '<',
  ' ',
  'a',
] as const;

export const oddCharacter = fc.constantFrom(...ODD_CHARACTERS);

/** Strings of every kind: short and odd, and some too long, up to `longest` repeats of a character. */
export function oddStrings(longest: number): fc.Arbitrary<string> {
  const lengths = [
    1,
    64,
    65,
    NAME_MAX_LENGTH - 1,
    NAME_MAX_LENGTH,
    NAME_MAX_LENGTH + 1,
    1000,
    100_000,
  ];
  return fc.oneof(
    { weight: 4, arbitrary: fc.string({ unit: oddCharacter, maxLength: 12 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(oddCharacter, fc.constantFrom(...lengths.filter((length) => length <= longest)))
        .map(([character, times]) => character.repeat(times)),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom('', ' ', 'top', '1', 'null', '__proto__', 'constructor', '0'),
    },
  );
}

const oddString = oddStrings(100_000);

/** A JSON-ish value of any type. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, -0, Number.MAX_SAFE_INTEGER + 2),
  oddString,
  fc.array(fc.oneof(oddString, fc.integer()), { maxLength: 5 }),
  fc.dictionary(oddString, fc.oneof(oddString, fc.integer()), { maxKeys: 4 }),
);

/** A value nested `depth` arrays or objects deep (JSON.stringify recursion stays far from its limit). */
function nested(depth: number, inObjects: boolean): string {
  return inObjects
    ? '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)
    : '['.repeat(depth) + ']'.repeat(depth);
}

/** JSON text as is: malformed, deep, or with keys JSON.stringify would not write. */
const rawJson: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    '{',
    '{"id":',
    "{'id':'1'}",
    '{"id":"1",}',
    '[1,2',
    'undefined',
    'NaN',
    '{"id":"\\ud800","name":"\\udc00x"}',
    '{"id":"1","name":"\\u0000"}',
    '"\\u"',
    '{"__proto__":{"admin":true},"id":"1","name":"x"}',
    '{"constructor":{"prototype":{"admin":true}},"name":"x","parentId":"1"}',
    '{"name":"a","name":"b","parentId":"1"}',
    '\ufeff{"name":"bom","parentId":"1"}',
    '[]',
    'null',
    '0',
    '"text"',
  ),
  fc
    .constantFrom(100, 10_000, 100_000)
    .chain((depth) => fc.boolean().map((inObjects) => nested(depth, inObjects))),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

/** How the body reaches the server: content type, charset and content encoding. */
const encodings = fc.constantFrom(
  'json',
  'json',
  'json',
  'json',
  'json-charset-utf8',
  'json-utf16le',
  'json-latin1',
  'json-utf7',
  'json-gzip',
  'json-bad-gzip',
  'json-unknown-encoding',
  'text-plain',
  'form',
  'multipart',
  'no-content-type',
  'json-patch',
  'wtf8-surrogates',
);

/**
 * The body as a sloppy encoder sends it: each escaped lone surrogate (`\\ud800`, as
 * JSON.stringify writes it) as the 3 bytes a character would take (WTF-8), invalid UTF-8.
 */
function wtf8(text: string): Buffer {
  const parts = text.split(/\\u(d[89a-f][0-9a-f]{2})/i);
  return Buffer.concat(
    parts.map((part, index) => {
      if (index % 2 === 0) return Buffer.from(part);
      const unit = parseInt(part, 16);
      return Buffer.from([0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)]);
    }),
  );
}

function encode(text: string, encoding: string): { headers: Record<string, string>; body: Buffer } {
  const json = { 'Content-Type': 'application/json' };
  switch (encoding) {
    case 'json-charset-utf8':
      return {
        headers: { 'Content-Type': 'application/json; charset=UTF-8' },
        body: Buffer.from(text),
      };
    case 'json-utf16le':
      // Lone surrogates survive UTF-16 as they are: the body decodes back to the same JS string.
      return {
        headers: { 'Content-Type': 'application/json; charset=utf-16le' },
        body: Buffer.from(text, 'utf16le'),
      };
    case 'json-latin1':
      return {
        headers: { 'Content-Type': 'application/json; charset=latin1' },
        body: Buffer.from(text, 'latin1'),
      };
    case 'json-utf7':
      return {
        headers: { 'Content-Type': 'application/json; charset=utf-7' },
        body: Buffer.from(text),
      };
    case 'json-gzip':
      return { headers: { ...json, 'Content-Encoding': 'gzip' }, body: gzipSync(text) };
    case 'json-bad-gzip':
      return { headers: { ...json, 'Content-Encoding': 'gzip' }, body: Buffer.from(text) };
    case 'json-unknown-encoding':
      return { headers: { ...json, 'Content-Encoding': 'x-fuzz' }, body: Buffer.from(text) };
    case 'text-plain':
      return { headers: { 'Content-Type': 'text/plain' }, body: Buffer.from(text) };
    case 'form':
      return {
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: Buffer.from(
          `name=${encodeURIComponent(text.slice(0, 50).replace(/[\ud800-\udfff]/g, ''))}`,
        ),
      };
    case 'multipart':
      return {
        headers: { 'Content-Type': 'multipart/form-data; boundary=x' },
        body: Buffer.from(
          `--x\r\nContent-Disposition: form-data; name="name"\r\n\r\n${text}\r\n--x--\r\n`,
        ),
      };
    case 'no-content-type':
      return { headers: {}, body: Buffer.from(text) };
    case 'json-patch':
      return {
        headers: { 'Content-Type': 'application/merge-patch+json' },
        body: Buffer.from(text),
      };
    case 'wtf8-surrogates':
      return { headers: json, body: wtf8(text) };
    default:
      return { headers: json, body: Buffer.from(text) };
  }
}

/** Percent-encodes every byte but the unreserved ones (a lone surrogate as U+FFFD's bytes). */
function pathSegment(text: string): string {
  return [...Buffer.from(text)]
    .map((byte) => {
      const character = String.fromCharCode(byte);
      return /[A-Za-z0-9_.~-]/.test(character)
        ? character
        : `%${byte.toString(16).padStart(2, '0')}`;
    })
    .join('');
}

/** Path segments a percent-encoder would not write. */
const rawSegment = fc.constantFrom(
  '%ED%A0%80',
  '%00',
  '%',
  '%zz',
  '%E2%80%AE',
  '..',
  '%2F',
  '%2e%2e',
  'a%20b',
  '%C0%AF',
);

/** A table name for the path: the real ones, names of other things, and odd strings. */
function tableSegment(): fc.Arbitrary<{ segment: string; table: string }> {
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc.constantFrom(...CRUD_TABLES).map((table) => ({ segment: table, table })),
    },
    {
      weight: 2,
      arbitrary: fc
        .constantFrom(
          'top',
          'Docs',
          'departmentChildren',
          '__proto__',
          'constructor',
          'toString',
          'hasOwnProperty',
          'health',
          'auth',
          'indexes',
          'users',
          'sessions',
          'grants',
        )
        .map((table) => ({ segment: table, table })),
    },
    {
      weight: 1,
      arbitrary: oddString
        .filter((text) => text.length < 200)
        .map((table) => ({ segment: pathSegment(table), table })),
    },
    { weight: 1, arbitrary: rawSegment.map((segment) => ({ segment, table: segment })) },
  );
}

/** An id: one of a table's real rows (by index), or anything. */
function idOf(
  pool: IdPool,
  table: () => string | undefined,
  deletable = false,
): fc.Arbitrary<string> {
  return fc.oneof(
    {
      weight: 3,
      arbitrary: fc.nat().map((index) => {
        const name = table();
        const crud = CRUD_TABLES.find((candidate) => candidate === name) ?? 'docs';
        const ids = deletable ? pool.added[crud] : pool.rows[crud];
        return ids.length > 0 ? ids[index % ids.length] : 'no-such-id';
      }),
    },
    { weight: 2, arbitrary: oddString },
  );
}

/** A body: almost right (the route's shape with odd values), any JSON value, or raw text. */
function bodyOf(
  shaped: fc.Arbitrary<Record<string, unknown> | unknown[]>,
): fc.Arbitrary<{ text: string; name?: string }> {
  return fc.oneof(
    {
      weight: 5,
      arbitrary: fc
        .tuple(
          shaped,
          fc.dictionary(
            fc.constantFrom(
              'extra',
              'version',
              'admin',
              'id',
              '__proto__',
              'constructor',
              'prototype',
            ),
            anyValue,
            { maxKeys: 2 },
          ),
          fc.boolean(),
        )
        .map(([body, extra, withExtra]) => {
          const value = Array.isArray(body) || !withExtra ? body : { ...extra, ...body };
          // JSON.stringify writes an own `__proto__` key like any other.
          const name = Array.isArray(value) ? undefined : (value as { name?: unknown }).name;
          return { text: JSON.stringify(value), name: typeof name === 'string' ? name : undefined };
        }),
    },
    { weight: 1, arbitrary: anyValue.map((value) => ({ text: JSON.stringify(value) ?? '' })) },
    { weight: 1, arbitrary: rawJson.map((text) => ({ text })) },
  );
}

const senders = fc.constantFrom<Sender>(
  'admin',
  'admin',
  'admin',
  'admin',
  'admin',
  'admin',
  'viewer',
  'none',
  'forged',
);

/**
 * The `name` a JSON body carries, as the server's parser reads it: a leading BOM skipped, the last
 * of duplicate keys.
 */
function nameIn(text: string): string | undefined {
  try {
    const value: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    const name = (value as { name?: unknown }).name;
    return typeof name === 'string' ? name : undefined;
  } catch {
    return undefined;
  }
}

/** One generated request to any route. */
export function fuzzRequest(pool: IdPool): fc.Arbitrary<FuzzRequest> {
  const nameValue = fc.oneof(
    { weight: 4, arbitrary: oddString },
    { weight: 1, arbitrary: anyValue },
  );
  const idList = (tableOf: () => string | undefined) =>
    fc.oneof(
      fc.array(idOf(pool, tableOf), { maxLength: 6 }),
      fc
        .constantFrom(1000, 1001)
        .map((count) => Array.from({ length: count }, (_, index) => `id${index}`)),
    );
  const finish = (
    kind: RouteKind,
    method: FuzzRequest['method'],
    path: string,
    body: fc.Arbitrary<{ text: string; name?: string }>,
    table?: string,
  ): fc.Arbitrary<FuzzRequest> =>
    fc.tuple(body, encodings, senders).map(([{ text, name: known }, encoding, sender]) => {
      const { headers, body: bytes } = encode(text, encoding);
      const lossless = encoding !== 'wtf8-surrogates';
      // Raw or arbitrary JSON may still be a valid body with a name: read it as the server does.
      const name = known ?? nameIn(text);
      const request = { kind, method, path, sender, headers, body: bytes, name, table, lossless };
      return Object.assign(request, { [fc.toStringMethod]: () => describeRequest(request) });
    });

  const tableRoute = tableSegment().chain(({ segment, table }) => {
    const current = () => table;
    return fc.oneof(
      fc
        .constant(null)
        .chain(() => finish('load', 'POST', `/api/${segment}`, bodyOf(idList(current)), table)),
      bodyOf(fc.record({ id: idOf(pool, current), name: nameValue }, { requiredKeys: [] })).chain(
        (body) => finish('update', 'PUT', `/api/${segment}`, fc.constant(body), table),
      ),
      finish(
        'add',
        'POST',
        `/api/${segment}/add`,
        bodyOf(
          fc.record(
            { name: nameValue, parentId: idOf(pool, () => parentTableOf(table)) },
            { requiredKeys: [] },
          ),
        ),
        table,
      ),
      fc
        .oneof(idOf(pool, current, true).map(pathSegment), rawSegment)
        .chain((id) =>
          finish('delete', 'DELETE', `/api/${segment}/${id}`, fc.constant({ text: '' }), table),
        ),
    );
  });

  return fc.oneof(
    { weight: 8, arbitrary: tableRoute },
    {
      weight: 1,
      arbitrary: finish(
        'top',
        'POST',
        '/api/top',
        bodyOf(
          fc.oneof(
            idList(() => undefined),
            fc.constant<string[]>(['1']),
          ),
        ),
      ),
    },
    {
      weight: 1,
      arbitrary: finish(
        'indexes',
        'POST',
        '/api/departments/indexes',
        bodyOf(
          fc.record(
            {
              parentId: idOf(pool, () => 'departments'),
              startIndex: fc.oneof(fc.integer({ min: -2, max: 5 }), anyValue),
              length: fc.oneof(fc.constantFrom(0, 1, 50, 1000, 1001, 1.5), anyValue),
            },
            { requiredKeys: [] },
          ),
        ),
      ),
    },
    {
      weight: 1,
      arbitrary: finish(
        'login',
        'POST',
        '/api/auth/login',
        bodyOf(
          fc.record(
            { username: fc.oneof(fc.constant('admin'), oddString), password: oddString },
            { requiredKeys: [] },
          ),
        ),
      ),
    },
    { weight: 1, arbitrary: finish('logout', 'POST', '/api/auth/logout', bodyOf(fc.constant({}))) },
    { weight: 1, arbitrary: finish('me', 'GET', '/api/auth/me', fc.constant({ text: '' })) },
  );
}

/** A request as a failure prints it: short, with the body's start (a body can be 1 MB). */
export function describeRequest(request: FuzzRequest): string {
  const body = request.body.toString('latin1');
  const shown = body.length > 300 ? `${body.slice(0, 300)}… (${request.body.length} bytes)` : body;
  return `${request.method} ${request.path.slice(0, 200)} as ${request.sender} ${JSON.stringify(request.headers)} ${JSON.stringify(shown)}`;
}

function parentTableOf(table: string): string | undefined {
  if (table === 'locations') return undefined;
  return table === 'departments' ? 'locations' : 'departments';
}

const agent = new Agent({ keepAlive: true, maxSockets: 4 });

/** Sends a request; rejects when no answer comes within `timeoutMs` (a hang). */
export function send(
  url: string,
  request: Pick<FuzzRequest, 'method' | 'path' | 'headers' | 'body'>,
  cookie: string | undefined,
  timeoutMs: number,
): Promise<FuzzResponse> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        agent,
        hostname,
        port,
        method: request.method,
        path: request.path,
        headers: {
          ...request.headers,
          ...(cookie ? { Cookie: cookie } : {}),
          ...(request.method === 'GET' && request.body.length === 0
            ? {}
            : { 'Content-Length': String(request.body.length) }),
        },
        timeout: timeoutMs,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
        );
        response.on('error', reject);
      },
    );
    outgoing.on('timeout', () => {
      outgoing.destroy(
        new Error(`no answer within ${timeoutMs} ms: ${request.method} ${request.path}`),
      );
    });
    outgoing.on('error', reject);
    outgoing.end(request.body);
  });
}

/** Closes the keep-alive connections of {@link send}. */
export function closeConnections(): void {
  agent.destroy();
}

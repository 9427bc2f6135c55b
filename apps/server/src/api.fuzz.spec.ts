import {
  ALL_INTEREST,
  CRUD_TABLES,
  NAME_MAX_LENGTH,
  nameSchema,
  type CrudTable,
  type SocketNotification,
} from '@smart-sync/shared-types';
import { rowDelegate, TABLES } from '@smart-sync/server-db';
import fc from 'fast-check';
import type { Socket } from 'socket.io-client';
import {
  fuzzSocketPacket,
  isReservedEvent,
  sendPacket,
  type FuzzPacket,
} from './testing/fuzz-packets';
import {
  closeConnections,
  fuzzRequest,
  send,
  type FuzzRequest,
  type FuzzResponse,
  type IdPool,
} from './testing/fuzz-requests';
import { connectClient, MessageLog, startTestApp, type TestApp } from './testing/test-app';

/**
 * Property-based fuzzing of every route and of the socket's client→server events, against the real
 * app on a database of its own (SQLite; PostgreSQL in `test-postgresql`). For every generated
 * request: never a 5xx, never a hang; a rejected one (4xx) writes nothing (the tables' fingerprint
 * is unchanged) and emits nothing (an admin socket with interest 'all' hears no message before the
 * next sentinel write); an accepted rename or add stores a name that passes the same rule as the
 * input (counted in what is stored). A failure names its seed: `FC_SEED=<seed> [FC_PATH=<path>]`
 * replays it.
 */

/** Generated HTTP requests and socket packets per run (≥ 2,000 together). */
const HTTP_RUNS = Number(process.env['FUZZ_HTTP_RUNS'] ?? 1800);
const SOCKET_RUNS = Number(process.env['FUZZ_SOCKET_RUNS'] ?? 300);
/** A request without an answer by then is a hang. */
const REQUEST_TIMEOUT_MS = 5_000;
/** Requests between two checks that nothing rejected was emitted. */
const WINDOW = 10;

const seed = process.env['FC_SEED'] === undefined ? undefined : Number(process.env['FC_SEED']);
const path = process.env['FC_PATH'];
/** Shrinking replays requests against a database that has moved on: replay the seed instead. */
const runParameters = { seed, path, endOnFailure: true, verbose: 2 } as const;

describe('fuzzing the API and the socket', () => {
  let t: TestApp;
  let listener: Socket;
  let log: MessageLog;
  let sentinelId: string;
  let sentinelWrites = 0;
  let cookies: Record<'admin' | 'viewer' | 'forged', string>;
  const pool: IdPool = {
    rows: Object.fromEntries(CRUD_TABLES.map((table) => [table, []])) as unknown as IdPool['rows'],
    added: Object.fromEntries(
      CRUD_TABLES.map((table) => [table, []]),
    ) as unknown as IdPool['added'],
  };
  const counts = { http: 0, socket: 0, statuses: new Map<number, number>() };

  /**
   * Rows and Σ version of every synced table, in one query: any write moves it (an add or a delete
   * the count, a rename the sum: every update increments its row's version).
   */
  async function fingerprint(): Promise<string> {
    const sql = CRUD_TABLES.map(
      (table) =>
        `SELECT '${table}' AS t, COUNT(*) AS n, COALESCE(SUM(version), 0) AS v FROM "${table}"`,
    ).join(' UNION ALL ');
    const rows = await t.db.base.$queryRawUnsafe<{ t: string; n: unknown; v: unknown }[]>(sql);
    return rows.map((row) => `${row.t}:${String(row.n)}:${String(row.v)}`).join(' ');
  }

  /** The messages before a known later write's (one ordered connection): what the window emitted. */
  async function messagesSinceLastSentinel(): Promise<SocketNotification[]> {
    const name = `sentinel ${++sentinelWrites}`;
    const answer = await send(
      t.url,
      {
        method: 'PUT',
        path: '/api/docs',
        headers: { 'Content-Type': 'application/json' },
        body: Buffer.from(JSON.stringify({ id: sentinelId, name })),
      },
      cookies.admin,
      REQUEST_TIMEOUT_MS,
    );
    expect(answer.status).toBe(200);
    const isSentinel = (m: SocketNotification) =>
      m.action === 'update' && m.table === 'docs' && m.ids.length === 1 && m.ids[0] === sentinelId;
    await log.waitFor(isSentinel, REQUEST_TIMEOUT_MS);
    const messages = log.take();
    return messages.slice(0, messages.findIndex(isSentinel));
  }

  beforeAll(async () => {
    t = await startTestApp();
    const { base } = t.db;
    // Two locations, each with two departments holding one row of each child table.
    for (const l of [1, 2]) {
      const location = await base.location.create({ data: { name: `Location ${l}` } });
      for (const d of [1, 2]) {
        const department = await base.department.create({
          data: { name: `Department ${l}.${d}`, locationId: location.id },
        });
        const departmentId = department.id;
        await base.doc.create({ data: { name: `Doc ${l}.${d}`, departmentId } });
        await base.folder.create({ data: { name: `Folder ${l}.${d}`, departmentId } });
        await base.list.create({ data: { name: `List ${l}.${d}`, departmentId } });
        await base.sprintFolder.create({ data: { name: `Sprint ${l}.${d}`, departmentId } });
      }
    }
    for (const table of CRUD_TABLES) {
      const rows = (await rowDelegate(base, TABLES[table]).findMany({
        select: { id: true },
        orderBy: { name: 'asc' },
      })) as { id: string }[];
      (pool.rows as Record<CrudTable, string[]>)[table] = rows.map((row) => row.id);
    }
    const sentinelDepartment = await base.department.findFirstOrThrow({ select: { id: true } });
    const sentinel = await base.doc.create({
      data: { name: 'sentinel', departmentId: sentinelDepartment.id },
    });
    sentinelId = sentinel.id;
    const viewer = await t.signIn('fuzz-viewer', { [pool.rows.locations[0]]: 'viewer' });
    cookies = { admin: t.cookie, viewer: viewer.cookie, forged: 'sid=not-a-session' };
    listener = await connectClient(t.url, { cookie: t.cookie, auth: ALL_INTEREST });
    log = new MessageLog(listener);
  });

  afterAll(async () => {
    listener?.close();
    closeConnections();
    const statuses = [...counts.statuses].sort(([a], [b]) => a - b);
    console.log(
      `fuzz: ${counts.http + counts.socket} generated requests (${counts.http} HTTP, ` +
        `${counts.socket} socket packets); statuses ${statuses.map(([s, n]) => `${s}×${n}`).join(' ')}`,
    );
    await t?.close();
  });

  /** The cookie a request is sent with; a logout gets a session of its own (it revokes it). */
  async function cookieOf(request: FuzzRequest): Promise<string | undefined> {
    if (request.sender === 'none') return undefined;
    if (request.kind === 'logout' && request.sender !== 'forged') {
      const rights =
        request.sender === 'admin' ? 'admin' : { [pool.rows.locations[0]]: 'viewer' as const };
      return (await t.signIn(`fuzz-logout-${request.sender}`, rights)).cookie;
    }
    return cookies[request.sender];
  }

  /** What an accepted write left in the database: its stored name obeys the rule, as the input did. */
  async function checkAccepted(request: FuzzRequest, response: FuzzResponse): Promise<void> {
    const table = request.table as CrudTable;
    if (request.kind === 'delete') {
      const id = decodeURIComponent(request.path.split('/').at(-1) ?? '');
      const remaining = await rowDelegate(t.db.base, TABLES[table]).findMany({ where: { id } });
      expect(remaining).toEqual([]);
      const added = pool.added[table];
      added.splice(added.indexOf(id), 1);
      return;
    }
    if (request.kind !== 'update' && request.kind !== 'add') return;
    const [row] = JSON.parse(response.body) as { id: string; name: string }[];
    const [stored] = (await rowDelegate(t.db.base, TABLES[table]).findMany({
      where: { id: row.id },
      select: { name: true },
    })) as { name: string }[];
    // Count what is stored: it is a valid name (1–100 code points, …) and the input as parsed.
    expect(nameSchema.safeParse(stored.name).success).toBe(true);
    expect([...stored.name].length).toBeLessThanOrEqual(NAME_MAX_LENGTH);
    if (request.lossless) expect(stored.name).toBe(nameSchema.parse(request.name));
    expect(row.name).toBe(stored.name);
    if (request.kind === 'add') pool.added[table].push(row.id);
  }

  it(`answers ${HTTP_RUNS} generated HTTP requests: no 5xx, no hang, nothing written or emitted when rejected`, async () => {
    let writesInWindow = 0;
    let inWindow = 0;
    /** The fingerprint after the last request (none after a sentinel). */
    let known: string | undefined;
    await fc.assert(
      fc.asyncProperty(fuzzRequest(pool), async (request) => {
        const before = known ?? (await fingerprint());
        const response = await send(t.url, request, await cookieOf(request), REQUEST_TIMEOUT_MS);
        counts.http++;
        counts.statuses.set(response.status, (counts.statuses.get(response.status) ?? 0) + 1);
        expect(response.status).toBeLessThan(500);
        known = await fingerprint();
        if (response.status >= 400) {
          expect(known).toBe(before);
        } else if (known !== before) {
          writesInWindow++;
          await checkAccepted(request, response);
        }
        if (++inWindow === WINDOW) {
          known = undefined;
          const emitted = await messagesSinceLastSentinel();
          if (writesInWindow === 0) expect(emitted).toEqual([]);
          inWindow = 0;
          writesInWindow = 0;
        }
      }),
      { ...runParameters, numRuns: HTTP_RUNS },
    );
  }, 240_000);

  it(`takes ${SOCKET_RUNS} generated socket packets (release and unknown events) without a word or a write`, async () => {
    let closedBecause = '';
    const sent: FuzzPacket[] = [];
    const connect = async () => {
      const socket = await connectClient(t.url, { cookie: t.cookie, auth: ALL_INTEREST });
      socket.on('disconnect', (reason) => (closedBecause = reason));
      return { socket, own: new MessageLog(socket) };
    };
    let { socket, own } = await connect();
    try {
      let inWindow = 0;
      let reservedInWindow = false;
      let before = await fingerprint();
      await fc.assert(
        fc.asyncProperty(fuzzSocketPacket(pool), async (packet) => {
          sendPacket(socket, packet);
          sent.push(packet);
          counts.socket++;
          reservedInWindow ||= isReservedEvent(packet.event);
          if (++inWindow < WINDOW) return;
          inWindow = 0;
          // Nothing written, nobody heard anything but the sentinel.
          expect(await fingerprint()).toBe(before);
          expect(await messagesSinceLastSentinel()).toEqual([]);
          if (reservedInWindow) {
            // socket.io's parser closes a connection that sends a reserved event name.
            socket.close();
            ({ socket, own } = await connect());
          } else {
            // Any other packet leaves the socket connected and hearing.
            if (!socket.connected) {
              throw new Error(
                `closed (${closedBecause}) after ${JSON.stringify(sent.slice(-WINDOW))}`,
              );
            }
            await own
              .waitFor((m) => m.ids[0] === sentinelId, REQUEST_TIMEOUT_MS)
              .catch(() => {
                throw new Error(`deaf after ${JSON.stringify(sent.slice(-WINDOW)).slice(0, 2000)}`);
              });
            expect(own.take().filter((m) => m.ids[0] !== sentinelId)).toEqual([]);
            expect(socket.connected).toBe(true);
          }
          reservedInWindow = false;
          sent.length = 0;
          before = await fingerprint();
        }),
        { ...runParameters, numRuns: SOCKET_RUNS },
      );
    } finally {
      socket.close();
    }
  }, 120_000);

  describe('what names and ids may hold (shared-types text.ts)', () => {
    const put = (body: string | Buffer, contentType = 'application/json') =>
      t.api.put('/api/docs').set('Content-Type', contentType).send(body);
    const doc = () => JSON.stringify({ id: sentinelId, name: 'x' }).slice(0, -3);

    it('refuses lone surrogates with a 400 instead of storing each as replacement characters', async () => {
      const response = await put(JSON.stringify({ id: sentinelId, name: '\ud800'.repeat(100) }));
      expect(response.status).toBe(400);
      expect(response.body.message).toBe(
        'name: must not contain lone surrogates (not Unicode text)',
      );
    });

    it('measures a body of invalid UTF-8 as decoded, U+FFFD for each bad byte: what is stored', async () => {
      const wtf8 = (count: number) =>
        send(
          t.url,
          {
            method: 'PUT',
            path: '/api/docs',
            headers: { 'Content-Type': 'application/json' },
            body: Buffer.concat([
              Buffer.from(doc()),
              Buffer.alloc(count * 3, Buffer.from([0xed, 0xa0, 0x80])),
              Buffer.from('"}'),
            ]),
          },
          t.cookie,
          REQUEST_TIMEOUT_MS,
        );
      expect((await wtf8(34)).status).toBe(400); // 102 replacement characters
      expect((await wtf8(33)).status).toBe(200);
      const stored = await t.db.base.doc.findUniqueOrThrow({ where: { id: sentinelId } });
      expect(stored.name).toBe('\ufffd'.repeat(99));
    });

    const visible = 'must contain a visible character';
    const control = 'must not contain control characters';
    it.each([
      ...['\u200b', '\u200e\u200f', '\ufeff\u2060', '\u0301', ' \u00ad '].map((name) => [
        name,
        visible,
      ]),
      ...['a\u0000b', 'a\tb', 'line\nbreak', 'c1\u0085', 'del\u007f'].map((name) => [
        name,
        control,
      ]),
    ])('refuses the name %j: %s', async (name, message) => {
      const response = await put(JSON.stringify({ id: sentinelId, name }));
      expect(response.status).toBe(400);
      expect(response.body.message).toBe(`name: ${message}`);
    });

    it('keeps format characters within a visible name, and trims control characters around it', async () => {
      for (const [name, stored] of [
        ['\u200fשלום\u200e', '\u200fשלום\u200e'],
        ['👨‍👩‍👧', '👨‍👩‍👧'],
        ['\n\tDoc\r\n', 'Doc'],
      ]) {
        const response = await put(JSON.stringify({ id: sentinelId, name }));
        expect(response.status).toBe(200);
        expect(response.body[0].name).toBe(stored);
      }
    });

    it('refuses ids with control characters or lone surrogates', async () => {
      const deleted = await t.api.delete('/api/docs/a%00b');
      expect(deleted.status).toBe(400);
      expect(deleted.body.message).toBe('id: must not contain control characters');
      const loaded = await t.api.post('/api/docs').send(['\ud800']);
      expect(loaded.status).toBe(400);
      expect(loaded.body.message).toBe(
        'ids[0]: must not contain lone surrogates (not Unicode text)',
      );
    });

    it('refuses a JSON body in another charset than UTF-8 with a 415', async () => {
      for (const charset of ['latin1', 'utf-16le', 'utf-7']) {
        const response = await put(
          JSON.stringify({ id: sentinelId, name: 'x' }),
          `application/json; charset=${charset}`,
        );
        expect(response.status).toBe(415);
      }
      expect(
        (
          await put(
            JSON.stringify({ id: sentinelId, name: 'x' }),
            'application/json; charset=UTF-8',
          )
        ).status,
      ).toBe(200);
    });
  });
});
